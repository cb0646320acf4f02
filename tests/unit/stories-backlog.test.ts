/**
 * Stories after a large import, in the app's set-up (search in its worker, the story keeper in the
 * background): the list answers at once from the stories linked so far, says how many articles
 * are still being linked, and becomes the whole list once the keeper is through.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { LIBRARY_FILE } from '../../src/main/core/store/library'
import { ROOT } from '../helpers/paths'
import { fillScaleLibrary } from '../helpers/scale-library'
import { tmpDir } from '../helpers/tmp'

const SEARCH_WORKER = join(ROOT, 'out/main/search-worker.js')

describe('Stories with a backlog of articles to link', () => {
  const open: Core[] = []
  afterEach(async () => {
    for (const core of open.splice(0)) await core.close()
  })

  it('answers at once with what is linked and how many are still linking, then the same list a settled library gives', async () => {
    const dir = tmpDir()
    fillScaleLibrary(dir, 1500)
    const same = tmpDir()
    copyFileSync(join(dir, LIBRARY_FILE), join(same, LIBRARY_FILE))

    const app = openCore(dir, { searchWorkerScript: SEARCH_WORKER })
    open.push(app)
    const first = await app.service['stories.list']({})
    expect(first.linking).toBeGreaterThan(1000)
    let now = first
    await expect
      .poll(
        async () => {
          now = await app.service['stories.list']({})
          return now.linking
        },
        { timeout: 240_000, interval: 500 }
      )
      .toBeUndefined()

    // A CLI-like core links everything before it answers: the reference.
    const cli = openCore(same)
    open.push(cli)
    const settled = await cli.service['stories.list']({})
    expect(settled.linking).toBeUndefined()
    expect(settled.items.length).toBeGreaterThan(0)
    expect(now.items).toEqual(settled.items)
    expect(first.items.length).toBeLessThanOrEqual(settled.items.length)
  }, 300_000)
})
