/**
 * Reads work where nothing can be written (issue 15): the in-process search (the CLI's `search`,
 * `stories`, `related`) answers from the pending articles indexed in memory, writes nothing and
 * says so on one line, on a full disk and on a read-only library.
 */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { InProcessSearch } from '../../src/main/core/search/service'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

const ARTICLES = [
  'Harbour bridge reopens\n\nMay 2, 2024 — Kestrel Courier\n\nThe harbour bridge reopened on Monday after the engineers finished the repairs to the quay.',
  'Bridge repairs finished\n\nMay 3, 2024 — Harbour Post\n\nEngineers finished the harbour bridge repairs and the quay reopened to traffic on Monday.',
  'Council budget vote\n\nSeptember 9, 2024 — Kestrel Courier\n\nThe council approved the budget for the elections office.'
]

/** Enough distinct words that a segment cannot fit in the pages the library already has. */
const FILLER = Array.from({ length: 400 }, (_, i) => `word${i.toString(36)}`).join(' ')

const segments = (db: Database.Database): number => (db.prepare('SELECT count(*) AS n FROM search_segments').get() as { n: number }).n

describe('search where nothing can be written', () => {
  let lib: Library
  let ids: number[]
  let notices: string[]
  beforeEach(async () => {
    lib = Library.open(tmpDir())
    const results = await importBatch(lib, ARTICLES.map((t, i) => ({ name: `a${i}.txt`, bytes: new TextEncoder().encode(`${t}\n\n${FILLER}`) })))
    ids = results.map((r) => r.articleId!)
    notices = []
  })
  afterEach(() => lib.close())

  it('answers search, related and stories on a full disk from memory, with one notice', async () => {
    // SQLite's own limit on the file's size: writes past it fail exactly as on a full disk
    // (after a VACUUM, so no free page is left inside the file either).
    Library.connection(lib).exec('VACUUM')
    Library.connection(lib).pragma(`max_page_count = ${Library.connection(lib).pragma('page_count', { simple: true }) as number}`)
    const search = new InProcessSearch(Library.connection(lib), (m) => notices.push(m))
    const res = await search.search({ q: 'harbour bridge' })
    expect(res.error).toBeNull()
    expect(res.hits.map((h) => h.id).sort()).toEqual([ids[0], ids[1]])
    expect((await search.related(ids[0]!, 5)).map((r) => r.id)).toContain(ids[1])
    expect(await search.stories()).toContainEqual([ids[0], ids[1]])
    expect(await search.status()).toMatchObject({ state: 'ready', documents: 3, segments: 0, pending: 3 })
    expect(notices).toEqual(['Search index not saved: the disk is full; searching the library from memory.'])
    expect(segments(Library.connection(lib))).toBe(0)
    // A write made meanwhile (here an edit that fits on the disk) is searchable, and its refresh does not fail.
    lib.articles.update(ids[2]!, { title: 'Council quay vote' })
    await expect(search.changed()).resolves.toBeUndefined()
    expect((await search.search({ q: 'quay' })).hits.map((h) => h.id)).toContain(ids[2])
    expect(notices).toHaveLength(1)
  })

  it('answers from a read-only library and leaves its file as it was', async () => {
    lib.close()
    const before = readFileSync(lib.file)
    const db = new Database(lib.file, { readonly: true })
    try {
      const search = new InProcessSearch(db, (m) => notices.push(m))
      expect((await search.search({ q: 'budget' })).hits.map((h) => h.id)).toEqual([ids[2]])
      expect(notices).toEqual(['Search index not saved: the library is read-only; searching the library from memory.'])
      expect(segments(db)).toBe(0)
    } finally {
      db.close()
    }
    expect(readFileSync(lib.file).equals(before)).toBe(true)
  })
})
