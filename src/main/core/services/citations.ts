/** Citations of articles (a selection, search results, a comparison) or of a collection. */
import { ApiError } from '../../../shared/contract'
import { exportCitations } from '../cite/export'
import type { ApiPart, CoreContext } from './context'
import { noArticle } from './context'

export type CitationMethods = 'citations.export'

export function citationService({ library }: CoreContext): ApiPart<CitationMethods> {
  return {
    async 'citations.export'(args) {
      let ids = args.ids ?? []
      let name = 'citations'
      if (args.collection !== undefined) {
        const c = library.collections.get(args.collection)
        if (!c) throw new ApiError('not_found', `There is no collection #${args.collection}.`, 'collection')
        ids = library.collections.articleIds(args.collection)
        name = c.name
      }
      const unique = [...new Set(ids)]
      // In the order asked for (a selection's order, a collection's own order).
      const articles = library.articles.summaries(unique)
      const found = new Set(articles.map((a) => a.id))
      const missing = unique.find((id) => !found.has(id))
      if (missing !== undefined) throw noArticle(missing, 'ids')
      return { ...(await exportCitations(articles, args.format, name)), count: articles.length }
    }
  }
}
