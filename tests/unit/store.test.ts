import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, Library, LibraryError, LIBRARY_FILE } from '../../src/main/core/store/library'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/core/store/migrations'
import type { NewArticle } from '../../src/main/core/store/articles'
import { tmpDir } from '../helpers/tmp'

function article(over: Partial<NewArticle> = {}): NewArticle {
  return {
    title: 'A title',
    author: null,
    outlet: 'Outlet',
    publishedAt: '2025-03-01',
    url: null,
    language: 'en',
    text: 'First paragraph.\n\nSecond paragraph.',
    wordCount: 4,
    sourceName: 'a.txt',
    sourceFormat: 'txt',
    contentHash: 'h1',
    warnings: [],
    ...over
  }
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('library store', () => {
  it('creates library.sqlite in WAL mode with foreign keys on, migrated to the latest schema', () => {
    const dir = join(tmpDir(), 'nested', 'library')
    const lib = Library.open(dir)
    try {
      expect(existsSync(join(dir, LIBRARY_FILE))).toBe(true)
      expect(Library.connection(lib).pragma('journal_mode', { simple: true })).toBe('wal')
      expect(Library.connection(lib).pragma('foreign_keys', { simple: true })).toBe(1)
      expect(lib.schemaVersion).toBe(SCHEMA_VERSION)
      expect(Library.connection(lib).pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      const cols = (Library.connection(lib).prepare('PRAGMA table_info(articles)').all() as { name: string }[]).map((c) => c.name)
      expect(cols).toEqual(
        expect.arrayContaining(['title', 'author', 'outlet', 'published_at', 'url', 'language', 'text', 'source_name', 'source_format', 'content_hash', 'imported_at'])
      )
    } finally {
      lib.close()
    }
  })

  it('keeps articles across close and reopen, and does not migrate again', () => {
    const dir = tmpDir()
    const a = Library.open(dir)
    const inserted = a.articles.insert(article())
    a.close()
    const b = Library.open(dir)
    try {
      expect(inserted.status).toBe('inserted')
      expect(b.articles.count()).toBe(1)
      const got = b.articles.get(inserted.id)!
      expect(got.title).toBe('A title')
      expect(got.text).toBe('First paragraph.\n\nSecond paragraph.')
      expect(got.publishedAt).toBe('2025-03-01')
      expect(b.schemaVersion).toBe(SCHEMA_VERSION)
    } finally {
      b.close()
    }
  })

  it('migrates a library step by step from an older version', () => {
    const dir = tmpDir()
    // A library at version 0 as an older Parallax leaves it before its first step.
    const raw = new Database(join(dir, LIBRARY_FILE))
    raw.pragma(`application_id = ${APPLICATION_ID}`)
    raw.close()
    const lib = Library.open(dir)
    try {
      expect(lib.schemaVersion).toBe(MIGRATIONS.at(-1)!.version)
    } finally {
      lib.close()
    }
  })

  it('refuses a library written by a newer Parallax, with a clear error, and leaves the file untouched', () => {
    const dir = tmpDir()
    Library.open(dir).close()
    const file = join(dir, LIBRARY_FILE)
    const raw = new Database(file)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.pragma('journal_mode = DELETE')
    raw.close()
    const before = sha(file)
    expect(() => Library.open(dir)).toThrow(LibraryError)
    expect(() => Library.open(dir)).toThrow(`newer version of Parallax (schema ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION})`)
    expect(sha(file)).toBe(before)
    expect(existsSync(file + '-wal')).toBe(false)
  })

  it('refuses a SQLite file that is not a Parallax library', () => {
    const dir = tmpDir()
    const raw = new Database(join(dir, LIBRARY_FILE))
    raw.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)')
    raw.close()
    expect(() => Library.open(dir)).toThrow(/not a Parallax library/)
  })

  it('refuses a file that is not SQLite at all', async () => {
    const dir = tmpDir()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(dir, LIBRARY_FILE), 'this is not a database, just text '.repeat(200))
    expect(() => Library.open(dir)).toThrow(LibraryError)
  })

  it('stores the same content hash once and reports the existing article', () => {
    const lib = Library.open(tmpDir())
    try {
      const first = lib.articles.insert(article())
      const again = lib.articles.insert(article({ title: 'Another title', sourceName: 'b.txt' }))
      expect(again).toEqual({ status: 'duplicate', id: first.id, title: 'A title' })
      expect(lib.articles.count()).toBe(1)
    } finally {
      lib.close()
    }
  })

  it('reads many articles in one call, in the order asked, leaving out ids it does not have', () => {
    const lib = Library.open(tmpDir())
    try {
      const a = lib.articles.insert(article({ title: 'Alpha', contentHash: 'a', text: 'Alpha text.' }))
      const b = lib.articles.insert(article({ title: 'Bravo', contentHash: 'b', text: 'Bravo text.', warnings: ['odd'] }))
      lib.tags.change([b.id], ['x'], [])
      expect(lib.articles.summaries([b.id, 999, a.id]).map((s) => [s.id, s.title, s.tags])).toEqual([[b.id, 'Bravo', ['x']], [a.id, 'Alpha', []]])
      expect(lib.articles.texts([a.id, b.id])).toEqual([{ id: a.id, title: 'Alpha', text: 'Alpha text.' }, { id: b.id, title: 'Bravo', text: 'Bravo text.' }])
      expect(lib.articles.records([b.id]).map((r) => [r.text, r.warnings])).toEqual([['Bravo text.', ['odd']]])
      expect(lib.articles.summaries([])).toEqual([])
    } finally {
      lib.close()
    }
  })

  it('lists newest import first by default, sorts by the other keys, and deletes', () => {
    const lib = Library.open(tmpDir())
    try {
      const a = lib.articles.insert(article({ title: 'Bravo', contentHash: 'a', publishedAt: '2024-01-01' }), '2025-01-01T00:00:00Z')
      const b = lib.articles.insert(article({ title: 'alpha', contentHash: 'b', publishedAt: null }), '2025-01-02T00:00:00Z')
      const c = lib.articles.insert(article({ title: 'Charlie', contentHash: 'c', publishedAt: '2025-06-01' }), '2025-01-03T00:00:00Z')
      const ids = (xs: { id: number }[]): number[] => xs.map((x) => x.id)
      expect(ids(lib.articles.list())).toEqual([c.id, b.id, a.id])
      expect(ids(lib.articles.list({ sort: 'title' }))).toEqual([b.id, a.id, c.id])
      expect(ids(lib.articles.list({ sort: 'publishedAt' }))).toEqual([c.id, a.id, b.id])
      expect(ids(lib.articles.list({ limit: 1, offset: 1 }))).toEqual([b.id])
      expect(lib.articles.delete([a.id, 9999])).toBe(1)
      expect(lib.articles.get(a.id)).toBeNull()
      expect(lib.articles.count()).toBe(2)
    } finally {
      lib.close()
    }
  })
})
