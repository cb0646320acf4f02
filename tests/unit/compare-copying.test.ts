/** Timeline and copying direction of compared articles, on articles written for these tests. */
import { describe, expect, it } from 'vitest'
import { compareArticles, type CompareInput } from '../../src/main/core/compare'
import { copying, publicationTime, RUN_WORDS, timeline } from '../../src/main/core/compare/copying'
import { articleLabels, copyingSentence, firstPublished, shortHeadline, timelineOffset } from '../../src/shared/compare-text'
import { Comparison } from '../../src/shared/contract'

const wire = [
  'Fishermen in the northern bay landed the smallest cod catch in forty years this season, the regional fisheries office reported on Tuesday.',
  'The office counted 1,240 tonnes, down from 3,100 tonnes a decade ago, and blamed warmer water that pushes the fish further north each summer.',
  '“We are fishing the same grounds with the same boats and finding half the fish,” said Marta Lind, who chairs the bay cooperative.',
  'The cooperative will ask the ministry for a support fund of 2 million euros when its board meets in Lisbon next month.'
]
const ownA = ['Harbour cafés in Vila Nova have already cut their opening hours for the winter.', 'Local schools plan a seafood week to support the boats.']
const ownB = ['The mayor has promised to raise the matter with the regional parliament.']

const input = (id: number, outlet: string, publishedAt: string | null, paragraphs: string[]): CompareInput => ({
  id,
  title: `Cod catch at a forty-year low (${outlet})`,
  outlet,
  publishedAt,
  text: paragraphs.join('\n\n')
})

describe('timeline', () => {
  it('orders articles by publication time, undated last, with hours after the first', () => {
    const articles = [{ publishedAt: '2025-03-04T08:30:00Z' }, { publishedAt: null }, { publishedAt: '2025-03-03T22:30:00Z' }, { publishedAt: '2025-03-05' }]
    expect(timeline({ articles } as unknown as Comparison)).toEqual([
      { article: 2, publishedAt: '2025-03-03T22:30:00Z', hasTime: true, hoursAfterFirst: 0 },
      { article: 0, publishedAt: '2025-03-04T08:30:00Z', hasTime: true, hoursAfterFirst: 10 },
      { article: 3, publishedAt: '2025-03-05', hasTime: false, hoursAfterFirst: 25.5 },
      { article: 1, publishedAt: null, hasTime: false, hoursAfterFirst: null }
    ])
  })

  it('reads bare dates as dates without an hour and refuses what is no date', () => {
    expect(publicationTime('2025-03-05')).toEqual({ at: Date.UTC(2025, 2, 5), hasTime: false })
    expect(publicationTime('2025-03-05T10:00:00+02:00')).toEqual({ at: Date.UTC(2025, 2, 5, 8), hasTime: true })
    expect(publicationTime('last Tuesday')).toBeNull()
  })
})

describe('first publisher', () => {
  it('marks the earliest dated article, none when all share one time, ignoring undated ones', () => {
    const at = (id: number, publishedAt: string | null) => ({ id, publishedAt })
    expect([...firstPublished([at(1, '2025-03-04'), at(2, '2025-03-03T22:00:00Z'), at(3, null)])]).toEqual([2])
    expect([...firstPublished([at(1, '2025-03-03'), at(2, '2025-03-03'), at(3, null)])]).toEqual([])
    expect([...firstPublished([at(1, null), at(2, null)])]).toEqual([])
  })
})

