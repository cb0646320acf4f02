/**
 * The date/byline line under a headline: `March 1, 2025 by No Comments`, `By Jane Doe | 1 March
 * 2025`, `October 5, 2021 — U.S. News & World Report`, `25 ноября 2025 г. | Коммерсантъ`. Read
 * into date, author and outlet, or rejected as body text when anything sentence-like surrounds
 * the date.
 */
import { findDate, withoutWeekdays } from './dates'

/** What WordPress themes print where the author should be when the author was stripped. */
const BYLINE_RESIDUE = [
  /^no comments?$/i,
  /^(?:\d+|one|two|three)\s+comments?$/i,
  /^leave an? (?:comment|reply)$/i,
  /^comments? (?:off|closed|are closed)$/i,
  /^(?:admin|administrator|editor|staff|unknown|anonymous)$/i
]

/** A byline cleaned to a person's or desk's name, or null when nothing real is left. */
export function cleanAuthor(raw: string | null | undefined): string | null {
  if (!raw) return null
  const parts = raw
    .replace(/^\s*by\s+/i, '')
    .split(/\s*[|•·]\s*/)
    .map((s) => s.trim().replace(/[,;:]+$/, ''))
    .filter((s) => s && !BYLINE_RESIDUE.some((re) => re.test(s)))
  const name = parts[0]?.trim() ?? ''
  return name.length > 0 && name.length <= 120 ? name : null
}

export interface Byline {
  publishedAt: string | null
  author: string | null
  outlet: string | null
}

/** "By" in the dateline's languages (only trusted next to a date, except the English one). */
const BY = /^(?:by|von|par|por|di|автор:?|авторка:?)\s+(.+)$/iu
/** "Published (on)" and its translations, dropped from date lines. */
const PUBLISHED =
  /(?<!\p{L})(?:published|updated|posted|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|atualizado|опубликовано|обновлено|опубліковано|оновлено)(?:\s+(?:on|am|le|el|il|em|в))?:?(?!\p{L})/giu
/** What may stand between the date and an outlet or byline. */
const EDGE_SEPARATOR = /^[\s|•·,–—-]+|[\s|•·,–—-]+$/g
/** Splits the parts of a date line; a plain hyphen does not ("Guest Writer - Left" is one outlet). */
const PART_SEPARATOR = /\s*[|•·]\s*|\s+[—–]\s+/

/**
 * Reads a date/byline line. Returns null when the line is not one (then it is body text).
 */
export function parseBylineLine(line: string): Byline | null {
  const text = line.trim()
  if (text.length === 0 || text.length > 160) return null
  const found = findDate(text)
  if (!found) {
    const by = /^by\s+([^.!?]{1,120})$/i.exec(text)
    return by ? { publishedAt: null, author: cleanAuthor(by[1]), outlet: null } : null
  }
  const tidy = (s: string): string => withoutWeekdays(s).replace(PUBLISHED, ' ').replace(/\s+/g, ' ').trim()
  const before = tidy(text.slice(0, found.index))
  const after = tidy(text.slice(found.index + found.length))
  // Words run straight into the date ("On March 1, 2025 the council…"): a sentence, not a date line.
  if (before && !/[|•·–—-]$/.test(before) && !BY.test(before)) return null
  if (after && !/^[|•·,–—-]/.test(after) && !BY.test(after)) return null
  const parts = [before, after].flatMap((s) => s.replace(EDGE_SEPARATOR, '').split(PART_SEPARATOR)).filter(Boolean)
  const byline: Byline = { publishedAt: found.iso, author: null, outlet: null }
  for (const part of parts) {
    const by = BY.exec(part)
    if (by) byline.author ??= cleanAuthor(by[1])
    else if (looksLikeOutlet(part)) byline.outlet ??= part
    else return null
  }
  return byline
}

/** Short words that may be lower-case inside an outlet's name ("Ministry of Defence", "Le Monde"). */
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'at', 'und', 'der', 'die', 'das', 'des', 'de', 'del', 'la', 'le', 'les', 'du', 'di', 'della', 'do', 'da', 'dos', 'y', 'e', 'et', '&'])
const DOMAIN = /^(?:[\p{L}\d-]+\.)+\p{L}{2,}$/iu
/** Dotted abbreviations an outlet's name may end with ("U.S.", "Inc.", "Govt."). */
const ABBREVIATION = /^(?:(?:\p{L}\.)+|inc\.|co\.|corp\.|ltd\.|govt\.|dept\.|assn\.)$/iu

/**
 * Whether a piece of a date line reads as an outlet's name rather than a sentence: short,
 * starting with a capital, a digit or a domain, mostly capitalised words, no sentence ending.
 * Dots are fine (`FactCheck.org`, `U.S. News & World Report`, `Govt. Accountability Office`).
 */
export function looksLikeOutlet(raw: string): boolean {
  const s = raw.trim()
  if (s.length === 0 || s.length > 80 || /[!?;:,"“”]$/.test(s)) return false
  const words = s.split(/\s+/)
  if (words.length > 8) return false
  if (s.endsWith('.') && !ABBREVIATION.test(words.at(-1)!)) return false
  if (!/^[\p{Lu}\p{N}]/u.test(s) && !DOMAIN.test(words[0]!)) return false
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !CONNECTORS.has(w) && !DOMAIN.test(w))
  // A few lower-case words are fine in a short name ("Новая газета"), not in a clause.
  return lower.length === 0 || (words.length <= 3 && lower.length <= 1)
}
