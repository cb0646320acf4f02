/**
 * An article's byline as CSL names: "Jane Doe and John Smith", "Doe, Jane; Smith, John" or
 * "Jane Doe, John Smith" become one name each, split into family and given parts by Citation.js's
 * name parser; a byline that is an organisation ("Reuters", "BBC News staff") stays one literal
 * name, so it is never cited as "News, B.".
 */
import type { CslName } from '@citation-js/core'
import { parse as parseName } from '@citation-js/name'

const ORGANISATION = /\b(news|staff|desk|team|agency|press|reporters?|correspondents?|editors|editorial|board|service|wire|online|bureau|newsroom|media|times|post|herald|guardian|reuters|afp|ap|bbc|cnn)\b/i

export function cslNames(byline: string | null, outlet: string | null): CslName[] | undefined {
  const clean = byline?.replace(/^\s*by\s+/i, '').trim()
  if (!clean) return undefined
  return bylineParts(clean).map((part) => nameOf(part, outlet))
}

/** The byline's names: split at "and", "&", ";" and at commas between names of two or more words. */
export function bylineParts(byline: string): string[] {
  const parts = byline.split(/\s*(?:;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i).filter(Boolean)
  return parts.flatMap((part) => {
    const pieces = part.split(/\s*,\s*/).filter(Boolean)
    // "Doe, Jane" is one inverted name; "Jane Doe, John Smith" is two.
    return pieces.length > 1 && pieces.every((p) => p.split(/\s+/).length > 1) ? pieces : [part]
  })
}

function nameOf(part: string, outlet: string | null): CslName {
  const sameAsOutlet = outlet !== null && part.toLowerCase() === outlet.toLowerCase()
  if (sameAsOutlet || ORGANISATION.test(part) || !/\s|,/.test(part)) return { literal: part }
  const parsed = parseName(part)
  return parsed.family ? parsed : { literal: part }
}
