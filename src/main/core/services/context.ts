/** What every core service is built on: the library, the search backend, the event hub, and `changed`. */
import { ApiError, type Api, type EventPayload } from '../../../shared/contract'
import type { MethodName } from '../../../shared/methods'
import type { EventHub } from '../events'
import type { SearchBackend } from '../search/service'
import type { Library } from '../store/library'

export type ChangeReason = EventPayload<'library.changed'>['reason']

/** A domain's part of the contract: the methods it implements, nothing else. */
export type ApiPart<M extends MethodName> = Pick<Api, M>

export interface CoreContext {
  library: Library
  search: SearchBackend
  events: EventHub
  /**
   * After a committed write. The store has already marked the touched articles pending for
   * search in the write's own transaction; this tells the search backend (unless the write
   * cannot change results) and then tells every view. The write stands even if search fails
   * to pick it up now: pending articles are indexed on the next change or start.
   */
  changed: (reason: ChangeReason, options?: { search?: boolean }) => Promise<void>
}

export function coreContext(library: Library, search: SearchBackend, events: EventHub): CoreContext {
  return {
    library,
    search,
    events,
    async changed(reason, { search: affectsSearch = true } = {}) {
      if (affectsSearch) {
        try {
          await search.changed()
        } catch (err) {
          console.error(`[parallax] the search index did not pick up a change (${reason}) yet:`, err)
        }
      }
      events.emit('library.changed', { reason })
    }
  }
}

/** The error for an article id that is not in the library, naming the argument that held it. */
export function noArticle(id: number, field = 'id'): ApiError {
  return new ApiError('not_found', `There is no article #${id} in this library.`, field)
}
