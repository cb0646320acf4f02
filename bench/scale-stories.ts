/**
 * Stories after 1,000 new articles arrive in the large library: the story keeper links each
 * through the search index (related coverage) and regroups only the stories they touch. The
 * library's earlier articles count as linked (bench/scale.ts fill; marks the import left are cleared
 * first). The index takes the new
 * articles first (a search), so the time is the keeper's alone.
 */
import { openCore } from '../src/main/core/index'
import { Library } from '../src/main/core/store/library'
import { store } from './scale-store'

const NEW_ARTICLES = 1000

export async function storiesUpdate(dir: string, corpusDir: string): Promise<object> {
  const core = openCore(dir)
  try {
    const db = Library.connection(core.library)
    const n = (db.prepare('SELECT max(id) AS n FROM articles').get() as { n: number }).n
    // What the import left for the keeper's background work is not this measurement's: only the 1,000 are.
    const leftBefore = core.library.stories.pendingCount()
    db.exec('DELETE FROM story_pending')
    store(db, corpusDir, n, NEW_ARTICLES, 'storybench ')
    await core.service['search.query']({ q: 'storybench' })
    const pending = core.library.stories.pendingCount()
    const t = process.hrtime.bigint()
    const listed = await core.service['stories.list']({})
    const storiesMs = Number(process.hrtime.bigint() - t) / 1e6
    return { storiesMs, leftBefore, pending, stories: listed.items.length, left: core.library.stories.pendingCount() }
  } finally {
    await core.close()
  }
}
