/** Background entity work waits while the app imports (it would compete for the same cores), then runs. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { ENTITY_VERSION } from '../../src/main/core/compare/entities'
import { Entities, QUIET_MS } from '../../src/main/core/services/entities'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

describe('Entities background queue', () => {
  let lib: Library
  beforeEach(() => {
    lib = Library.open(tmpDir())
  })
  afterEach(() => {
    vi.useRealTimers()
    lib.close()
  })

  it('finds nothing while an import runs or within the quiet time after it, then stores every queued article', async () => {
    const [a, b] = await importBatch(lib, ['a', 'b'].map((k) => ({ name: `${k}.txt`, bytes: new TextEncoder().encode(`Story ${k}\n\nMayor Ana Lopez of town ${k} spoke on March 1.`) })))
    const ids = [a!.articleId!, b!.articleId!]
    const texts: string[] = []
    const entities = new Entities(lib.articles, async (text) => (texts.push(text), [{ kind: 'date', text: 'March 1' }]))
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })

    let finish!: () => void
    const running = entities.duringImport(() => new Promise<void>((r) => (finish = r)))
    entities.enqueue(ids)
    await vi.advanceTimersByTimeAsync(10 * QUIET_MS)
    expect(texts).toEqual([]) // the import is still running

    finish()
    await running
    await vi.advanceTimersByTimeAsync(QUIET_MS / 2)
    expect(texts).toEqual([]) // another call of the same folder may come
    await vi.advanceTimersByTimeAsync(QUIET_MS)
    await vi.waitFor(() => expect(texts).toHaveLength(2))
    vi.useRealTimers()
    await entities.close()
    expect(ids.map((id) => lib.articles.entities(id, ENTITY_VERSION))).toEqual([[{ kind: 'date', text: 'March 1' }], [{ kind: 'date', text: 'March 1' }]])
  })
})
