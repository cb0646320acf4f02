/**
 * Facet counts (`articles.facets`) on random libraries written and edited through the store
 * (inserts, metadata edits, tags, collections, notes, deletes with their cascades), under random
 * filters: the counts from the summary table and the grouped pass equal the plain definition,
 * computed in JS from the raw rows. Also: a version-13 library gets the same counts once migrated.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core'
import { Library, LIBRARY_FILE } from '../../src/main/core/store/library'
import type { StoreFilters } from '../../src/main/core/store/library-filter'
import { oracleFacets } from '../helpers/facet-oracle'
import { FIXTURES } from '../helpers/paths'
import { random } from '../helpers/story-library'
import { tmpDir } from '../helpers/tmp'

const OUTLETS = ['Daily Planet', 'daily planet', 'Évening Post', '日本 Wire', '😀 Times', 'Zeta']
const LANGUAGES = ['en', 'de', 'fr']
const TAGS = ['politics', 'economy', 'Économie', '😀']
// Dates as importers and edits leave them: days, date-times, a bare month, none.
const dateOf = (r: () => number): string | null => {
  const day = `20${10 + Math.floor(r() * 6)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}`
  return [null, day, `${day}T0${Math.floor(r() * 10)}:30:00Z`, day.slice(0, 7)][Math.floor(r() * 4)]!
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!
}

/** A library of about 120 articles made and then edited at random through the store. */
function randomLibrary(seed: number): Library {
  const r = random(seed)
  const lib = Library.open(tmpDir())
  const maybe = <T>(list: readonly T[]): T | null => (r() < 0.15 ? null : pick(r, list))
  const ids: number[] = []
  for (let i = 0; i < 120; i++) {
    const text = `Article ${seed}-${i} about things.`
    const out = lib.articles.insert({ title: `A ${i}`, author: null, outlet: maybe(OUTLETS), publishedAt: dateOf(r), url: null, language: maybe(LANGUAGES), text, warnings: [], wordCount: 4, sourceName: `${i}.txt`, sourceFormat: 'txt', contentHash: `h-${seed}-${i}` })
    if (out.status === 'inserted') ids.push(out.id)
  }
  const some = (p: number): number[] => ids.filter(() => r() < p)
  for (const tag of TAGS) lib.tags.change(some(0.3), [tag], [])
  const collections = ['Bridge', 'bridge', 'Storms'].map((name) => lib.collections.create(name).id)
  for (const c of collections) lib.collections.add(c, some(0.25))
  const noteIds = some(0.2).flatMap((id) => Array.from({ length: 1 + Math.floor(r() * 3) }, () => lib.notes.add(id, note())))
  // Edits after the fact: the triggers must follow every kind of change.
  for (const id of some(0.15)) lib.articles.update(id, { outlet: maybe(OUTLETS), language: maybe(LANGUAGES), publishedAt: dateOf(r) })
  lib.articles.updateMany(some(0.1), { outlet: pick(r, OUTLETS) })
  lib.tags.change(some(0.2), [], [pick(r, TAGS)])
  lib.collections.remove(collections[0]!, some(0.1))
  for (const n of noteIds.filter(() => r() < 0.3)) lib.notes.delete(n)
  lib.articles.delete(some(0.1))
  if (r() < 0.5) lib.collections.delete(collections[2]!)
  return lib
}

const note = () => ({ exact: 'Article', prefix: '', suffix: ' ', start: 0, end: 7, color: 'yellow' as const, body: '', createdAt: 'T', updatedAt: 'T' })

function randomFilters(r: () => number, lib: Library): StoreFilters {
  const f: StoreFilters = {}
  if (r() < 0.35) f.outlet = pick(r, OUTLETS)
  if (r() < 0.25) f.language = pick(r, LANGUAGES)
  if (r() < 0.3) f.tag = pick(r, TAGS)
  if (r() < 0.2) f.collection = pick(r, lib.collections.all()).id
  if (r() < 0.3) f.from = `20${11 + Math.floor(r() * 3)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}`
  if (r() < 0.3) f.to = `20${13 + Math.floor(r() * 3)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}`
  if (r() < 0.2) f.hasNotes = r() < 0.5
  // A search query reaches the store as the ids it found.
  if (r() < 0.2) f.ids = lib.articles.ids().filter(() => r() < 0.4)
  return f
}

describe('facet counts: the fast paths equal the plain definition', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random library ${seed}, 40 random filter sets (none, each alone, combinations)`, () => {
      const lib = randomLibrary(seed)
      try {
        const db = Library.connection(lib)
        const r = random(seed * 7919)
        const sets: StoreFilters[] = [{}, ...Array.from({ length: 39 }, () => randomFilters(r, lib))]
        for (const f of sets) expect(lib.facets.facets(f), JSON.stringify(f)).toEqual(oracleFacets(db, f))
      } finally {
        lib.close()
      }
    })
  }

  it('keeps the unfiltered counts right through a transaction rolled back', () => {
    const lib = randomLibrary(9)
    try {
      const before = lib.facets.facets({})
      expect(() =>
        lib.transaction(() => {
          lib.articles.delete(lib.articles.ids().slice(0, 30))
          throw new Error('abandoned')
        })
      ).toThrow('abandoned')
      expect(lib.facets.facets({})).toEqual(before)
      expect(before).toEqual(oracleFacets(Library.connection(lib), {}))
    } finally {
      lib.close()
    }
  })

  it('gives a version-13 library (no summary table yet) the same counts once migrated', async () => {
    const dir = tmpDir()
    copyFileSync(join(FIXTURES, 'libraries', 'v13', LIBRARY_FILE), join(dir, LIBRARY_FILE))
    const core = openCore(dir)
    try {
      const db = Library.connection(core.library)
      for (const f of [{}, { tag: 'transport' }, { hasNotes: true }, { outlet: 'Daily Planet' }]) {
        expect(await core.service['articles.facets']({ filters: f })).toEqual({ ...oracleFacets(db, f), error: null })
      }
      // Counted from the migrated summary, then kept by its triggers.
      expect(core.library.facets.facets({}).total).toBe(4)
      await core.service['tags.change']({ ids: [3, 4], add: ['transport'], remove: [] })
      expect((await core.service['articles.facets']({})).tags).toEqual([{ name: 'transport', count: 4 }, { name: 'weather', count: 1 }])
    } finally {
      await core.close()
    }
  })
})
