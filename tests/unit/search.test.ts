/** Search on a fixture library written for it: each query form returns exactly the right articles. */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { matchingRefs, SearchIndex, topByScore } from '../../src/main/core/search/engine'
import { lunrMatchingRefs } from '../helpers/lunr-reference'
import { openSearchFixture, type SearchFixture } from '../helpers/search-library'
import { buildIndex } from '../../src/main/core/search/segments'
import { parseQuery, QuerySyntaxError } from '../../src/main/core/search/query'
import { maintain, verifyAndRepair } from '../../src/main/core/search/segments'
import { InProcessSearch } from '../../src/main/core/search/service'
import { normalize, tokenize } from '../../src/main/core/text/tokenize'
import { makeSnippet } from '../../src/main/core/search/snippet'
import { Library } from '../../src/main/core/store/library'

const ARTICLES: Record<string, string> = {
  pm: 'Prime minister visits the harbour\n\nMay 2, 2024 — Kestrel Courier\n\nThe prime minister opened the harbour bridge on Monday and praised the engineers.',
  apart: 'Minister praises prime location\n\nMay 3, 2024 — Harbour Post\n\nThe transport minister said the prime site by the harbour would host a new market.',
  blair: "Blair's legacy debated\n\nJune 1, 2024 — Kestrel Courier\n\nHistorians debated Tony Blair's legacy in the U.S. and in Europe at a conference.",
  ru: 'Путин и переговоры\n\n1 July 2024 — Novaya Gazeta\n\nПутин заявил, что переговоры продолжатся в Москве на следующей неделе.',
  el: 'Η Ελλάδα και η Ευρώπη\n\n2 July 2024 — Kathimerini\n\nΗ Ελλάδα συμμετέχει στη σύνοδο για την Ευρώπη και την οικονομία.',
  cafe: 'Café owners protest\n\nAugust 5, 2024 — Quay Times\n\nThe café owners on the quay protested against the new parking rules and the electricity prices.',
  tokyo: '東京の市場\n\nAugust 6, 2024 — Asahi\n\n東京の魚市場は新しい場所に移転しました。',
  budget: 'Council budget vote\n\nSeptember 9, 2024 — Kestrel Courier\n\nThe council approved the electoral budget and the elections office plans for the government.'
}

