/**
 * Metadata helpers shared by the importers: the content identity used for dedupe, word counts
 * and paragraphs. Dates live in dates.ts, date/byline lines in dateline.ts (re-exported here).
 */
import { createHash } from 'node:crypto'
import { normalizeForHash } from '../text/normalise'

export { normalizeForHash }

export { findDate, parseDate, type FoundDate } from './dates'
export { cleanAuthor, parseBylineLine, type Byline } from './dateline'

export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex')
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Splits text into paragraphs at blank lines; lines inside a paragraph are joined. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, ' ').replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 0)
}
