/**
 * The library table's pages and facets (`articles.page`, `articles.facets`) on a real SQLite file
 * of 50,000 synthetic articles (written by SQL, facet triggers included): whole sorts walked page by page by cursor, jumps
 * by offset, filters, and facet counts, all checked against the same rows computed in JS.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { Library } from '../../src/main/core/store/library'
import type { LibraryFilters, PageSort } from '../../src/shared/library-page'
import { fillLibrary, hasNote, hasTag, inCollection, type SyntheticArticle } from '../../bench/synthetic-library'
import { expectedOrder, syntheticRows, type SyntheticRow as Row } from '../helpers/synthetic-order'
import { tmpDir } from '../helpers/tmp'

const N = 50_000
const ALL = syntheticRows(N)

function createLibrary(dir: string, n: number): void {
  const library = Library.open(dir)
  fillLibrary(library, n)
  library.close()
}

describe('library table on 50,000 articles', () => {
  let core: Core
  beforeAll(async () => {
    const dir = tmpDir()
    createLibrary(dir, N)
    core = openCore(dir)
  }, 120_000)
  afterAll(async () => core?.close())

  async function walk(sort: PageSort, direction: 'asc' | 'desc', filters: LibraryFilters = {}, limit = 1000): Promise<number[]> {
    const ids: number[] = []
    let page = await core.service['articles.page']({ sort, direction, filters, limit })
    ids.push(...page.items.map((r) => r.id))
    while (page.next) {
      page = await core.service['articles.page']({ sort, direction, filters, limit, cursor: page.next })
      ids.push(...page.items.map((r) => r.id))
    }
    return ids
  }

  const cases: [PageSort, keyof SyntheticArticle, 'asc' | 'desc'][] = [
    ['publishedAt', 'publishedAt', 'desc'],
    ['publishedAt', 'publishedAt', 'asc'],
    ['outlet', 'outlet', 'asc'],
    ['title', 'title', 'desc'],
    ['wordCount', 'wordCount', 'asc'],
    ['language', 'language', 'desc']
  ]
  for (const [sort, key, dir] of cases) {
    it(`walks all ${N} rows by cursor sorted by ${sort} ${dir}, undated/unknown last`, async () => {
      expect(await walk(sort, dir)).toEqual(expectedOrder(ALL, key, dir))
    })
  }

  it('jumps by offset to the same rows the cursor reaches, across the missing-value boundary', async () => {
    const order = expectedOrder(ALL, 'author', 'asc')
    const withAuthor = ALL.filter((r) => r.author !== null).length
    for (const offset of [0, 25_000, withAuthor - 50, withAuthor + 10, N - 20]) {
      const page = await core.service['articles.page']({ sort: 'author', direction: 'asc', limit: 100, offset })
      expect(page.items.map((r) => r.id), `offset ${offset}`).toEqual(order.slice(offset, offset + 100))
    }
  })

  it('filters by outlet, tag, date range and notes, with the total', async () => {
    const filters = { outlet: 'Evening Post', tag: 'politics', from: '2021-01-01', to: '2022-06-30' }
    const want = ALL.filter((r) => r.outlet === 'Evening Post' && hasTag.politics(r.id) && r.publishedAt !== null && r.publishedAt >= '2021-01-01' && r.publishedAt <= '2022-06-30')
    const page = await core.service['articles.page']({ sort: 'publishedAt', filters, limit: 1000, withTotal: true })
    expect(page.total).toBe(want.length)
    expect(page.items.map((r) => r.id)).toEqual(expectedOrder(want, 'publishedAt', 'desc'))
    const noted = await core.service['articles.page']({ filters: { hasNotes: true }, limit: 1000, withTotal: true })
    expect(noted.total).toBe(ALL.filter((r) => hasNote(r.id)).length)
    expect(noted.items.every((r) => r.notesCount === 1)).toBe(true)
  })

  it('counts facets in SQL, each with every filter but its own', async () => {
    const f = await core.service['articles.facets']({ filters: { tag: 'economy', outlet: 'Metro Wire' } })
    const econ = ALL.filter((r) => hasTag.economy(r.id))
    const count = (rows: Row[], key: 'outlet' | 'language'): Map<string, number> => {
      const m = new Map<string, number>()
      for (const r of rows) if (r[key] !== null) m.set(r[key], (m.get(r[key]) ?? 0) + 1)
      return m
    }
    expect(new Map(f.outlets.map((o) => [o.name, o.count]))).toEqual(count(econ, 'outlet'))
    const both = econ.filter((r) => r.outlet === 'Metro Wire')
    expect(f.total).toBe(both.length)
    expect(new Map(f.languages.map((o) => [o.name, o.count]))).toEqual(count(both, 'language'))
    expect(f.hasNotes).toEqual({ with: both.filter((r) => hasNote(r.id)).length, without: both.filter((r) => !hasNote(r.id)).length })
    const metro = ALL.filter((r) => r.outlet === 'Metro Wire')
    expect(f.tags.find((t) => t.name === 'politics')?.count).toBe(metro.filter((r) => hasTag.politics(r.id)).length)
    expect(f.collections.map((c) => c.count)).toEqual([both.filter((r) => inCollection(r.id)).length])
    // About seven years of dates: counted by year; undated articles left out.
    expect(f.dates.unit).toBe('year')
    expect(f.dates.buckets.reduce((s, b) => s + b.count, 0)).toBe(both.filter((r) => r.publishedAt !== null).length)
    // Unfiltered, tags and collections are counted from their own tables.
    const all = await core.service['articles.facets']({})
    expect(all.tags).toEqual([
      { name: 'politics', count: ALL.filter((r) => hasTag.politics(r.id)).length },
      { name: 'economy', count: ALL.filter((r) => hasTag.economy(r.id)).length }
    ])
    expect(all.collections.map((c) => c.count)).toEqual([ALL.filter((r) => inCollection(r.id)).length])
    const narrow = await core.service['articles.facets']({ filters: { from: '2024-01-01', to: '2024-12-31', outlet: 'Metro Wire' } })
    expect(narrow.dates.unit).toBe('year') // the histogram ignores its own date range
  })
})

describe('library table with search', () => {
  it('combines a search query with filters in pages and facets', async () => {
    const dir = tmpDir()
    createLibrary(dir, 400)
    const core = openCore(join(dir))
    try {
      const rows = ALL.slice(0, 400)
      // The index reads title, outlet and text: "Harbour Times" articles match too.
      const matches = rows.filter((r) => /\bharbour\b/i.test(`${r.title} ${r.outlet}`))
      expect(matches.length).toBeGreaterThan(10)
      const page = await core.service['articles.page']({ sort: 'title', filters: { q: 'harbour', language: 'en' }, withTotal: true, limit: 1000 })
      const want = matches.filter((r) => r.language === 'en')
      expect(page.items.map((r) => r.id)).toEqual(expectedOrder(want, 'title', 'asc'))
      expect(page.total).toBe(want.length)
      const f = await core.service['articles.facets']({ filters: { q: 'harbour', language: 'en' } })
      expect(f.total).toBe(want.length)
      expect(f.languages.reduce((s, l) => s + l.count, 0)).toBe(matches.filter((r) => r.language !== null).length)
      const bad = await core.service['articles.page']({ filters: { q: 'title:(' } })
      expect(bad.error).toBeTruthy()
    } finally {
      await core.close()
    }
  })
})
