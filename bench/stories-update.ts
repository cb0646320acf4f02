/**
 * Stories brought up to date after new articles arrive in a large library (issue 14), as the
 * story keeper does it in the app's background: one related query per new article, one per
 * candidate it may now enter, and the stories those touch regrouped. For the scale bench
 * (bench/scale.ts): store the new articles (pending for search, as an import leaves them), then
 * `await storiesUpdate(lib, newIds)`.
 */
import type Database from 'better-sqlite3'
import { EventHub } from '../src/main/core/events'
import { InProcessSearch } from '../src/main/core/search/service'
import { StoryKeeper } from '../src/main/core/services/story-keeper'
import { Library } from '../src/main/core/store/library'

export interface StoriesUpdate {
  /** Indexing the new articles (the index builder's share, before the keeper can link them). */
  indexMs: number
  /** The keeper bringing the stories up to date, from its first mark to its last. */
  ms: number
  /** The process's CPU time meanwhile (on a busy machine, closer to the work done than the wall time). */
  cpuMs: number
  /** Articles linked: the new ones, and the candidates they may now enter. */
  linked: number
  /** Of those, the older articles linked again. */
  relinked: number
  /** Articles in a story of two or more afterwards. */
  inStories: number
}

/**
 * Takes the library's stories as up to date except for these articles' (a bench library is
 * stored without linking a million articles first): clears every other mark.
 */
export function storiesKnownExcept(db: Database.Database, ids: readonly number[]): void {
  db.prepare('DELETE FROM story_pending WHERE article_id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids))
}

/** The keeper's work after `newIds` arrived, with the library's older stories taken as up to date. */
export async function storiesUpdate(lib: Library, newIds: readonly number[]): Promise<StoriesUpdate> {
  const db = Library.connection(lib)
  storiesKnownExcept(db, newIds)
  const search = new InProcessSearch(db)
  let t = performance.now()
  await search.status() // opens the index and builds the new articles into it
  const indexMs = performance.now() - t
  const fresh = new Set(newIds)
  let linked = 0
  let relinked = 0
  // Counts what the keeper asks the index for.
  const storyLinks = search.storyLinks.bind(search)
  search.storyLinks = (ids) => {
    linked += ids.length
    relinked += ids.filter((id) => !fresh.has(id)).length
    return storyLinks(ids)
  }
  const keeper = new StoryKeeper(lib, search, new EventHub(), false)
  t = performance.now()
  const cpu = process.cpuUsage()
  await keeper.settle()
  const ms = performance.now() - t
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  await keeper.close()
  await search.close()
  const inStories = db.prepare('SELECT count(*) FROM story_members').pluck().get() as number
  return { indexMs, ms, cpuMs, linked, relinked, inStories }
}
