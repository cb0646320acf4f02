/**
 * Keeps the library's stories up to date. Triggers mark the articles an import, edit or delete
 * touches (store/stories.ts); the keeper asks the search index for their story links in batches,
 * marks the candidates a new or changed article may now enter to be linked again, and the store
 * regroups only the stories that changed. So importing N articles costs about N x (1 + candidates) related queries, whatever the
 * library's size, and opening Stories reads stored groups. In the app (search in workers) it runs
 * in the background once writes pause; elsewhere (CLI, tests) when stories are asked for.
 */
import type { EventHub } from '../events'
import type { SearchBackend } from '../search/service'
import type { Library } from '../store/library'
import type { StoryPending } from '../store/stories'
import type { OutLinks } from '../search/story-links'

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
    /** In the background (the app): Stories may answer from what is linked so far. */
    readonly background: boolean
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
    // Articles linked in this run, with the newest mark that existed then: their links saw every article marked up to it.
    const linkedSince = new Map<number, number>()
    while (!this.closed) {
      const batch = this.library.stories.pending(BATCH)
      if (batch.length === 0) return
      const since = this.library.stories.lastMark()
      const relink = batch.filter((p) => p.relink).map((p) => p.id)
      const { links, notIndexed } = relink.length ? await this.search.storyLinks(relink) : { links: [], notIndexed: [] }
      if (this.closed) return
      const waiting = new Set(notIndexed)
      const done = batch.filter((p) => !waiting.has(p.id))
      this.library.stories.apply(links, done, recheck(batch, links, linkedSince))
      for (const l of links) linkedSince.set(l.id, since)
      if (waiting.size < batch.length) continue
      if (waited) return
      // Not in the index yet: have it indexed, and wait for the index builder once.
      waited = true
      await this.search.changed()
      await Promise.race([this.search.idle(), this.stopped])
    }
  }
}

/**
 * The candidates a new or changed article may now be in the links of, to link again: not those in
 * its own batch, nor those linked in this run after it was marked (their links already saw it).
 */
function recheck(batch: StoryPending[], links: OutLinks[], linkedSince: Map<number, number>): number[] {
  const changed = new Map(batch.filter((p) => p.changed).map((p) => [p.id, p.seq]))
  const inBatch = new Set(batch.map((p) => p.id))
  const ids = new Set<number>()
  for (const l of links) {
    const seq = changed.get(l.id)
    if (seq === undefined) continue
    for (const y of l.affects) if (!inBatch.has(y) && !((linkedSince.get(y) ?? -1) >= seq)) ids.add(y)
  }
  return [...ids]
}
