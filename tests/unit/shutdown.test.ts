/**
 * Closing the core (issue 11: `TypeError: The database connection is not open` from background
 * entity work after SIGTERM): close stops accepting calls, cancels imports and the background
 * entity queue, waits for what is in flight, and only then closes the workers and the library.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch, openCore } from '../../src/main/core'
import { Library } from '../../src/main/core/store/library'
import { ENTITY_VERSION } from '../../src/main/core/compare/entities'
import { ROOT } from '../helpers/paths'
import { fillScaleLibrary } from '../helpers/scale-library'
import { tmpDir } from '../helpers/tmp'

const WORKER = join(ROOT, 'out/main/import-worker.js')
const enc = (t: string): string => Buffer.from(t).toString('base64')
const files = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    name: `${tag}-${i}.txt`,
    data: enc(`Story ${tag} ${i}\n\nMayor Ana Lopez of Springfield said on March ${i + 1} that ${i * 7 + 3} new buses will run from Monday, ${tag}.`)
  }))

const stray: unknown[] = []
const onRejection = (reason: unknown): void => void stray.push(reason)
beforeEach(() => {
  stray.length = 0
  process.on('unhandledRejection', onRejection)
})
afterEach(() => void process.off('unhandledRejection', onRejection))

describe('closing the core', () => {
  it('right after an import that queued entity work: cancels the queue, closes the library, refuses later calls', async () => {
    const dir = tmpDir()
    const core = openCore(dir, { workerScript: WORKER })
    const { results } = await core.service['import.files']({ jobId: 'j1', files: files(12, 'a') })
    const ids = results.map((r) => r.articleId!)
    expect(results.every((r) => r.status === 'imported')).toBe(true)
    await core.close()
    expect(core.library.isOpen).toBe(false)
    const after = await dispatch(core.service, 'articles.list', {})
    expect(after).toMatchObject({ ok: false, error: { code: 'library_error' } })
    await new Promise((r) => setImmediate(r))
    expect(stray).toEqual([])
    // The queued work was dropped, not run against the closed library: nothing was stored after close.
    const reopened = Library.open(dir)
    try {
      expect(ids.filter((id) => reopened.articles.entities(id, ENTITY_VERSION) !== null)).toEqual([])
      expect(reopened.articles.count()).toBe(12)
    } finally {
      reopened.close()
    }
  })

  it('while an import is running: the import is cancelled and answers, then the library closes', async () => {
    const core = openCore(tmpDir(), { workerScript: WORKER })
    const running = dispatch(core.service, 'import.files', { jobId: 'j2', files: files(40, 'b') })
    await core.close()
    const answer = await running
    if (!answer.ok) throw new Error(answer.error.message)
    // Every file has its answer: stored before the cancel, or left out because of it; none failed.
    const { results } = answer.result as { results: { status: string; reason: string | null }[] }
    expect(results).toHaveLength(40)
    expect(results.filter((r) => r.status === 'failed')).toEqual([])
    expect(core.library.isOpen).toBe(false)
    expect(stray).toEqual([])
  })

  it('while Stories waits for a large backlog of articles to link: closes after the batch in flight, the rest left for next time', async () => {
    // 2,000 articles stored without their stories (as after a bulk import): Stories links them all before answering.
    const dir = tmpDir()
    fillScaleLibrary(dir, 2000)
    const core = openCore(dir)
    const stories = dispatch(core.service, 'stories.list', {})
    await core.close()
    expect(await stories).toMatchObject({ ok: true })
    const reopened = Library.open(dir)
    try {
      // Closing did not wait for the whole backlog: most articles still wait to be linked.
      expect(reopened.stories.pendingCount()).toBeGreaterThan(1000)
    } finally {
      reopened.close()
    }
    expect(stray).toEqual([])
  })
})
