/**
 * Ranking the top k of a query's matches: the same ids in the same order as sorting them all, for
 * any k, with many ties (a filter-only query, outlet:"…", scores every match alike) and without.
 */
import { describe, expect, it } from 'vitest'
import { rankTop } from '../../src/main/core/search/score-table'

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

/** The reference: every entry sorted, by score, ties newer id first. */
const sorted = (ids: number[], scores: number[]): number[] =>
  ids.map((_, p) => p).sort((a, b) => scores[b]! - scores[a]! || ids[b]! - ids[a]!)

describe('rankTop', () => {
  it('gives the sorted order of the best k, with heavy ties, few ties, ascending and shuffled ids', () => {
    const random = prng(7)
    for (let round = 0; round < 60; round++) {
      const n = 1 + Math.floor(random() * 3000)
      const ids = Array.from({ length: n }, (_, i) => i * 3 + 1)
      if (round % 2) ids.sort(() => random() - 0.5)
      const levels = round % 3 === 0 ? 1 : round % 3 === 1 ? 4 : 1000
      const scores = ids.map(() => Math.floor(random() * levels) / levels)
      for (const k of [1, 2, 7, Math.max(1, n >> 4), Math.max(1, n >> 2), n]) {
        const top = rankTop(n, (p) => ids[p]!, (p) => scores[p]!, k)
        expect(top, `round ${round}, n ${n}, k ${k}`).toEqual(sorted(ids, scores).slice(0, k))
      }
    }
  })

  it('ranks 10,000 of 120,000 tied matches (a filter-only query at a million articles)', () => {
    const n = 120_000
    const top = rankTop(n, (p) => p + 1, () => 1e-9, 10_000)
    expect(top).toEqual(Array.from({ length: 10_000 }, (_, i) => n - 1 - i))
  })
})
