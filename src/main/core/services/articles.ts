/** Articles: list, read, correct metadata, delete. */
import type { ApiPart, CoreContext } from './context'
import { noArticle } from './context'

export type ArticleMethods = 'articles.list' | 'articles.get' | 'articles.update' | 'articles.updateMany' | 'articles.delete'

/** An empty author, outlet or URL means "unknown", stored as null. */
const blanksAsNull = <T extends object>(patch: T): T => Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v === '' ? null : v])) as T

export function articleService({ library, changed }: CoreContext): ApiPart<ArticleMethods> {
  const { tags } = library
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
      if (!articles.update(args.id, blanksAsNull(args.patch))) throw noArticle(args.id)
      await changed('update')
      return articles.get(args.id)!
    },

    async 'articles.updateMany'(args) {
      const ids = [...new Set(args.ids)]
      // Metadata and tags in one transaction, then one change event for the lot.
      const updated = library.transaction(() => {
        const changedMeta = articles.updateMany(ids, blanksAsNull(args.patch))
        const tagged = args.addTags?.length ? tags.change(ids, args.addTags, []) : 0
        return Math.max(changedMeta, tagged)
      })
      if (updated > 0) await changed('update')
      return { updated }
    },

    async 'articles.delete'(args) {
      const deleted = articles.delete(args.ids)
      if (deleted > 0) await changed('delete')
      return { deleted }
    }
  }
}
