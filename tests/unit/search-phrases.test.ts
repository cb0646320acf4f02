/**
 * Phrases answered from the index's positions (issue 14) give what checking the stored texts gave:
 * on a generated library (seeded, so a failure reproduces), every phrase — taken from the texts
 * or made up, with stop words, repeated words, Chinese/Japanese bigrams, across the title/text
 * boundary, required or excluded — matches exactly the articles whose title or text holds it by
 * the old check (phraseRegex over the stored text), from the pending articles in memory, from
 * several segments, after a merge, and after deletions and edits. The vocabulary has no two
 * words of one stem (where a phrase now matches as a word does, rates = rate).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SearchIndex } from '../../src/main/core/search/engine'
import { searchStore } from '../../src/main/core/search/persistence'
import { checksum, segmentStore } from '../../src/main/core/search/segment-store'
import { maintain, verifyAndRepair } from '../../src/main/core/search/segments'
import { phraseRegex } from '../../src/main/core/search/snippet'
import { importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

const WORDS = ['harbour', 'bridge', 'council', 'budget', 'ferry', 'island', 'storm', 'museum', 'railway', 'minister', 'prime', 'union', 'state', 'market', 'quay']
const STOPS = ['the', 'of', 'a', 'and', 'to', 'in', 'on', 'was']
const CJK = ['東京都', '京都', '東京', '大阪府', '議会', '会議']

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function generator(seed: number): { sentence: (n: number) => string; pick: <T>(xs: readonly T[]) => T } {
  const r = random(seed)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const word = (): string => (r() < 0.4 ? pick(STOPS) : r() < 0.15 ? pick(CJK) : pick(WORDS))
  const sentence = (n: number): string => {
    const words = Array.from({ length: n }, word)
    // Capitals, commas and the ideographic comma between words: separators the phrase check skips.
    return words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w) + (r() < 0.1 ? (/^\p{Script=Han}/u.test(w) ? '、' : ',') : '')).join(' ') + '.'
  }
  return { sentence, pick }
}

/** Phrases to ask: runs of 2-4 words out of the texts, made-up runs, and some fixed cases. */
function phrases(seed: number, texts: string[]): string[] {
  const g = generator(seed)
  const out = ['state of the union', 'the harbour', 'harbour of', 'bridge bridge', 'the the harbour', 'harbour and the bridge', '東京都', '東京 京都', '京都 議会']
  for (let i = 0; i < 60; i++) {
    const words = g.pick(texts).split(/\s+/)
    const n = 2 + Math.floor(i % 3)
    const at = Math.floor((i * 7919) % Math.max(1, words.length - n))
    out.push(words.slice(at, at + n).join(' ').replace(/[.,、]/g, ''))
    out.push(g.sentence(n).replace(/[.,、]/g, ''))
  }
  return [...new Set(out.filter((p) => /[\p{L}]/u.test(p)))]
}

