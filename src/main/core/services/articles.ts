/** Articles: list, read, correct metadata, delete. */
import type { ApiPart, CoreContext } from './context'
import { noArticle } from './context'

export type ArticleMethods = 'articles.list' | 'articles.get' | 'articles.update' | 'articles.delete'

export function articleService({ library, changed }: CoreContext): ApiPart<ArticleMethods> {
  const { articles } = library
  return {
    async 'articles.list'(args) {
      return { items: articles.list(args), total: articles.count(args) }
    },

    async 'articles.get'(args) {
      const article = articles.get(args.id)
      if (!article) throw noArticle(args.id)
      return article
    },

    async 'articles.update'(args) {
      // An empty author, outlet or URL means "unknown", stored as null.
      const patch = Object.fromEntries(Object.entries(args.patch).map(([k, v]) => [k, v === '' ? null : v]))
      if (!articles.update(args.id, patch)) throw noArticle(args.id)
      await changed('update')
      return articles.get(args.id)!
    },

    async 'articles.delete'(args) {
      const deleted = articles.delete(args.ids)
      if (deleted > 0) await changed('delete')
      return { deleted }
    }
  }
}
