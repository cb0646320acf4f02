/**
 * Keeps the library's stories up to date. Triggers mark the articles an import, edit or delete
 * touches (store/stories.ts); the keeper asks the search index for their story links and for
 * those of the articles they affect, in batches, and the store regroups only the stories that
 * changed. So importing N articles costs about N x (1 + candidates) related queries, whatever the
 * library's size, and opening Stories reads stored groups. In the app (search in workers) it runs
 * in the background once writes pause; elsewhere (CLI, tests) when stories are asked for.
 */
import type { EventHub } from '../events'
import type { SearchBackend } from '../search/service'
import type { Library } from '../store/library'

/** Articles linked per call to the search index: small, so a search waits at most for one such call. */
const BATCH = 25
/** In the background, the keeper starts once writes have paused this long, so it does not slow an import. */
const QUIET_MS = 1000

export class StoryKeeper {
  private running: Promise<void> | null = null
  private again = false
  private timer: NodeJS.Timeout | null = null
  private closed = false
  /** Resolves on close: a wait for the index builder never holds up shutdown. */
  private readonly stopped: Promise<void>
  private stop: () => void = () => {}

  constructor(
    private readonly library: Library,
    private readonly search: SearchBackend,
    events: EventHub,
    background: boolean
  ) {
    this.stopped = new Promise((resolve) => (this.stop = resolve))
    if (!background || library.readOnly) return
    events.subscribe((name) => {
      if (name === 'library.changed') this.soon()
    })
    this.soon()
  }

  /** Brings the stored stories up to date with every article the index holds. */
  settle(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.drain()
      } while (this.again && !this.closed)
    })().finally(() => (this.running = null))
    return this.running
  }

  /** Stops background work and waits for a batch in flight (shutdown). */
  async close(): Promise<void> {
    this.closed = true
    this.stop()
    if (this.timer) clearTimeout(this.timer)
    await this.running?.catch(() => undefined)
  }

  private soon(): void {
    if (this.closed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.settle().catch((err: unknown) => console.error('[parallax] stories not brought up to date yet:', (err as Error).message))
    }, QUIET_MS)
    this.timer.unref()
  }

  /** Works through the marks, oldest first; articles the index cannot answer for yet wait for it once, then for the next change. */
  private async drain(): Promise<void> {
    let waited = false
    while (!this.closed) {
      const batch = this.library.stories.pending(BATCH)
      if (batch.length === 0) return
      const relink = batch.filter((p) => p.relink).map((p) => p.id)
      const { links, notIndexed } = relink.length ? await this.search.storyLinks(relink) : { links: [], notIndexed: [] }
      if (this.closed) return
      const waiting = new Set(notIndexed)
      this.library.stories.apply(links, batch.filter((p) => !waiting.has(p.id)))
      if (waiting.size < batch.length) continue
      if (waited) return
      // Not in the index yet: have it indexed, and wait for the index builder once.
      waited = true
      await this.search.changed()
      await Promise.race([this.search.idle(), this.stopped])
    }
  }
}