describe('search', () => {
  let lib: Library
  let ids: Record<string, number>
  let search: InProcessSearch
  let names: SearchFixture['names']

  beforeEach(async () => {
    ;({ lib, ids, search, names } = await openSearchFixture(ARTICLES))
  })
  afterEach(() => lib.close())

  const find = async (q: string, extra: object = {}): Promise<string[]> => {
    const res = await search.search({ q, limit: 50, ...extra })
    if (res.error) throw new Error(res.error)
    return names(res.hits).sort()
  }

  it('as the query worker refreshes, date and language edits reach the filters', () => {
    const index = new SearchIndex(Library.connection(lib))
    index.refresh()
    const hits = (filters: object): number[] => index.search({ q: 'harbour', limit: 50, filters }).hits.map((h) => h.id).sort((a, b) => a - b)
    const may = { from: '2024-05-01', to: '2024-05-31' }
    expect(hits(may)).toEqual([ids.pm!, ids.apart!].sort((a, b) => a - b))
    lib.articles.update(ids.pm!, { publishedAt: '2019-01-01' })
    index.refresh()
    expect(hits(may)).toEqual([ids.apart])
    lib.articles.update(ids.apart!, { language: 'de' })
    index.refresh()
    expect(hits({ language: 'de' })).toEqual([ids.apart])
  })

  it('ranks words and finds any of them', async () => {
    expect(await find('harbour')).toEqual(['apart', 'pm'])
    expect(await find('bridge market')).toEqual(['apart', 'pm'])
    const res = await search.search({ q: 'prime minister' })
    expect(res.hits[0]!.id).toBe(ids.pm) // both words, and in the title
  })

  it('tells an exact phrase from the same words apart', async () => {
    expect(await find('"prime minister"')).toEqual(['pm'])
    expect(await find('prime minister')).toEqual(['apart', 'pm'])
  })

  it('finds phrases that hold stop words, and phrases made only of stop words', async () => {
    expect(await find('"protested against the new parking rules"')).toEqual(['cafe'])
    expect(await find('"opened the harbour bridge"')).toEqual(['pm'])
    expect(await find('"opened a harbour bridge"')).toEqual([])
    expect(await find('"on the quay"')).toEqual(['cafe'])
    // Nothing of these is in the index: found by scanning the texts, then verified as a phrase.
    expect(await find('"and the"')).toEqual(['budget', 'cafe'])
    expect(await find('"the and"')).toEqual([])
    expect(await find('tag:"the and"')).toEqual([])
    expect(await find('title:"of the"')).toEqual([])
  })

  it('requires and excludes', async () => {
    expect(await find('harbour +market')).toEqual(['apart'])
    expect(await find('harbour -bridge')).toEqual(['apart'])
    expect(await find('harbour -"prime minister"')).toEqual(['apart'])
  })

  it('searches fields', async () => {
    expect(await find('title:legacy')).toEqual(['blair'])
    expect(await find('outlet:kestrel')).toEqual(['blair', 'budget', 'pm'])
    expect(await find('title:harbour')).toEqual(['pm'])
  })

  it('finds prefixes and fuzzy matches', async () => {
    expect(await find('elec*')).toEqual(['budget', 'cafe'])
    expect(await find('harbour +elec*')).toEqual(['budget', 'cafe'])
    expect(await find('+harbour +elec*')).toEqual([])
    expect(await find('quay -elec*')).toEqual([])
    expect(await find('goverment~1')).toEqual(['budget'])
    expect(await find('harbor~1')).toEqual(['apart', 'pm'])
  })

  it('handles Cyrillic, Greek, Japanese and accented words', async () => {
    expect(await find('Путин')).toEqual(['ru'])
    expect(await find('путин')).toEqual(['ru'])
    expect(await find('Ελλάδα')).toEqual(['el'])
    expect(await find('ελλαδα')).toEqual(['el'])
    expect(await find('東京')).toEqual(['tokyo'])
    expect(await find('café')).toEqual(['cafe'])
    expect(await find('cafe')).toEqual(['cafe'])
  })

  it("handles possessives and abbreviations: Blair's finds Blair, U.S. finds US", async () => {
    expect(await find('Blair')).toEqual(['blair'])
    expect(await find("Blair's")).toEqual(['blair'])
    expect(await find('U.S.')).toEqual(['blair'])
    expect(normalize("Blair's")).toBe('blair')
    expect(normalize('U.S.')).toBe('us')
    expect(tokenize('Ελλάδα café').map((t) => t.term)).toEqual(['ελλαδα', 'cafe'])
  })

  it('filters by date range, outlet and language, and sorts by date', async () => {
    expect(await find('harbour', { filters: { outlet: 'Harbour Post' } })).toEqual(['apart'])
    expect(await find('the', { filters: { from: '2024-06-01', to: '2024-08-31' } })).toEqual([])
    expect(await find('owners OR protest', { filters: { from: '2024-08-01' } })).toEqual(['cafe'])
    expect(await find('Путин', { filters: { language: 'ru' } })).toEqual(['ru'])
    expect(await find('Путин', { filters: { language: 'en' } })).toEqual([])
    const byDate = await search.search({ q: 'harbour council', sort: 'date' })
    expect(byDate.hits.map((h) => h.publishedAt)).toEqual(['2024-09-09', '2024-05-03', '2024-05-02'])
  })

  it('gives a snippet around the best match with the matched words highlighted', async () => {
    const res = await search.search({ q: 'engineers' })
    const { text, highlights } = res.hits[0]!.snippet
    expect(highlights).toHaveLength(1)
    expect(text.slice(highlights[0]![0], highlights[0]![1])).toBe('engineers')
    const loc = await search.locate(ids.pm!, '"prime minister"')
    const body = lib.articles.get(ids.pm!)!.text
    expect(loc.map(([s, e]) => body.slice(s, e).toLowerCase())).toEqual(['prime', 'minister'])
  })

  it('finds the densest passage of a long article for its snippet, with exact highlights', () => {
    const filler = (n: number): string => Array.from({ length: n }, (_, i) => `Filler sentence number ${i} says little of note.`).join(' ')
    const text = `${filler(40)} The economy grew. ${filler(30)} Economists said the economy and economic policy drove the economies of the region. ${filler(40)}`
    const clauses = parseQuery('economy')
    const s = makeSnippet(text, clauses, ['economi'])
    expect(s.text.startsWith('… ')).toBe(true)
    expect(s.text.endsWith(' …')).toBe(true)
    // The passage with three matches, not the first lone one.
    expect(s.text).toContain('Economists said the economy and economic policy drove the economies')
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['economy', 'economies'])
    // The same answer as tokenizing the whole text would give, for a short text.
    const short = 'Intro words. The economy grew fast.'
    expect(makeSnippet(short, clauses, ['economi']).highlights.map(([a, b]) => short.slice(a, b))).toEqual(['economy'])
  })

  it("matches exactly the documents Lunr's own query does, for every query form", () => {
    const docs = Object.entries(ARTICLES).map(([k, t], i) => {
      const [title, , ...rest] = t.split('\n\n')
      return { id: i + 1, title: title!, text: rest.join('\n\n'), author: null, outlet: k === 'budget' ? 'Kestrel Courier' : null, tags: k === 'pm' ? 'harbour' : null, notes: null }
    })
    const index = buildIndex(docs)
    const queries = ['harbour', 'prime minister', '"prime minister"', 'harbour +market', 'harbour -bridge', 'title:minister', 'outlet:kestrel', 'tag:harbour',
      'elect*', '+elect* budget', 'goverment~1', 'parking -"new market"', 'Путин', '東京', 'café OR cafe', 'blair', '"opened the harbour bridge"', 'minister -prime']
    for (const q of queries) {
      const clauses = parseQuery(q)
      const ours = matchingRefs(index, clauses)
      expect([...ours].sort(), q).toEqual(lunrMatchingRefs(index, clauses).sort())
    }
    // Ranked by BM25 weight: the article with both words in the title first.
    expect(matchingRefs(index, parseQuery('prime minister'))[0]).toBe('1')
  })

  it('ranks the top of many matches as a full sort would, ties newest first', () => {
    let seed = 7
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const ids = Array.from({ length: 5000 }, (_, i) => i + 1)
    const scores = new Map(ids.map((id) => [id, Math.floor(rnd() * 300) / 10]))
    const full = [...ids].sort((a, b) => scores.get(b)! - scores.get(a)! || b - a)
    for (const k of [1, 20, 61]) {
      const ranked = topByScore([...ids].reverse(), scores, k)
      expect(ranked.slice(0, k)).toEqual(full.slice(0, k))
      expect(new Set(ranked).size).toBe(5000)
    }
  })

  it('reports malformed queries with a clear message, never an exception', async () => {
    for (const [q, msg] of [
      ['"unclosed', /quotation mark is not closed/],
      ['ab*', /at least 3 letters before the star/],
      ['*arbour', /star can only end a word/],
      ['nope:word', /Unknown field “nope:”/],
      ['-only -exclusions', /besides the excluded ones/],
      ['word~7', /~1 or ~2/]
    ] as const) {
      const res = await search.search({ q })
      expect(res.error).toMatch(msg)
      expect(res.hits).toEqual([])
    }
    expect(() => parseQuery('"x')).toThrow(QuerySyntaxError)
    expect((await search.search({ q: '' })).total).toBe(0)
  })

  it('shows imports and deletes at once', async () => {
    const before = await find('lighthouse')
    expect(before).toEqual([])
    const [r] = await importBatch(lib, [{ name: 'l.txt', bytes: new TextEncoder().encode('Lighthouse keeper retires\n\nThe lighthouse keeper retired after forty years.') }])
    await search.changed()
    expect((await search.search({ q: 'lighthouse' })).hits.map((h) => h.id)).toEqual([r!.articleId])
    lib.articles.delete([r!.articleId!, ids.pm!])
    await search.changed()
    expect((await search.search({ q: 'lighthouse' })).total).toBe(0)
    expect(await find('harbour')).toEqual(['apart'])
  })

  it('survives a restart without a rebuild, and rebuilds a corrupt stored segment', async () => {
    await search.search({ q: 'harbour' })
    const segs = () => Library.connection(lib).prepare('SELECT id, checksum FROM search_segments').all() as { id: number; checksum: string }[]
    const stored = segs()
    expect(stored).toHaveLength(1)
    // Restart: a new index over the same file loads the same segment, builds nothing.
    const again = new InProcessSearch(Library.connection(lib))
    expect(await (async () => (await again.search({ q: 'harbour' })).total)()).toBe(2)
    expect(segs()).toEqual(stored)
    // Corrupt the stored segment: detected at start, its articles rebuilt into a new one.
    Library.connection(lib).prepare("UPDATE search_segments SET data = '{\"broken\":' WHERE id = ?").run(stored[0]!.id)
    expect(verifyAndRepair(Library.connection(lib)).repaired).toBe(1)
    maintain(Library.connection(lib))
    const fresh = new SearchIndex(Library.connection(lib))
    fresh.refresh()
    expect(fresh.search({ q: 'harbour' }).total).toBe(2)
    expect(segs()[0]!.id).not.toBe(stored[0]!.id)
  })

  it('detects a stale index (an article with no search entry) and makes the article searchable again', async () => {
    await search.search({ q: 'harbour' })
    Library.connection(lib).prepare('DELETE FROM search_docs WHERE article_id = ?').run(ids.apart)
    const stale = new SearchIndex(Library.connection(lib))
    stale.refresh()
    expect(stale.search({ q: 'market' }).total).toBe(0)
    expect(verifyAndRepair(Library.connection(lib)).missingRows).toBe(1)
    stale.refresh()
    expect(stale.search({ q: 'market' }).hits.map((h) => h.id)).toEqual([ids.apart])
  })

  it('merges segments past the limit and keeps every article searchable, with comparable scores', async () => {
    for (let i = 0; i < 6; i++) {
      await importBatch(lib, [{ name: `x${i}.txt`, bytes: new TextEncoder().encode(`Extra ${i}\n\nHarbour story number ${i} about the quay.`) }])
      maintain(Library.connection(lib))
    }
    const count = (Library.connection(lib).prepare('SELECT count(*) AS n FROM search_segments').get() as { n: number }).n
    expect(count).toBeLessThanOrEqual(4)
    const idx = new SearchIndex(Library.connection(lib))
    idx.refresh()
    expect(idx.search({ q: 'harbour', limit: 50 }).total).toBe(8)
    const db = new Database(lib.file, { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM search_docs WHERE segment_id IS NULL').get()).toEqual({ n: 0 })
    db.close()
  })
})
