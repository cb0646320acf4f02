/**
 * Query expansion against a segment's term dictionary: prefix (`elect*`) and fuzzy
 * (`goverment~1`) words become the segment's exact index terms. Lunr's idf, shared by the scoring.
 */
import type lunr from 'lunr'
import { LunrSegment } from './lunr-segment'
import type { Clause } from './query'

/** A Lunr index as the tests hand it to the expansion (see tests/helpers/lunr-reference.ts). */
export interface Segment {
  id: number
  index: lunr.Index
  docCount: number
}

/** What expansion reads of a segment: its sorted terms under a prefix. */
export interface Vocabulary {
  termsWithPrefix(prefix: string, max: number): string[]
}

/** Lunr's idf: documents holding the term, over all fields. */
export function idf(documentsWithTerm: number, documentCount: number): number {
  return Math.log(1 + Math.abs((documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)))
}

/** Index terms starting with a prefix. */
export function expandPrefix(v: Vocabulary, prefix: string, max = 500): string[] {
  return v.termsWithPrefix(prefix, max)
}

/**
 * Index terms within `distance` edits of a word that share its first letter (as most spelling
 * suggesters do: it keeps "goverment~1" from matching "over", and the scan to one letter's range).
 */
export function expandFuzzy(v: Vocabulary, word: string, distance: number, max = 200): string[] {
  const out: string[] = []
  const first = String.fromCodePoint(word.codePointAt(0)!)
  for (const t of v.termsWithPrefix(first, Infinity)) {
    if (Math.abs(t.length - word.length) > distance) continue
    if (withinDistance(word, t, distance)) out.push(t)
    if (out.length >= max) break
  }
  return out
}

function withinDistance(a: string, b: string, k: number): boolean {
  if (k === 1) return withinOne(a, b)
  // Banded dynamic programming on two reused rows.
  const n = b.length
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1)
    rowB = new Int32Array(n + 1)
  }
  let prev = rowA
  let cur = rowB
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1))
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > k) return false
    ;[prev, cur] = [cur, prev]
  }
  return prev[n]! <= k
}
let rowA = new Int32Array(64)
let rowB = new Int32Array(64)

/** One edit at most, in one pass: a substitution, an insertion or a deletion. */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1)
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/** Prefix and fuzzy clauses expanded into the segment's exact terms. */
export function expansions(seg: Vocabulary | Segment, clauses: Clause[]): Map<Clause, string[]> {
  const v = 'index' in seg ? new LunrSegment(seg.index) : seg
  const out = new Map<Clause, string[]>()
  for (const c of clauses) {
    if (c.kind === 'prefix') out.set(c, expandPrefix(v, c.terms[0]!))
    else if (c.kind === 'fuzzy') out.set(c, expandFuzzy(v, c.terms[0]!, c.distance))
  }
  return out
}

/** A required (or filtering) prefix or fuzzy word with no expansion in this segment: nothing in it can match. */
export function cannotMatch(expanded: Map<Clause, string[]>): boolean {
  return [...expanded].some(([c, terms]) => terms.length === 0 && (c.presence === 'required' || c.presence === 'filter'))
}
