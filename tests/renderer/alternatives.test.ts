/** What the "not the same story" warning offers instead of the compared articles. */
import { describe, expect, it } from 'vitest'
import { alternatives, type RelatedItem } from '../../src/renderer/src/views/compare/alternatives'

const item = (id: number, score: number): RelatedItem => ({ id, title: `#${id}`, outlet: null, publishedAt: null, score, nearDuplicate: false, terms: [] })
const ids = (lists: RelatedItem[][]): number[][] => lists.map((l) => l.map((r) => r.id))

describe('alternatives to an unrelated comparison', () => {
  it('lists an article related to several compared ones once, under the closest, and never a compared article', () => {
    // 1 and 2 are compared; 10 is related to both (closer to 1), 2 is weakly related to 1.
    const lists = alternatives([1, 2], [
      [item(10, 0.6), item(2, 0.2), item(11, 0.3)],
      [item(10, 0.18), item(20, 0.5)]
    ])
    expect(ids(lists)).toEqual([[10, 11], [20]])
  })

  it('keeps at most three per article, best first, after the others have taken theirs', () => {
    const lists = alternatives([1, 2], [
      [item(10, 0.9), item(11, 0.8), item(12, 0.7), item(13, 0.6), item(14, 0.5)],
      [item(11, 0.95), item(30, 0.4)]
    ])
    expect(ids(lists)).toEqual([[10, 12, 13], [11, 30]])
  })
})
