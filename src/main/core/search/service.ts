/**
 * The search side of the core as the service sees it: ask, and say when articles changed.
 * Two implementations: in-process (CLI one-shots, tests) and worker threads (the app), where
 * queries run in one worker and segment building and merging in another, so neither a query
 * nor a merge ever blocks the main process, and a merge never blocks a query.
 */
import Database from 'better-sqlite3'
import { SearchIndex, type SearchRequest, type SearchResponse, type SearchStatus } from './engine'
import { WorkerClient } from '../rpc/client'
import { maintain, verifyAndRepair } from './segments'
import type { SearchBuildProtocol, SearchQueryProtocol, SearchWorkerData } from './worker-protocol'

export interface SearchBackend {
  search(req: SearchRequest): Promise<SearchResponse>
  locate(id: number, q: string): Promise<[number, number][]>
  status(): Promise<SearchStatus>
  related(id: number, limit: number): Promise<{ id: number; score: number }[]>
  /** The library grouped into stories (lists of article ids). */
  stories(): Promise<number[][]>
  /** Articles were added, edited or deleted: make them searchable (or not) now, index them properly soon. */
  changed(): Promise<void>
  close(): Promise<void>
}

export class InProcessSearch implements SearchBackend {
  private index: SearchIndex | null = null

  constructor(private readonly db: Database.Database) {}

  /** Loaded on first use, so commands that never search (list, show) pay nothing. */
  private ready(): SearchIndex {
    if (!this.index) {
      verifyAndRepair(this.db)
      maintain(this.db)
      this.index = new SearchIndex(this.db)
      this.index.refresh()
    }
    return this.index
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
  async related(id: number, limit: number): Promise<{ id: number; score: number }[]> {
    return this.ready().related(id, limit)
  }
  async stories(): Promise<number[][]> {
    return this.ready().stories()
  }
  async changed(): Promise<void> {
    maintain(this.db)
    this.ready().refresh()
  }
  async close(): Promise<void> {}
}

export class WorkerSearch implements SearchBackend {
  private readonly query: WorkerClient<SearchQueryProtocol>
  private readonly builder: WorkerClient<SearchBuildProtocol>
  private building: Promise<void> | null = null
  private again = false
  private closed = false

  constructor(script: string, file: string, nativeBinding?: string) {
    // A worker that dies is started again by the next call; the calls it held get an error.
    const data = (role: SearchWorkerData['role']): SearchWorkerData => ({ role, file, ...(nativeBinding ? { nativeBinding } : {}) })
    this.builder = new WorkerClient({ script, name: 'search index builder', data: data('build') })
    this.query = new WorkerClient({ script, name: 'search worker', data: data('query') })
    // Both start now: the query worker loads the segments while the builder checks them.
    this.query.call('status', {}).catch(() => {})
    void this.rebuild()
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
  related(id: number, limit: number): Promise<{ id: number; score: number }[]> {
    return this.query.call('related', { id, limit })
  }
  stories(): Promise<number[][]> {
    return this.query.call('stories', {})
  }

  async changed(): Promise<void> {
    // Searchable at once (the query worker indexes pending articles in memory) …
    await this.query.call('refresh', {})
    // … and built into a segment in the background.
    void this.rebuild()
  }

  private rebuild(): Promise<void> {
    if (this.building) {
      this.again = true
      return this.building
    }
    this.building = (async () => {
      do {
        this.again = false
        try {
          await this.builder.call('maintain', {})
          await this.query.call('refresh', {})
        } catch (err) {
          if (!this.closed) console.error('[parallax] search index build failed:', (err as Error).message)
        }
      } while (this.again && !this.closed)
      this.building = null
    })()
    return this.building
  }

  /** Waits for background building to finish (tests, benchmarks, shutdown). */
  async idle(): Promise<void> {
    while (this.building) await this.building
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([this.query.close(), this.builder.close()])
  }
}
