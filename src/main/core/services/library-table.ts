/** The library table: pages of rows by keyset paging, and facet counts, for a sort, filters and search. */
import type { LibraryFilters } from '../../../shared/library-page'
import type { StoreFilters } from '../store/library-filter'
import { defaultDirection } from '../../../shared/table-sort'
import type { ApiPart, CoreContext } from './context'

export type LibraryTableMethods = 'articles.page' | 'articles.facets'

/** Most search hits a table filter takes (best first). */
export const SEARCH_FILTER_LIMIT = 10_000
const PAGE_SIZE = 100

/** `matched`: a search query's matches in all, when there are more than the table takes. */
type Resolved = { filters: StoreFilters; error: string | null; matched?: number }

export function libraryTableService({ library, search }: CoreContext): ApiPart<LibraryTableMethods> {
  /** The search query, if any, becomes the ids it finds: an id filter the SQL can combine. */
  async function resolve(filters: LibraryFilters = {}): Promise<Resolved> {
    const { q, ...rest } = filters
    if (q === undefined || q.trim() === '') return { filters: rest, error: null }
    const found = await search.search({ q, limit: SEARCH_FILTER_LIMIT, idsOnly: true })
    return { filters: { ...rest, ids: found.hits.map((h) => h.id) }, error: found.error, ...(found.total > SEARCH_FILTER_LIMIT ? { matched: found.total } : {}) }
  }

  return {
    async 'articles.page'(args) {
      const sort = args.sort ?? 'importedAt'
      const { filters, error, matched } = await resolve(args.filters)
      const page = library.pages.page({ sort, direction: args.direction ?? defaultDirection(sort), filters, limit: args.limit ?? PAGE_SIZE, cursor: args.cursor, offset: args.offset })
      return { ...page, total: args.withTotal ? library.pages.count(filters) : null, error, ...(matched !== undefined && args.withTotal ? { matched } : {}) }
    },

    async 'articles.facets'(args) {
      const { filters, error } = await resolve(args.filters)
      return { ...library.facets.facets(filters), error }
    }
  }
}
