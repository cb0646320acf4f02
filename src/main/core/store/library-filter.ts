/**
 * The library table's filters as SQL over `articles`: one clause per filter, so a facet can be
 * counted with every filter but its own. Values always go in as parameters. Set filters are
 * written `id IN (SELECT …)`, so SQLite can start from the tag's (or notes') index instead of probing every article.
 */
import type { LibraryFilters } from '../../../shared/library-page'

/** The filters as the store takes them: the search query already resolved to article ids. */
export type StoreFilters = Omit<LibraryFilters, 'q'> & { ids?: readonly number[] }
export type FilterName = keyof StoreFilters

type Param = string | number
interface Clause {
  name: FilterName
  sql: string
  params: Param[]
}

function clauses(f: StoreFilters): Clause[] {
  const out: Clause[] = []
  const add = (name: FilterName, sql: string, ...params: Param[]): number => out.push({ name, sql, params })
  if (f.outlet !== undefined) add('outlet', 'articles.outlet = ?', f.outlet)
  if (f.language !== undefined) add('language', 'articles.language = ?', f.language)
  if (f.tag !== undefined) add('tag', 'articles.id IN (SELECT article_id FROM article_tags WHERE tag = ?)', f.tag)
  if (f.collection !== undefined) add('collection', 'articles.id IN (SELECT article_id FROM collection_articles WHERE collection_id = ?)', f.collection)
  if (f.from !== undefined) add('from', 'articles.published_at >= ?', f.from)
  // '~' sorts after any time part, so a date-time on the last day is still inside the range.
  if (f.to !== undefined) add('to', 'articles.published_at <= ?', `${f.to}~`)
  if (f.hasNotes !== undefined) add('hasNotes', `articles.id ${f.hasNotes ? '' : 'NOT '}IN (SELECT article_id FROM notes)`)
  if (f.ids !== undefined) add('ids', 'articles.id IN (SELECT value FROM json_each(?))', JSON.stringify(f.ids))
  return out
}

export interface Where {
  /** `c1 AND c2 …`, or `1` when nothing filters; to be ANDed with more conditions. */
  sql: string
  params: Param[]
}

/**
 * The filters as one condition, leaving out those named in `except` (a facet's own). With `lead`,
 * only those filters may use an index (the others' columns are written `+col`, which SQLite
 * checks row by row): for a set it cannot size (search hits), so the query starts from it.
 */
export function whereOf(f: StoreFilters, except: readonly FilterName[] = [], lead?: readonly FilterName[]): Where {
  const kept = clauses(f).filter((c) => !except.includes(c.name))
  const sql = (c: Clause): string => (lead && !lead.includes(c.name) ? `(+${c.sql})` : `(${c.sql})`)
  return { sql: kept.length ? kept.map(sql).join(' AND ') : '1', params: kept.flatMap((c) => c.params) }
}
