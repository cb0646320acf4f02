/** Comparing articles (live, and as a report), and saved comparisons. */
import { ApiError } from '../../../shared/contract'
import { compareArticles, type CompareInput } from '../compare'
import { comparisonReport } from '../compare/report'
import type { Entities } from './entities'
import type { ApiPart, CoreContext } from './context'
import { noArticle } from './context'

export type CompareMethods = 'compare.run' | 'compare.report' | 'compare.pdf' | 'comparisons.save' | 'comparisons.list' | 'comparisons.delete'

export function compareService({ library, changed }: CoreContext, entities: Entities): ApiPart<CompareMethods> {
  const { comparisons } = library

  /** The articles to compare, with their entities; those not stored yet are found side by side. */
  async function articlesFor(ids: number[]): Promise<CompareInput[]> {
    if (new Set(ids).size !== ids.length) throw new ApiError('invalid_argument', 'compare: the same article is picked twice', 'ids')
    const found = library.articles.records(ids)
    const missing = ids.find((id, i) => found[i]?.id !== id)
    if (missing !== undefined) throw noArticle(missing, 'ids')
    const articles: CompareInput[] = found.map((a) => ({ ...a, entities: entities.stored(a.id) ?? undefined }))
    await Promise.all(articles.filter((a) => !a.entities).map(async (a) => (a.entities = await entities.find(a.id, a.text))))
    return articles
  }

  return {
    async 'compare.run'(args) {
      return compareArticles(await articlesFor(args.ids))
    },

    async 'compare.report'(args) {
      return comparisonReport(compareArticles(await articlesFor(args.ids)), args.format)
    },

    async 'compare.pdf'() {
      // Printing needs a browser engine: the desktop shell answers this call itself (shell/report-pdf.ts).
      throw new ApiError('forbidden', 'compare.pdf: a PDF is printed by the desktop app; in a browser, open the report with Save as PDF and print it, or export HTML.')
    },

    async 'comparisons.save'(args) {
      const now = new Date().toISOString()
      const fields = { title: args.title, articleIds: args.ids, notes: args.notes, updatedAt: now }
      let id = args.id
      if (id === undefined) id = comparisons.create({ ...fields, createdAt: now })
      else if (!comparisons.update(id, fields)) throw new ApiError('not_found', `There is no saved comparison #${id}.`, 'id')
      await changed('comparisons', { search: false })
      return comparisons.get(id)!
    },

    async 'comparisons.list'() {
      return { items: comparisons.list() }
    },

    async 'comparisons.delete'(args) {
      const deleted = comparisons.delete(args.id)
      if (deleted) await changed('comparisons', { search: false })
      return { deleted }
    }
  }
}
