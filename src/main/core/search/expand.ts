/**
 * Query expansion against one segment's vocabulary: prefix (`elect*`) and fuzzy (`goverment~1`)
 * words become the segment's exact index terms, and each term's document frequency, memoised.
 * Also the parts of a Lunr index its type declarations do not show, read here and in the executor.
 */
import type lunr from 'lunr'
import type { Clause } from './query'

export interface Segment {
  id: number
  index: lunr.Index
  docCount: number
  /** The segment's terms, sorted: prefix and fuzzy terms are expanded against it (Lunr's own expansion is slow). */
  vocabulary?: string[]
  /** Documents holding each term, memoised (segments never change). */
  df?: Map<string, number>
}

/** A term's postings: field -> document ref -> metadata, and the term's position in the vectors. */
export type Posting = Record<string, Record<string, object>> & { _index: number }

/** The parts of a Lunr index its type declarations do not show: postings and document vectors. */
export interface LunrInternals {
  invertedIndex: Record<string, Posting | undefined>
  fieldVectors: Record<string, { elements: number[] } | undefined>
  fields: string[]
}
export const internals = (index: lunr.Index): LunrInternals => index as unknown as LunrInternals

/** Lunr's idf: documents holding the term, over all fields. */
export function idf(documentsWithTerm: number, documentCount: number): number {
  return Math.log(1 + Math.abs((documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5)))
}

function documentsWithTerm(posting: Posting): number {
  let n = 0
  for (const f in posting) if (f !== '_index') n += Object.keys(posting[f]!).length
  return n
}

/** Documents of the segment holding a term (0 when it has none). */
export function segmentDf(seg: Segment, term: string): number {
  seg.df ??= new Map()
  let n = seg.df.get(term)
  if (n === undefined) {
    const posting = internals(seg.index).invertedIndex[term]
    n = posting ? documentsWithTerm(posting) : 0
    seg.df.set(term, n)
  }
  return n
}

function vocabulary(seg: Segment): string[] {
  seg.vocabulary ??= Object.keys(internals(seg.index).invertedIndex).sort()
  return seg.vocabulary
}

/** Index terms starting with a prefix, by binary search in the sorted vocabulary. */
export function expandPrefix(seg: Segment, prefix: string, max = 500): string[] {
  const vocab = vocabulary(seg)
  let lo = 0
  let hi = vocab.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (vocab[mid]! < prefix) lo = mid + 1
    else hi = mid
  }
  const out: string[] = []
  for (let i = lo; i < vocab.length && out.length < max && vocab[i]!.startsWith(prefix); i++) out.push(vocab[i]!)
  return out
}

/**
 * Index terms within `distance` edits of a word that share its first letter (as most spelling
 * suggesters do: it keeps "goverment~1" from matching "over", and the scan to one letter's range).
 */
export function expandFuzzy(seg: Segment, word: string, distance: number, max = 200): string[] {
  const out: string[] = []
  const first = word.charAt(0)
  for (const t of expandPrefix(seg, first, Infinity)) {
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
export function expansions(seg: Segment, clauses: Clause[]): Map<Clause, string[]> {
  const out = new Map<Clause, string[]>()
  for (const c of clauses) {
    if (c.kind === 'prefix') out.set(c, expandPrefix(seg, c.terms[0]!))
    else if (c.kind === 'fuzzy') out.set(c, expandFuzzy(seg, c.terms[0]!, c.distance))
  }
  return out
}

/** A required (or filtering) prefix or fuzzy word with no expansion in this segment: nothing in it can match. */
export function cannotMatch(expanded: Map<Clause, string[]>): boolean {
  return [...expanded].some(([c, terms]) => terms.length === 0 && (c.presence === 'required' || c.presence === 'filter'))
}
