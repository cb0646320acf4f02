/**
 * Every released schema version, as a real library file (tests/fixtures/libraries/vN, written by
 * scripts/make-library-fixtures.mjs from the migration steps themselves), opened by this version:
 * migrated step by step to the latest schema with every article, note, tag and setting intact.
 */
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { ENTITY_VERSION } from '../../src/main/core/compare/entities'
import { Library, LIBRARY_FILE } from '../../src/main/core/store/library'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/core/store/migrations'
import { oracleFacets } from '../helpers/facet-oracle'
import { FIXTURES } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const fixture = (version: number): string => join(FIXTURES, 'libraries', `v${version}`, LIBRARY_FILE)

async function openFixture(version: number): Promise<Core> {
  const dir = tmpDir()
  copyFileSync(fixture(version), join(dir, LIBRARY_FILE))
  return openCore(dir)
}

describe('library migrations', () => {
  it('has a fixture library for every schema version, and one step file per version in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1))
    for (const m of MIGRATIONS) expect(existsSync(fixture(m.version)), `fixture v${m.version}`).toBe(true)
  })

  for (const from of MIGRATIONS.map((m) => m.version)) {
    const steps = MIGRATIONS.filter((m) => m.version > from).map((m) => m.version)
    it(`opens a version-${from} library, runs steps [${steps.join(', ')}] and keeps its data`, async () => {
      const core = await openFixture(from)
      try {
        const db = Library.connection(core.library)
        expect(core.library.schemaVersion).toBe(SCHEMA_VERSION)
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(db.pragma('foreign_key_check')).toEqual([])
        // Step 3's data step: every article older than the search index is pending in it.
        expect(db.prepare('SELECT article_id FROM search_docs ORDER BY article_id').pluck().all()).toEqual(from >= 13 ? [1, 2, 3, 4] : from >= 3 ? [1, 2, 3] : [1, 2])
        await checkData(core, from)
      } finally {
        await core.close()
      }
    })
  }
})

/** What each version stored, read back through the core after migration. */
async function checkData(core: Core, from: number): Promise<void> {
  const s = core.service
  const a = await s['articles.get']({ id: 1 })
  expect(a).toMatchObject({ title: 'Council approves the new bridge', author: 'Jane Doe', outlet: 'Daily Planet', publishedAt: '2025-03-01', url: 'https://example.com/a' })
  expect(a.text).toMatch(/^Council approves the new bridge\.\n\nThe council voted 7 to 2/)
  expect((await s['articles.list']({})).total).toBe(from >= 13 ? 4 : from >= 3 ? 3 : 2)
  if (from >= 3) expect((await s['articles.get']({ id: 3 })).warnings).toEqual(['no date line'])
  // Step 3 made every older article pending for search: all are found.
  expect((await s['search.query']({ q: 'bridge' })).hits.map((h) => h.id).sort()).toEqual([1, 2])
  expect(a.nearDuplicates.map((d) => [d.id, d.similarity])).toEqual(from >= 2 ? [[2, 0.9]] : [])
  // The fixtures stored entities of extraction version 2; a newer extraction recomputes them, the row survives.
  expect(core.library.articles.entities(1, 2) !== null).toBe(from >= 4)
  expect(core.library.articles.entities(1, ENTITY_VERSION)).toBe(null)
  expect((await s['comparisons.list']({})).items.map((c) => [c.title, c.articleIds, c.notes])).toEqual(from >= 5 ? [['Bridge vote', [1, 2], 'Same wire copy?']] : [])
  const notes = (await s['notes.list']({ articleId: 1 })).items
  expect(notes.map((n) => [n.anchor.exact, n.located.how, n.body])).toEqual(from >= 6 ? [['voted 7 to 2', 'position', 'Check the count']] : [])
  if (from >= 6) expect((await s['search.query']({ q: 'notes:count' })).hits.map((h) => h.id)).toEqual([1])
  expect((await s['tags.list']({})).items).toEqual(from >= 7 ? [{ name: 'transport', count: 2 }, { name: 'weather', count: 1 }] : [])
  expect((await s['collections.list']({})).items).toEqual(from >= 7 ? [{ id: 1, name: 'Bridge story', count: 2 }] : [])
  expect((await s['preferences.get']({})).theme).toBe(from >= 8 ? 'dark' : 'system')
  // Step 9's indexes serve the library table whatever version the library came from.
  const page = await s['articles.page']({ sort: 'outlet', withTotal: true })
  const outlets = from >= 3 ? ['Daily Planet', 'Evening Post', 'Valley News'] : ['Daily Planet', 'Evening Post']
  // The scan of step 10 names no outlet: it sorts last.
  expect([page.items.map((r) => r.outlet), page.total]).toEqual(from >= 13 ? [[...outlets, null], 4] : [outlets, outlets.length])
  // Step 10: text read by OCR carries its confidence; every older article has none.
  expect(a.ocrConfidence).toBe(null)
  if (from >= 13) expect(await s['articles.get']({ id: 4 })).toMatchObject({ sourceFormat: 'image', ocrConfidence: 87.5 })
  expect((await s['articles.facets']({ filters: { hasNotes: true } })).total).toBe(from >= 6 ? 1 : 0)
  // Step 15 counts the unfiltered facets into a summary table: the same counts as the articles give.
  const db = Library.connection(core.library)
  for (const filters of [{}, { outlet: 'Evening Post' }]) expect(await s['articles.facets']({ filters })).toEqual({ ...oracleFacets(db, filters), error: null })
  // Step 10: an article's earlier versions, the current one last.
  const versions = (await s['articles.versions']({ id: 1 })).items.map((v) => [v.number, v.title, v.current])
  expect(versions).toEqual([...(from >= 10 ? [[1, 'Council to vote on the bridge', false]] : []), [from >= 10 ? 2 : 1, 'Council approves the new bridge', true]])
  // Step 11 keeps stories in the library: older libraries have every article marked and are grouped
  // on the first open; a version-11 library's stored story is read as it is, nothing left to link.
  expect(core.library.stories.pendingCount()).toBe(from >= 13 ? 1 : from >= 11 ? 0 : from >= 3 ? 3 : 2)
  expect((await s['stories.list']({})).items.map((st) => st.articles.map((x) => x.id).sort())).toEqual([[1, 2]])
  expect(core.library.stories.pendingCount()).toBe(0)
  expect(core.library.stories.members().map((m) => [m.id, m.story])).toEqual([[1, 1], [2, 1]])
}
