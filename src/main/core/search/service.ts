/**
 * The search side of the core as the service sees it: ask, and say when articles changed.
 * Two implementations: in-process (CLI one-shots, tests) and worker threads (the app), where
 * queries run in one worker and segment building and merging in another, so neither a query
 * nor a merge ever blocks the main process, and a merge never blocks a query.
 */
import Database from 'better-sqlite3'
import type { Related } from './related'
import { SearchIndex, type SearchRequest, type SearchResponse, type SearchStatus, type StoryLinks } from './engine'
import { WorkerClient } from '../rpc/client'
import { maintain, verifyAndRepair } from './segments'
import type { SearchBuildProtocol, SearchQueryProtocol, SearchWorkerData } from './worker-protocol'

export interface SearchBackend {
  search(req: SearchRequest): Promise<SearchResponse>
  locate(id: number, q: string): Promise<[number, number][]>
  status(): Promise<SearchStatus>
  related(id: number, limit: number): Promise<Related[]>
  /** The library grouped into stories from scratch (lists of article ids): the reference for the stored ones. */
  stories(): Promise<number[][]>
  /** Story out-links of these articles (see search/story-links.ts). */
  storyLinks(ids: number[]): Promise<StoryLinks>
  /** Resolves when background index building has finished (at once where there is none). */
  idle(): Promise<void>
  /** Articles were added, edited or deleted: make them searchable (or not) now, index them properly soon. */
  changed(): Promise<void>
  close(): Promise<void>
}

/** Says, on one line, why the index was answered from memory. */
export type Notice = (message: string) => void

export class InProcessSearch implements SearchBackend {
  private index: SearchIndex | null = null
  /** Set when a segment could not be written (full disk, read-only library): answers come from memory, nothing is written. */
  private readOnly = false

  constructor(
    private readonly db: Database.Database,
    private readonly notice: Notice = (m) => process.stderr.write(`${m}\n`),
    /** A library opened read-only: answer from memory from the start, without trying to write. */
    libraryReadOnly = false
  ) {
    this.readOnly = libraryReadOnly
  }

  /** Loaded on first use, so commands that never search (list, show) pay nothing. */
  private ready(): SearchIndex {
    if (!this.index) {
      this.index = new SearchIndex(this.db)
      this.update()
    }
    return this.index
  }

  /**
   * Builds pending articles into segments, then loads the index. A read never depends on that
   * write: when it fails (a full disk, a read-only library) the pending articles are indexed in
   * memory instead and nothing more is written.
   */
  private update(): void {
    if (!this.readOnly) {
      try {
        verifyAndRepair(this.db)
        maintain(this.db)
      } catch (err) {
        this.readOnly = true
        this.notice(`Search index not saved: ${whyNotWritten(err)}; searching the library from memory.`)
      }
    }
    this.index!.refresh({ allPendingInMemory: this.readOnly })
  }

  async search(req: SearchRequest): Promise<SearchResponse> {
    return this.ready().search(req)
  }
  async locate(id: number, q: string): Promise<[number, number][]> {
    return this.ready().locate(id, q)
  }
  async status(): Promise<SearchStatus> {
    return this.ready().status()
  }
  async related(id: number, limit: number): Promise<Related[]> {
    return this.ready().related(id, limit)
  }
  async stories(): Promise<number[][]> {
    return this.ready().stories()
  }
  async storyLinks(ids: number[]): Promise<StoryLinks> {
    return this.ready().storyLinks(ids)
  }
  /** Nothing builds in the background: every change is built into the index when it is reported. */
  async idle(): Promise<void> {}
  /** After a write: never fails it (the write is committed); a failed refresh is redone by the next read. */
  async changed(): Promise<void> {
    try {
      if (this.index) this.update()
      else this.ready()
    } catch (err) {
      this.index = null
      this.notice(`Search index not refreshed (${(err as Error).message}); it will be on the next search.`)
    }
  }
  async close(): Promise<void> {}
}

/** Why a segment could not be written, in words a user can act on. */
function whyNotWritten(err: unknown): string {
  const code = (err as { code?: string }).code ?? ''
  if (code === 'SQLITE_FULL') return 'the disk is full'
  if (code.startsWith('SQLITE_READONLY')) return 'the library is read-only'
  return (err as Error).message
}

