/**
 * The core service: the contract, composed in this one place from the domain services in
 * `services/`. Arguments arrive already validated by `dispatch`; results are plain data.
 * It also owns shutdown: `close()` stops accepting calls, cancels imports and background work
 * and waits for what is in flight, so nothing touches the library after it is closed.
 */
import { ApiError, type Api } from '../../shared/contract'
import { METHOD_NAMES } from '../../shared/methods'
import { EventHub } from './events'
import type { SearchBackend } from './search/service'
import { articleService } from './services/articles'
import { citationService } from './services/citations'
import { compareService } from './services/compare'
import { coreContext } from './services/context'
import { Entities, type EntityWorker } from './services/entities'
import { importService, type ImportOptions } from './services/import'
import { libraryService } from './services/library'
import { libraryTableService } from './services/library-table'
import { noteService } from './services/notes'
import { organiseService } from './services/organise'
import { outletService } from './services/outlets'
import { preferenceService } from './services/preferences'
import { searchService } from './services/search'
import { storyService } from './services/stories'
import { StoryKeeper } from './services/story-keeper'
import { versionService } from './services/versions'
import type { Library } from './store/library'

export interface Service extends Api {
  readonly events: EventHub
  readonly search: SearchBackend
  /** Stops accepting calls, cancels imports and background work, and waits for calls in flight. */
  close(): Promise<void>
}

export interface ServiceOptions extends ImportOptions {
  /** Finds an article's entities off the main thread, so comparisons find them stored. */
  entityWorker?: EntityWorker
  /** Keep stories up to date in the background after writes (the app, where search runs in workers). */
  storiesInBackground?: boolean
}

export function createService(library: Library, search: SearchBackend, options: ServiceOptions = {}): Service {
  const events = new EventHub()
  const ctx = coreContext(library, search, events)
  const entities = new Entities(library.articles, options.entityWorker)
  const importing = importService(ctx, entities, options)
  const stories = new StoryKeeper(library, search, events, options.storiesInBackground ?? false)
  const api: Api = {
    ...libraryService(ctx),
    ...articleService(ctx),
    ...libraryTableService(ctx),
    ...importing,
    ...searchService(ctx),
    ...compareService(ctx, entities),
    ...storyService(ctx, stories),
    ...versionService(ctx, entities),
    ...noteService(ctx),
    ...organiseService(ctx),
    ...citationService(ctx),
    ...outletService(ctx),
    ...preferenceService(ctx)
  }
  const gate = new CallGate()
  return {
    ...gate.guard(api),
    events,
    search,
    async close() {
      gate.close()
      importing.cancelAll()
      // The story keeper first: a Stories call in flight waits for its backlog (hours on a bulk-imported million), not for shutdown.
      await stories.close()
      await gate.drained()
      await entities.close()
    }
  }
}

/** Lets calls through until closed, and knows which are still running. */
class CallGate {
  private closed = false
  private readonly inFlight = new Set<Promise<unknown>>()

  guard(api: Api): Api {
    const guarded: Record<string, (args: unknown) => Promise<unknown>> = {}
    for (const method of METHOD_NAMES) {
      const call = api[method] as (args: unknown) => Promise<unknown>
      guarded[method] = (args) => {
        if (this.closed) return Promise.reject(new ApiError('library_error', `${method}: the library is closing; try again once it is open.`))
        const running = call(args)
        this.inFlight.add(running)
        void running.finally(() => this.inFlight.delete(running)).catch(() => undefined)
        return running
      }
    }
    return guarded as unknown as Api
  }

  close(): void {
    this.closed = true
  }

  async drained(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight])
  }
}
