/** The library's lists, each loaded through useApiQuery and kept current as the library changes. */
import type { Args, Result } from '../../../shared/contract'
import { api } from '../api/client'
import { useApiQuery, type ApiQuery } from './useApiQuery'

export type LibraryQuery = Args<'articles.list'>

/** One page of the library list for a sort and filter; reloaded on every change (unless the table shows the library). */
export function useArticles(query: LibraryQuery, enabled = true): ApiQuery<Result<'articles.list'>> {
  const key = JSON.stringify(query)
  return useApiQuery(() => api['articles.list'](JSON.parse(key) as LibraryQuery), [key], { reloadOn: 'any', enabled })
}

/** Articles in the whole library, whatever the list is filtered to: the sidebar's Library count. */
export function useLibraryTotal(): number {
  return useApiQuery(() => api['articles.list']({ limit: 1 }), [], { reloadOn: ['import', 'delete'] }).data?.total ?? 0
}

/** Saved comparisons, newest first, kept current as they are saved or deleted. */
export function useSavedComparisons(): ApiQuery<Result<'comparisons.list'>> {
  return useApiQuery(() => api['comparisons.list']({}), [], { reloadOn: ['comparisons'] })
}

/** The library's collections with their sizes, kept current. */
export function useCollections(): ApiQuery<Result<'collections.list'>> {
  return useApiQuery(() => api['collections.list']({}), [], { reloadOn: ['collections', 'delete', 'import'] })
}

/** The library's tags with their counts, kept current. */
export function useTags(): ApiQuery<Result<'tags.list'>> {
  return useApiQuery(() => api['tags.list']({}), [], { reloadOn: 'any' })
}

/** The library's outlet names with their article counts, most used first: kept current. */
export function useOutlets(): ApiQuery<Result<'library.facets'>['outlets']> {
  return useApiQuery(async () => (await api['library.facets']({})).outlets, [], { reloadOn: ['import', 'update', 'delete'] })
}
