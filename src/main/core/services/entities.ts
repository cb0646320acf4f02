/**
 * An article's names, numbers and dates for comparisons: found once (NLP is slow), then stored
 * with the extraction's version. After an import they are found in the background, one article
 * at a time, by a queue that `close()` stops and waits for, so no work outlives the library.
 */
import { articleEntities, type Entity } from '../compare'
import { ENTITY_VERSION } from '../compare/entities'
import { splitSentences } from '../compare/sentences'
import type { ArticleWriter } from '../store/articles'

/** Finds an article's entities off the main thread (the worker pool). */
export type EntityWorker = (text: string) => Promise<unknown>

/** How many articles of one import get their entities found in the background. */
const BACKGROUND_LIMIT = 500

/**
 * Background work waits this long after the last import call: the app sends a folder in many
 * calls, and NLP between them would compete with parsing for the same cores.
 */
export const QUIET_MS = 1500
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref())

export class Entities {
  private readonly queue: number[] = []
  private running: Promise<void> | null = null
  private closed = false
  /** Imports running now, and when the last one ended: the queue waits for a quiet moment. */
  private imports = 0
  private lastImport = 0

  constructor(
    private readonly articles: ArticleWriter,
    private readonly worker?: EntityWorker
  ) {}

  stored(id: number): Entity[] | null {
    return this.articles.entities<Entity[]>(id, ENTITY_VERSION)
  }

  /** Finds the entities of a text without storing them (an earlier version of an article). */
  async of(text: string): Promise<Entity[]> {
    return this.worker ? ((await this.worker(text)) as Entity[]) : articleEntities(splitSentences(text))
  }

  /** Finds and stores the entities of an article whose entities are not stored. */
  async find(id: number, text: string): Promise<Entity[]> {
    const found = await this.of(text)
    if (!this.closed) this.articles.storeEntities(id, ENTITY_VERSION, found)
    return found
  }

  /** Queues newly imported articles for background work (only when there is a worker to do it). */
  enqueue(ids: readonly number[]): void {
    if (!this.worker || this.closed) return
    this.queue.push(...ids.slice(0, BACKGROUND_LIMIT))
    this.running ??= this.drain().finally(() => (this.running = null))
  }

  /** Runs an import; background work waits until imports have been quiet for QUIET_MS. */
  async duringImport<T>(work: () => Promise<T>): Promise<T> {
    this.imports++
    try {
      return await work()
    } finally {
      this.imports--
      this.lastImport = Date.now()
    }
  }

  private async quiet(): Promise<void> {
    for (;;) {
      const wait = this.imports > 0 ? QUIET_MS : this.lastImport + QUIET_MS - Date.now()
      if (wait <= 0 || this.closed) return
      await sleep(Math.min(wait, 200))
    }
  }

  private async drain(): Promise<void> {
    for (let id = this.queue.shift(); id !== undefined && !this.closed; id = this.queue.shift()) {
      await this.quiet()
      if (this.closed) break
      if (this.stored(id)) continue
      const text = this.articles.texts([id])[0]?.text
      if (text === undefined) continue
      try {
        await this.find(id, text)
      } catch {
        // Not fatal: the comparison finds them when it needs them.
      }
    }
  }

  /** Drops what is queued and waits for the article in progress, whose result is not stored. */
  async close(): Promise<void> {
    this.closed = true
    this.queue.length = 0
    await this.running
  }
}
