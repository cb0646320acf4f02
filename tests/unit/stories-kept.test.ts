/**
 * Stories kept in the library (migration 11): stored in the SQLite file and read back after a
 * restart without grouping again; kept up to date through imports, edits and deletes so that they
 * always equal the library grouped from scratch; an import computes links only for what it touches.
 */
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core'
import { EventHub } from '../../src/main/core/events'
import { InProcessSearch } from '../../src/main/core/search/service'
import type { SearchBackend } from '../../src/main/core/search/service'
import { components, STORY_RULES } from '../../src/main/core/search/story-links'
import { importBatch } from '../../src/main/core/services/import-batch'
import { StoryKeeper } from '../../src/main/core/services/story-keeper'
import { Library } from '../../src/main/core/store/library'
import { pairwiseLinks, random, storyDay, storyLibrary, type PairwiseArticle, type StoryArticle } from '../helpers/story-library'
import { tmpDir } from '../helpers/tmp'

const files = (articles: StoryArticle[]): { name: string; bytes: Uint8Array }[] => articles.map((a) => ({ name: a.name, bytes: new TextEncoder().encode(a.text) }))
const canonical = (groups: number[][]): number[][] =>
  groups
    .filter((g) => g.length > 1)
    .map((g) => [...g].sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)

/** The stored stories as lists of article ids. */
function stored(lib: Library): number[][] {
  const byStory = new Map<number, number[]>()
  for (const m of lib.stories.members()) byStory.set(m.story, [...(byStory.get(m.story) ?? []), m.id])
  return canonical([...byStory.values()])
}

/** A library with an in-process index and a keeper, counting the articles whose links it computes. */
function keptLibrary(): { lib: Library; search: InProcessSearch; keeper: StoryKeeper; linked: () => number; settle: () => Promise<void> } {
  const lib = Library.open(tmpDir())
  const search = new InProcessSearch(Library.connection(lib))
  let linked = 0
  const storyLinks = search.storyLinks.bind(search)
  search.storyLinks = async (ids) => {
    const out = await storyLinks(ids)
    linked += out.links.length
    return out
  }
  const keeper = new StoryKeeper(lib, search, new EventHub(), false)
  const settle = async (): Promise<void> => {
    await search.changed()
    await keeper.settle()
  }
  return { lib, search, keeper, linked: () => linked, settle }
}

describe('stories kept in the library', () => {
  it('are stored in the library file and read back after a restart without grouping again', async () => {
    const dir = tmpDir()
    const articles = storyLibrary(7, 6, 4)
    let first = openCore(dir)
    await importBatch(first.library, files(articles))
    const before = (await first.service['stories.list']({})).items
    expect(before.length).toBeGreaterThanOrEqual(5)
    await first.close()

    first = openCore(dir)
    try {
      let asked = 0
      first.service.search.storyLinks = () => (asked++, Promise.reject(new Error('stories must be read, not grouped again')))
      first.service.search.stories = () => (asked++, Promise.reject(new Error('stories must be read, not grouped again')))
      expect((await first.service['stories.list']({})).items).toEqual(before)
      expect(asked).toBe(0)
      expect(Library.connection(first.library).prepare('SELECT count(*) FROM story_links').pluck().get()).toBeGreaterThan(0)
    } finally {
      await first.close()
    }
  })

  it('stay equal to the library grouped from scratch through imports, edits and deletes (generated library, pairwise links)', async () => {
    let splits = 0
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const lib = Library.open(tmpDir())
      const search = pairwiseSearch(lib)
      const keeper = new StoryKeeper(lib, search, new EventHub(), false)
      try {
        const rnd = random(seed * 101)
        const pool = storyLibrary(seed, 12, 6)
        const ids: number[] = []
        const some = (): number => ids[Math.floor(rnd() * ids.length)]!
        for (let step = 0; step < 24; step++) {
          const op = step < 3 ? 'import' : (['import', 'date', 'title', 'delete', 'delete'] as const)[Math.floor(rnd() * 5)]!
          const before = stored(lib).length
          if (op === 'import' && pool.length) {
            ids.push(...(await importBatch(lib, files(pool.splice(0, 10)))).flatMap((r) => (r.articleId ? [r.articleId] : [])))
          } else if (op === 'date') {
            lib.articles.update(some(), { publishedAt: rnd() < 0.3 ? null : storyDay(Math.floor(rnd() * 12), 40 * Math.floor(rnd() * 2)) })
          } else if (op === 'title') {
            lib.articles.update(some(), { title: lib.articles.get(some())!.title })
          } else if (op === 'delete' && ids.length > 5) {
            lib.articles.delete(ids.splice(Math.floor(rnd() * ids.length), 1))
          }
          await keeper.settle()
          expect(stored(lib), `seed ${seed}, step ${step} (${op})`).toEqual(canonical(await search.stories()))
          expect(lib.stories.pendingCount()).toBe(0)
          if (op !== 'import' && stored(lib).length > before) splits++
        }
        expect(stored(lib).length).toBeGreaterThan(5)
      } finally {
        lib.close()
      }
    }
    // Edits and deletes did split stories (a re-dated or deleted article was the only link between two parts).
    expect(splits).toBeGreaterThan(0)
  })

  it('link only the new articles and the candidates they affect on import, with the real index', async () => {
    const { lib, search, keeper, linked } = keptLibrary()
    try {
      const pool = storyLibrary(5, 12, 6)
      await importBatch(lib, files(pool.splice(0, 60)))
      await search.changed()
      await keeper.settle()
      expect(linked()).toBe(60)
      const batch = pool.splice(0, 8)
      await importBatch(lib, files(batch))
      await search.changed()
      await keeper.settle()
      expect(linked() - 60).toBeGreaterThanOrEqual(batch.length)
      expect(linked() - 60).toBeLessThanOrEqual(batch.length * (1 + STORY_RULES.candidates))
      expect(lib.stories.pendingCount()).toBe(0)
    } finally {
      lib.close()
    }
  })
})

/** The keeper's view of search, answered by the pairwise rule over the library's current articles (their story words). */
function pairwiseSearch(lib: Library): SearchBackend {
  const articles = (): PairwiseArticle[] =>
    lib.articles.texts(lib.articles.ids()).map((a) => {
      const date = lib.articles.get(a.id)!.publishedAt
      return { id: a.id, words: new Set(`${a.title} ${a.text}`.toLowerCase().match(/\p{L}+\d+/gu) ?? []), day: date ? Date.parse(date) / 86_400_000 : null }
    })
  const fake: Partial<SearchBackend> = {
    storyLinks: async (ids) => {
      const all = articles()
      return { links: ids.map((id) => pairwiseLinks(all, id)), notIndexed: [] }
    },
    stories: async () => {
      const all = articles()
      return components(all.map((a) => a.id), all.map((a) => pairwiseLinks(all, a.id)))
    },
    changed: async () => {},
    idle: async () => {}
  }
  return fake as SearchBackend
}
