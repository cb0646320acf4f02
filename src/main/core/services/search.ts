/** Search: queries, match positions in one article, and the index's state. */
import type { ApiPart, CoreContext } from './context'

export type SearchMethods = 'search.query' | 'search.locate' | 'search.status'

export function searchService({ search }: CoreContext): ApiPart<SearchMethods> {
  return {
    async 'search.query'(args) {
      return search.search(args)
    },
    async 'search.locate'(args) {
      return { ranges: await search.locate(args.id, args.q) }
    },
    async 'search.status'() {
      return search.status()
    }
  }
}
