/** Article versions: list and read them, the word-level diff between two, and two compared side by side. */
import { ApiError, type ArticleVersionText } from '../../../shared/contract'
import { compareArticles } from '../compare'
import { wordDiff } from '../compare/fold'
import type { Entities } from './entities'
import type { ApiPart, CoreContext } from './context'
import { noArticle } from './context'

export type VersionMethods = 'articles.versions' | 'articles.version' | 'articles.versionDiff' | 'compare.versions'

export function versionService({ library }: CoreContext, entities: Entities): ApiPart<VersionMethods> {
  const { versions } = library

  /** The version, or a not-found error naming the argument that held its number. */
  function version(id: number, number: number, field: string): ArticleVersionText {
    const v = versions.get(id, number)
    if (v) return v
    if (!library.articles.has(id)) throw noArticle(id)
    throw new ApiError('not_found', `Article #${id} has no version ${number} (it has ${versions.list(id).length}).`, field)
  }

  return {
    async 'articles.versions'(args) {
      const items = versions.list(args.id)
      if (items.length === 0) throw noArticle(args.id)
      return { items }
    },

    async 'articles.version'(args) {
      return version(args.id, args.number, 'number')
    },

    async 'articles.versionDiff'(args) {
      const { text: a, ...from } = version(args.id, args.from, 'from')
      const { text: b, ...to } = version(args.id, args.to, 'to')
      return { from, to, title: wordDiff(from.title, to.title), text: wordDiff(a, b) }
    },

    async 'compare.versions'(args) {
      const article = library.articles.get(args.id)
      if (!article) throw noArticle(args.id)
      const picked = args.versions.map((n, i) => version(args.id, n, `versions.${i}`))
      // Each version stands in for the article, told apart by its number wherever outlets label columns.
      const inputs = await Promise.all(
        picked.map(async (v) => ({
          id: args.id,
          title: v.title,
          outlet: `${article.outlet ?? 'Article'} · version ${v.number}`,
          publishedAt: v.publishedAt,
          url: article.url,
          text: v.text,
          entities: v.current ? (entities.stored(args.id) ?? (await entities.of(v.text))) : await entities.of(v.text)
        }))
      )
      return compareArticles(inputs)
    }
  }
}
