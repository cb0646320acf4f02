/**
 * Sentence similarity robust to rewording: the search pipeline's normalised, stemmed tokens
 * (stop words out), weighted by TF-IDF over all sentences of the comparison, compared by cosine.
 * Rare shared words (names, numbers, places) weigh more than common ones.
 */
import { isStopWord, tokenize } from '../text/tokenize'
import { fold } from './fold'

export type Vector = Map<string, number>

export function terms(text: string): string[] {
  return tokenize(fold(text))
    .map((t) => t.term)
    .filter((t) => !isStopWord(t))
}

/** TF-IDF vectors (unit length) for a set of texts, IDF taken over the same set. */
export function vectorize(texts: string[][]): Vector[] {
  const df = new Map<string, number>()
  for (const ts of texts) for (const t of new Set(ts)) df.set(t, (df.get(t) ?? 0) + 1)
  const n = texts.length
  return texts.map((ts) => {
    const v: Vector = new Map()
    for (const t of ts) v.set(t, (v.get(t) ?? 0) + 1)
    let norm = 0
    for (const [t, tf] of v) {
      const w = (1 + Math.log(tf)) * Math.log(1 + n / df.get(t)!)
      v.set(t, w)
      norm += w * w
    }
    norm = Math.sqrt(norm) || 1
    for (const [t, w] of v) v.set(t, w / norm)
    return v
  })
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [t, w] of small) {
    const o = large.get(t)
    if (o) dot += w * o
  }
  return dot
}

/** The sum of two vectors, renormalised: two sentences read as one. */
export function combine(a: Vector, b: Vector): Vector {
  const v: Vector = new Map(a)
  for (const [t, w] of b) v.set(t, (v.get(t) ?? 0) + w)
  let norm = 0
  for (const w of v.values()) norm += w * w
  norm = Math.sqrt(norm) || 1
  for (const [t, w] of v) v.set(t, w / norm)
  return v
}

/** Verbatim up to punctuation, case, spacing and variant letters (ё/е, ß/ss). */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => fold(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return norm(a) === norm(b)
}