describe('copying', () => {
  it('finds the long passage a later article repeats and points from the earlier to the later one', () => {
    // Positions: the later article comes first, so the direction must come from the times.
    const c = compareArticles([
      input(1, 'Bay Herald', '2025-03-04T12:00:00Z', [...ownB, ...wire.slice(0, 3)]),
      input(2, 'Wire Service', '2025-03-03T22:00:00Z', [...wire, ...ownA])
    ])
    expect(Comparison.parse(c).overview.copying).toEqual([
      { earlier: 1, later: 0, words: expect.any(Number), sentences: 3, paragraphs: 3, verbatim: true, hoursApart: 14, hoursKnown: true, order: 'known' }
    ])
    const words = wire.slice(0, 3).join(' ').split(/\s+/).length
    expect(c.overview.copying[0]!.words).toBe(words)
    expect(c.overview.timeline.map((t) => t.article)).toEqual([1, 0])
  })

  it('counts lightly reworded runs, marks them not verbatim, and says when the order is unknown', () => {
    const reworded = [wire[0]!.replace('on Tuesday', 'this week'), wire[1]!.replace('and blamed', 'blaming')]
    const c = compareArticles([input(1, 'Wire Service', null, wire), input(2, 'Coast Daily', '2025-03-04', reworded)])
    expect(c.overview.copying).toMatchObject([{ earlier: 0, later: 1, sentences: 2, verbatim: false, hoursApart: null, hoursKnown: false, order: 'unknown' }])
  })

  it('ignores a single short shared sentence: two reporters at one event', () => {
    const short = 'The office counted 1,240 tonnes this season.'
    expect(short.split(' ').length).toBeLessThan(RUN_WORDS)
    const c = compareArticles([input(1, 'Wire Service', '2025-03-03', [short, ...ownA]), input(2, 'Coast Daily', '2025-03-04', [short, ...ownB])])
    expect(c.pairs.length).toBeGreaterThan(0)
    expect(c.overview.copying).toEqual([])
  })

  it('reads runs from the pairs alone: gaps of more than one sentence split a run', () => {
    const sentence = (text: string, i: number) => ({ index: i, paragraph: i, text, alignment: 'same' as const, group: i })
    const twelve = 'one two three four five six seven eight nine ten eleven twelve'
    const articles = [0, 1].map(() => ({ publishedAt: null, sentences: Array.from({ length: 6 }, (_, i) => sentence(twelve, i)) }))
    const pair = (i: number, j: number) => ({ a: 0, b: 1, sentencesA: [i], sentencesB: [j], similarity: 1, alignment: 'same' as const, diff: [] })
    const apart = { articles, pairs: [pair(0, 0), pair(3, 3), pair(5, 5)] } as unknown as Comparison
    expect(copying(apart)).toEqual([])
    const together = { articles, pairs: [pair(0, 0), pair(1, 1), pair(3, 3)] } as unknown as Comparison
    expect(copying(together)).toMatchObject([{ words: 36, sentences: 3, paragraphs: 3 }])
  })
})

describe('timeline and copying sentences', () => {
  const k = { earlier: 0, later: 1, words: 139, sentences: 4, paragraphs: 3, verbatim: false, hoursApart: 24, hoursKnown: false, order: 'known' as const }
  it('says who repeats whom and how much later, in hours only when both times know the hour', () => {
    expect(copyingSentence(k, ['The New York Times', 'HuffPost'])).toBe('HuffPost repeats 3 paragraphs (139 words) of The New York Times verbatim or lightly reworded, published 1 day later')
    expect(copyingSentence({ ...k, verbatim: true, paragraphs: 1, hoursApart: 14, hoursKnown: true }, ['Wire', 'Daily'])).toBe('Daily repeats 1 paragraph (139 words) of Wire verbatim, published 14 h later')
    expect(copyingSentence({ ...k, hoursApart: 0 }, ['A', 'B'])).toBe('B repeats 3 paragraphs (139 words) of A verbatim or lightly reworded, published the same day')
    expect(copyingSentence({ ...k, order: 'unknown', hoursApart: null }, ['A', 'B'])).toMatch(/^A and B share 3 paragraphs .* which came first is unknown/)
  })
  it('marks the first entry, and the others at the same time as "same day" or "same time"', () => {
    const t = (hoursAfterFirst: number | null, hasTime: boolean) => ({ article: 0, publishedAt: null, hasTime, hoursAfterFirst })
    expect([t(0, false), t(0, false), t(24, false), t(null, false)].map((x, i) => timelineOffset(x, false, i))).toEqual(['first', 'same day', '+1 day', 'no date'])
    expect([t(0, true), t(0, true), t(0.5, true), t(14, true)].map((x, i) => timelineOffset(x, true, i))).toEqual(['first', 'same time', '+30 min', '+14 h'])
  })
  it('tells repeated outlets apart by date, then by headline', () => {
    const a = (outlet: string | null, publishedAt: string | null, title: string) => ({ outlet, publishedAt, title })
    const articles = [a('Fox News', '2025-03-03', 'One two three four five six'), a('Fox News', '2025-03-04', 'x'), a('HuffPost', '2025-03-03', 'y'), a('HuffPost', '2025-03-03', 'Other headline'), a(null, null, 'z')]
    expect(articleLabels({ articles } as unknown as Comparison)).toEqual([
      'Fox News, 3 Mar 2025',
      'Fox News, 4 Mar 2025',
      'HuffPost, 3 Mar 2025: “y”',
      'HuffPost, 3 Mar 2025: “Other headline”',
      'Article 5'
    ])
    expect(shortHeadline('One two three four five six')).toBe('One two three four five…')
  })
})
