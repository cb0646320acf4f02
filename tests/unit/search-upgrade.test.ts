/**
 * Upgrading a library whose search segments are whole serialized Lunr indexes (schema 9): the
 * migration drops them and makes their articles pending; the builder rebuilds them as term
 * dictionaries with postings, and every article is found again.
 */
import Database from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core'
import { searchStore } from '../../src/main/core/search/persistence'
import { readHeader, segmentStore } from '../../src/main/core/search/segment-store'
import { buildIndex } from '../../src/main/core/search/segments'
import { Library, LIBRARY_FILE } from '../../src/main/core/store/library'
import { FIXTURES } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

describe('upgrading the search index to the on-disk layout', () => {
  it('rebuilds old serialized Lunr segments as term dictionaries, every article found again', async () => {
    const dir = tmpDir()
    const file = join(dir, LIBRARY_FILE)
    copyFileSync(join(FIXTURES, 'libraries', 'v9', LIBRARY_FILE), file)
    // As schema 9 left it after a build: one Lunr segment covering every article.
    const old = new Database(file)
    const data = JSON.stringify(buildIndex(searchStore(old).docs([1, 2, 3])))
    const seg = old.prepare("INSERT INTO search_segments (doc_count, data, checksum, created_at) VALUES (3, ?, 'x', '2025-03-01')").run(data).lastInsertRowid
    old.prepare('UPDATE search_docs SET segment_id = ?').run(seg)
    old.close()

    const core = openCore(dir)
    try {
      const db = Library.connection(core.library)
      expect(db.prepare('SELECT count(*) AS n FROM search_segments WHERE length(data) > 1000').get()).toEqual({ n: 0 })
      expect((await core.service['search.query']({ q: 'bridge' })).hits.map((h) => h.id).sort()).toEqual([1, 2])
      expect((await core.service['search.query']({ q: 'rain' })).hits.map((h) => h.id)).toEqual([3])
      const rows = segmentStore(db).ready()
      expect(rows.length).toBeGreaterThan(0)
      for (const r of rows) expect(readHeader(r)).not.toBeNull()
      expect(db.prepare('SELECT count(*) AS n FROM search_docs WHERE segment_id IS NULL').get()).toEqual({ n: 0 })
    } finally {
      await core.close()
    }
  })
})
