/**
 * Metadata helpers shared by the importers: the content identity used for dedupe, word counts
 * and paragraphs. Dates live in dates.ts, date/byline lines in dateline.ts (re-exported here).
 */
import { createHash } from 'node:crypto'
import { normalizeForHash } from '../text/normalise'

export { normalizeForHash }

export { findDate, parseDate, type FoundDate } from './dates'
export { cleanAuthor, parseBylineLine, type Byline } from './dateline'

/**
 * SHA-256 of normalizeForHash(text), fed to the hash a chunk at a time so a 50 MB text is never
 * copied whole three times over (NFKC, lower case, separators). Chunks end after whitespace or
 * between two ASCII letters/digits, where neither normalisation nor case mapping (Greek final
 * sigma) looks across the cut; runs of separators and the ends are joined as the whole-text
 * version joins them, so the digest is the same and stored hashes still match.
 */
export function contentHash(text: string, chunkSize = 1 << 20): string {
  const hash = createHash('sha256')
  let wrote = false
  let space = false
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from, chunkSize)
    let n = text.slice(from, to).normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')
    from = to
    if (n.startsWith(' ')) [space, n] = [true, n.slice(1)]
    if (!n) continue
    if (space && wrote) hash.update(' ')
    space = n.endsWith(' ')
    hash.update(space ? n.slice(0, -1) : n)
    wrote = true
  }
  return hash.digest('hex')
}

const SAFE_PAIR = /[A-Za-z0-9]/

/** Where a chunk may end: after whitespace or between ASCII letters/digits; the text's end if none is near. */
function chunkEnd(text: string, from: number, size: number): number {
  const target = from + size
  if (target >= text.length) return text.length
  for (let i = target; i > from + size / 2; i--) {
    const prev = text.charAt(i - 1)
    if (/\s/.test(prev) || (SAFE_PAIR.test(prev) && SAFE_PAIR.test(text.charAt(i)))) return i
  }
  return text.length // no safe cut in half a chunk (e.g. megabytes of combining marks): the rest at once
}

/** Counted without building an array of every word (a 50 MB text has millions). */
export function countWords(text: string): number {
  const word = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu
  let n = 0
  while (word.exec(text)) n++
  return n
}

/** Splits text into paragraphs at blank lines; lines inside a paragraph are joined. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, ' ').replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 0)
}
