/**
 * Bulk import (issue 14): a batch export's records are stored a group at a time, each group in
 * one transaction. Dedupe, near-duplicates and versions still see every record before them (in
 * earlier groups and earlier in the same group); a cancel keeps whole groups; a fault of the
 * library abandons the group, which is then stored record by record, so every result is true.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/shared/contract'
import { importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

const wordsOf = (i: number): string => Array.from({ length: 60 }, (_, k) => `w${(i * 7919 + k * 104729) % 100003}`).join(' ')

type Row = { title: string; url: string; outlet: string; text: string }
const row = (i: number): Row => ({ title: `Article ${i}`, url: `https://example.org/a/${i}`, outlet: `Outlet ${i % 5}`, text: `${wordsOf(i)}.\n\nSecond paragraph of article ${i}.` })
const ndjson = (lines: string[]): { name: string; bytes: Uint8Array } => ({ name: 'export.ndjson', bytes: Buffer.from(lines.join('\n')) })
const plain = (n: number): string[] => Array.from({ length: n }, (_, i) => JSON.stringify(row(i)))

async function withLibrary<T>(fn: (lib: Library, dir: string) => Promise<T>): Promise<T> {
  const dir = tmpDir()
  const lib = Library.open(dir)
  try {
    return await fn(lib, dir)
  } finally {
    lib.close()
  }
}

const count = (results: ImportResult[], status: ImportResult['status']): number => results.filter((r) => r.status === status).length
const byName = (results: ImportResult[], label: string): ImportResult => results.find((r) => r.name === `export.ndjson (${label})`)!

describe('bulk import of a batch export', () => {
  it('finds duplicates, near-duplicates and versions within a group and across groups, and counts every record', async () => {
    const lines = plain(1100)
    lines[30] = lines[5]! // the same record again, in the same group
    lines[550] = lines[10]! // again, in the next group
    // Record 20's text with three words changed: a near-duplicate, in the next group.
    lines[560] = JSON.stringify({ ...row(560), text: row(20).text.replace(/^(\S+ \S+ \S+)/, 'x1 x2 x3') })
    // Record 100's page with a new text: its second version.
    lines[700] = JSON.stringify({ ...row(100), text: `${wordsOf(9999)}.\n\nThe corrected story.` })
    lines[800] = '{"title": "broken'
    await withLibrary(async (lib) => {
      const results = await importBatch(lib, [ndjson(lines)])
      expect(results).toHaveLength(1100)
      expect([count(results, 'imported'), count(results, 'duplicate'), count(results, 'failed')]).toEqual([1097, 2, 1])
      const first = (i: number): number => byName(results, `line ${i + 1}`).articleId!
      expect(byName(results, 'line 31')).toMatchObject({ status: 'duplicate', articleId: first(5) })
      expect(byName(results, 'line 551')).toMatchObject({ status: 'duplicate', articleId: first(10) })
      expect(byName(results, 'line 561').nearDuplicates).toContain(first(20))
      expect(lib.articles.nearDuplicates(first(20)).map((d) => d.id)).toContain(first(560))
      expect(byName(results, 'line 701')).toMatchObject({ status: 'imported', articleId: first(100), version: { number: 2, change: 'text' } })
      expect(byName(results, 'line 801').reason).toMatch(/invalid JSON/)
      // Every imported record is one article (the version replaced its first), each with its LSH bands.
      expect(lib.articles.count()).toBe(1096)
      const db = Library.connection(lib)
      expect(db.prepare('SELECT count(DISTINCT article_id) AS n FROM article_bands').get()).toEqual({ n: 1096 })
    })
  })

  it('keeps every group committed before a cancel, and nothing of the group after it', async () => {
    const abort = new AbortController()
    await withLibrary(async (lib) => {
      const results = await importBatch(lib, [ndjson(plain(1200))], {
        signal: abort.signal,
        // The first group (records 1-500) is stored: cancel now, as the user's button does.
        onProgress: (p) => p.current?.endsWith('(line 500)') && abort.abort()
      })
      expect(count(results, 'imported')).toBe(500)
      expect(results.at(-1)).toMatchObject({ name: 'export.ndjson', status: 'skipped', reason: 'cancelled: its remaining records were not imported' })
      expect(lib.articles.count()).toBe(500)
      // The second run adds exactly what the cancel left out.
      const again = await importBatch(lib, [ndjson(plain(1200))])
      expect([count(again, 'duplicate'), count(again, 'imported')]).toEqual([500, 700])
      expect(lib.articles.count()).toBe(1200)
    })
  })

  it('stores a group record by record when the library fails in it, and every result says what was committed', async () => {
    await withLibrary(async (lib, dir) => {
      // The disk "fills up" for one record in the second group, in the group's transaction and alone.
      const importArticle = lib.versions.importArticle.bind(lib.versions)
      lib.versions.importArticle = (a, at) => {
        if (a.title === 'Article 702') throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
        return importArticle(a, at)
      }
      const results = await importBatch(lib, [ndjson(plain(1200))])
      expect(byName(results, 'line 703')).toMatchObject({ status: 'failed' })
      expect(count(results, 'imported')).toBe(999)
      // A full disk stops the file after that group: the third group is not attempted.
      expect(results.at(-1)).toMatchObject({ name: 'export.ndjson', status: 'skipped', reason: 'not imported: the disk holding the library is full' })
      const stored = new Database(join(dir, 'library.sqlite'), { readonly: true })
      const ids = new Set((stored.prepare('SELECT id FROM articles').pluck().all() as number[]))
      stored.close()
      expect(ids.size).toBe(999)
      for (const r of results.filter((x) => x.status === 'imported')) expect(ids.has(r.articleId!)).toBe(true)
    })
  })
})