describe('phrases from positions', () => {
  let lib: Library
  let ids: number[]
  beforeEach(async () => {
    lib = Library.open(tmpDir())
    const g = generator(14)
    const files = Array.from({ length: 120 }, (_, i) => {
      const body = Array.from({ length: 3 + (i % 5) }, () => g.sentence(6 + (i % 9))).join(' ')
      return { name: `a${i}.txt`, bytes: new TextEncoder().encode(`${g.sentence(4).slice(0, -1)}\n\n${body}`) }
    })
    ids = (await importBatch(lib, files)).map((r) => r.articleId!).filter((id) => id !== undefined)
  })
  afterEach(() => lib.close())
  const db = (): ReturnType<typeof Library.connection> => Library.connection(lib)

  /** The articles the old check finds: the phrase, adjacent and in order, in the stored title or text. */
  const byText = (phrase: string, excludedFrom?: string): number[] => {
    const re = phraseRegex(phrase)
    const docs = searchStore(db()).docs(ids)
    const holds = (d: (typeof docs)[number]): boolean => re.test(d.title ?? '') || re.test(d.text ?? '')
    if (excludedFrom === undefined) return docs.filter(holds).map((d) => d.id)
    const word = new RegExp(`\\b${excludedFrom}\\b`, 'i')
    return docs.filter((d) => (word.test(d.title ?? '') || word.test(d.text ?? '')) && !holds(d)).map((d) => d.id)
  }
  const found = (index: SearchIndex, q: string): number[] =>
    index
      .search({ q, limit: 1000, idsOnly: true })
      .hits.map((h) => h.id)
      .sort((a, b) => a - b)

  const check = (label: string): void => {
    const index = new SearchIndex(db())
    index.refresh()
    const texts = searchStore(db())
      .docs(ids)
      .map((d) => `${d.title} ${d.text}`)
    let nonEmpty = 0
    for (const p of phrases(ids.length, texts)) {
      const expected = byText(p)
      if (expected.length) nonEmpty++
      expect(found(index, `"${p}"`), `${label}: "${p}"`).toEqual(expected)
    }
    // Excluded phrases: the articles with the word, less those holding the phrase.
    for (const p of ['harbour bridge', 'the ferry', 'prime minister']) expect(found(index, `museum -"${p}"`), `${label}: -"${p}"`).toEqual(byText(p, 'museum'))
    // The generated phrases found something, so the comparison is not of empty results.
    expect(nonEmpty).toBeGreaterThan(30)
  }

  it('match what the stored texts hold, in memory, in segments, after merges, deletions and edits', () => {
    check('pending, in memory')
    maintain(db(), { buildBatch: 25, maxSegments: 100 })
    check('several segments')
    lib.articles.delete(ids.slice(0, 10))
    ids = ids.slice(10)
    lib.articles.update(ids[0]!, { title: 'The harbour of the union' })
    lib.articles.update(ids[1]!, { title: 'State of the union' })
    check('deleted and edited, stale in their segments')
    maintain(db(), { maxSegments: 1 })
    expect(db().prepare('SELECT count(*) FROM search_segments').pluck().get()).toBe(1)
    check('merged into one segment')
  })

  it('never matches across the title and the text', () => {
    const index = new SearchIndex(db())
    maintain(db())
    index.refresh()
    const doc = searchStore(db()).docs([ids[0]!])[0]!
    const across = `${doc.title.split(/\s+/).at(-1)} ${doc.text.split(/\s+/)[0]}`.replace(/[.,、]/g, '')
    expect(byText(across)).not.toContain(ids[0])
    expect(found(index, `"${across}"`)).not.toContain(ids[0])
  })

  it('rebuilds a segment written before positions (format 2), and then answers phrases from positions', () => {
    maintain(db())
    const [seg] = segmentStore(db()).ready()
    const old = JSON.stringify({ ...JSON.parse(seg!.data), format: 2 })
    db().prepare('UPDATE search_segments SET data = ?, checksum = ? WHERE id = ?').run(old, checksum(old), seg!.id)
    expect(verifyAndRepair(db()).repaired).toBe(1)
    maintain(db())
    expect(segmentStore(db()).ready().map((s) => JSON.parse(s.data).format)).toEqual([3])
    const index = new SearchIndex(db())
    index.refresh()
    const title = searchStore(db()).docs([ids[3]!])[0]!.title.replace(/[,、]/g, '')
    expect(byText(title)).toContain(ids[3])
    expect(found(index, `"${title}"`)).toEqual(byText(title))
  })

  it('reads positions for phrases only, and no article text to check them', () => {
    maintain(db())
    const index = new SearchIndex(db())
    index.refresh()
    const positions = vi.spyOn(segmentStore(db()), 'positions')
    const texts = vi.spyOn(searchStore(db()), 'texts')
    const fields = vi.spyOn(searchStore(db()), 'fields')
    index.search({ q: 'harbour bridge', idsOnly: true })
    expect(positions).not.toHaveBeenCalled()
    expect(found(index, '"harbour bridge"')).toEqual(byText('harbour bridge'))
    expect(positions).toHaveBeenCalled()
    expect(texts).not.toHaveBeenCalled()
    expect(fields).not.toHaveBeenCalled()
  })
})