/**
 * How long building and merging wait for writes to be quiet. By default they start right after
 * each write: on the index on disk a build costs only the new articles and a merge streams its
 * segments, and the query worker indexes at most 1,000 pending articles in memory, so the builder
 * must keep up with an import. PARALLAX_SEARCH_MERGE_QUIET_MS sets a delay.
 */
const MERGE_QUIET_MS = Number(process.env.PARALLAX_SEARCH_MERGE_QUIET_MS ?? 0)

export class WorkerSearch implements SearchBackend {
  private readonly query: WorkerClient<SearchQueryProtocol>
  private readonly builder: WorkerClient<SearchBuildProtocol>
  private building: Promise<void> | null = null
  private again = false
  private mergeTimer: NodeJS.Timeout | null = null
  private closed = false

  constructor(script: string, file: string, nativeBinding?: string) {
    // A worker that dies is started again by the next call; the calls it held get an error.
    const data = (role: SearchWorkerData['role']): SearchWorkerData => ({ role, file, ...(nativeBinding ? { nativeBinding } : {}) })
    this.builder = new WorkerClient({ script, name: 'search index builder', data: data('build') })
    this.query = new WorkerClient({ script, name: 'search worker', data: data('query') })
    // Both start now; the builder's check of the stored index (it reads every article's row) waits
    // for the query worker's first answer, so on two cores start-up is not shared with it.
    void this.rebuild(this.query.call('status', {}).catch(() => {}))
  }

  search(req: SearchRequest): Promise<SearchResponse> {
    return this.query.call('search', req)
  }
  locate(id: number, q: string): Promise<[number, number][]> {
    return this.query.call('locate', { id, q })
  }
  status(): Promise<SearchStatus> {
    return this.query.call('status', {})
  }
  related(id: number, limit: number): Promise<Related[]> {
    return this.query.call('related', { id, limit })
  }
  stories(): Promise<number[][]> {
    return this.query.call('stories', {})
  }
  storyLinks(ids: number[]): Promise<StoryLinks> {
    return this.query.call('storyLinks', { ids })
  }

  /**
   * Searchable at once (the query worker indexes pending articles in memory), built into a
   * segment and merged in the background. Never fails: the write that called
   * it is committed, and a refresh that fails is retried by the background build.
   * The refresh is sent, not awaited: the query worker answers in order, so every read sent after
   * this call sees the write, and the write's own answer does not wait for the in-memory index.
   */
  async changed(): Promise<void> {
    this.query.call('refresh', {}).catch((err: Error) => {
      if (!this.closed) console.error('[parallax] search refresh failed, retrying in the background:', err.message)
    })
    // The builder writes the pending articles as a segment and merges.
    if (MERGE_QUIET_MS <= 0) void this.rebuild()
    else if (!this.closed) {
      if (this.mergeTimer) clearTimeout(this.mergeTimer)
      this.mergeTimer = setTimeout(() => void this.rebuild(), MERGE_QUIET_MS).unref()
    }
  }

  /** Builds and merges until no change is left; the first one (at start) only `after` the query worker is ready. */
  private rebuild(after?: Promise<unknown>): Promise<void> {
    if (this.building) {
      this.again = true
      return this.building
    }
    this.building = (async () => {
      await after
      let failures = 0
      do {
        this.again = false
        try {
          if (await this.builder.call('maintain', {})) await this.query.call('refresh', {})
          failures = 0
        } catch (err) {
          if (this.closed) break
          console.error('[parallax] search index build failed, retrying:', (err as Error).message)
          // Again after a pause that grows (up to 10 s), until it succeeds.
          failures++
          this.again = true
          await new Promise((r) => setTimeout(r, Math.min(10_000, 100 * 2 ** failures)).unref())
        }
      } while (this.again && !this.closed)
      this.building = null
    })()
    return this.building
  }

  /** Waits for background building (and a merge waiting for quiet) to finish (tests, benchmarks, shutdown). */
  async idle(): Promise<void> {
    if (this.mergeTimer) {
      clearTimeout(this.mergeTimer)
      this.mergeTimer = null
      await this.rebuild()
    }
    while (this.building) await this.building
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.mergeTimer) clearTimeout(this.mergeTimer)
    await Promise.all([this.query.close(), this.builder.close()])
  }
}
