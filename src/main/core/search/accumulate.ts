/**
 * BM25 score accumulation over posting lists, in typed arrays: a segment's matches as ascending
 * ids with parallel scores. Each document's weights are added in the order the lists come (term,
 * then field), so the floating-point sums are the ones a per-document loop gives.
 */
import { seek, type DocSet } from './doc-sets'
import type { FieldPostings } from './postings'

/** A segment's matching articles (ascending) and their scores. */
export interface Matches {
  docs: DocSet
  scores: Float64Array
}

/** One field's postings of one query term, with that field's weigher. */
export interface WeightedList {
  fp: FieldPostings
  weigh: (fp: FieldPostings, i: number) => number
}

/** The score an optional-only match starts from: a match whose weights are all zero still counts. */
const FLOOR = 1e-9

/** Reused between queries: a dense accumulator over a segment's id range, grown as needed. */
let acc = new Float64Array(0)
let seen = new Uint8Array(0)

/** The dense accumulator's largest id range (a segment of two million articles; 18 MB of scratch). */
const MAX_DENSE_RANGE = 1 << 21

/**
 * Every document in any list, scored. Dense over the lists' id range when that range is not too
 * sparse (a segment's ids are near-contiguous); else few lists are merged, many summed in a map.
 */
export function accumulate(lists: readonly WeightedList[]): Matches {
  let lo = Infinity
  let hi = -Infinity
  let total = 0
  for (const { fp } of lists) {
    if (!fp.docs.length) continue
    lo = Math.min(lo, fp.docs[0]!)
    hi = Math.max(hi, fp.docs[fp.docs.length - 1]!)
    total += fp.docs.length
  }
  if (total === 0) return { docs: new Int32Array(0), scores: new Float64Array(0) }
  const range = hi - lo + 1
  if (range <= MAX_DENSE_RANGE && range <= Math.max(32 * total, 1 << 17)) return dense(lists, lo, range)
  return lists.length <= 8 ? lists.reduce(mergeAdd, { docs: new Int32Array(0), scores: new Float64Array(0) }) : sparse(lists)
}

/** The matches so far with one more list's weights added: a sorted merge. */
function mergeAdd(m: Matches, { fp, weigh }: WeightedList): Matches {
  const a = m.docs
  const b = fp.docs
  const out: Matches = { docs: new Int32Array(a.length + b.length), scores: new Float64Array(a.length + b.length) }
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      out.docs[n] = a[i]!
      out.scores[n++] = m.scores[i++]!
    } else {
      const both = i < a.length && a[i] === b[j]
      out.docs[n] = b[j]!
      out.scores[n++] = (both ? m.scores[i++]! : FLOOR) + weigh(fp, j++)
    }
  }
  return { docs: out.docs.subarray(0, n), scores: out.scores.subarray(0, n) }
}

function dense(lists: readonly WeightedList[], lo: number, range: number): Matches {
  if (acc.length < range) {
    acc = new Float64Array(range)
    seen = new Uint8Array(range)
  }
  let count = 0
  for (const { fp, weigh } of lists) {
    const docs = fp.docs
    for (let i = 0; i < docs.length; i++) {
      const at = docs[i]! - lo
      if (seen[at] === 0) {
        seen[at] = 1
        acc[at] = FLOOR
        count++
      }
      acc[at] = acc[at]! + weigh(fp, i)
    }
  }
  const out: Matches = { docs: new Int32Array(count), scores: new Float64Array(count) }
  let n = 0
  for (let at = 0; n < count; at++) {
    if (seen[at] === 0) continue
    seen[at] = 0
    out.docs[n] = at + lo
    out.scores[n++] = acc[at]!
  }
  return out
}

function sparse(lists: readonly WeightedList[]): Matches {
  const sums = new Map<number, number>()
  for (const { fp, weigh } of lists) for (let i = 0; i < fp.docs.length; i++) sums.set(fp.docs[i]!, (sums.get(fp.docs[i]!) ?? FLOOR) + weigh(fp, i))
  const docs = Int32Array.from(sums.keys()).sort()
  return { docs, scores: Float64Array.from(docs, (d) => sums.get(d)!) }
}

/**
 * Scores the candidates (ascending) alone: each list is walked once, galloping to the next
 * candidate. `hit[k]` is set when list k holds any candidate.
 */
export function scoreCandidates(candidates: DocSet, lists: readonly WeightedList[]): { scores: Float64Array; hit: boolean[] } {
  const scores = new Float64Array(candidates.length)
  const hit = lists.map(({ fp, weigh }) => {
    const docs = fp.docs
    let found = false
    let j = 0
    for (let c = 0; c < candidates.length && j < docs.length; c++) {
      j = seek(docs, candidates[c]!, j)
      if (j < docs.length && docs[j] === candidates[c]) {
        scores[c] = scores[c]! + weigh(fp, j)
        found = true
      }
    }
    return found
  })
  // A match whose weights are all zero (a term in every document) still belongs in the results.
  for (let c = 0; c < scores.length; c++) if (scores[c] === 0) scores[c] = FLOOR
  return { scores, hit }
}

/** The matches a mask over them keeps. */
export function keep(m: Matches, mask: Uint8Array): Matches {
  let n = 0
  for (let i = 0; i < mask.length; i++) n += mask[i]!
  if (n === m.docs.length) return m
  const out: Matches = { docs: new Int32Array(n), scores: new Float64Array(n) }
  let k = 0
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue
    out.docs[k] = m.docs[i]!
    out.scores[k++] = m.scores[i]!
  }
  return out
}
