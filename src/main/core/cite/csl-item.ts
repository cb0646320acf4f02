/**
 * An article as a CSL-JSON item, the one shape every citation format is made from: a newspaper
 * article (or a magazine article, when the outlet says it is one), or a web page when no outlet is
 * known; the outlet as container-title, the byline as names, the publication date as `issued`, the
 * import date as `accessed` (when the article was read from its source).
 */
import type { CslDate, CslItem } from '@citation-js/core'
import { parse as parseDate } from '@citation-js/date'
import type { ArticleSummary } from '../../../shared/contract'
import { cslNames } from './names'

/** What a citation needs of an article (its metadata and import date, not its text). */
export type CitableArticle = Pick<ArticleSummary, 'id' | 'title' | 'author' | 'outlet' | 'publishedAt' | 'url' | 'language' | 'importedAt'>

export type CslArticleType = 'article-newspaper' | 'article-magazine' | 'webpage'

const MAGAZINE = /\b(magazine|weekly|monthly|quarterly|new yorker|atlantic|economist|newsweek|wired|time|spiegel|stern|l'express|le point)\b/i

export function cslType(outlet: string | null): CslArticleType {
  if (!outlet) return 'webpage'
  return MAGAZINE.test(outlet) ? 'article-magazine' : 'article-newspaper'
}

export function cslItem(a: CitableArticle): CslItem {
  const item: CslItem = { id: `parallax-${a.id}`, type: cslType(a.outlet), title: a.title }
  if (a.outlet) item['container-title'] = a.outlet
  const author = cslNames(a.author, a.outlet)
  if (author) item.author = author
  const issued = cslDate(a.publishedAt)
  if (issued) item.issued = issued
  const accessed = cslDate(a.importedAt)
  if (accessed) item.accessed = accessed
  if (a.url) item.URL = a.url
  if (a.language) item.language = a.language
  return item
}

/** An ISO 8601 date or date-time as CSL date parts (day precision: CSL has no times). */
function cslDate(iso: string | null): CslDate | undefined {
  const day = iso?.match(/^\d{4}(?:-\d{2}){0,2}/)?.[0]
  return day ? parseDate(day) : undefined
}
