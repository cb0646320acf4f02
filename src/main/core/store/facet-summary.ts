/**
 * The unfiltered facet counts, read from `facet_counts` (kept by the triggers of migration 15 in
 * every write's own transaction): a few rows instead of a pass over the library.
 */
import type { FacetsResult } from '../../../shared/library-page'
import type { Connection, Statement } from './connection'

export type Counts = { name: string; count: number }[]
/** The facets kept in `facet_counts` whose values are listed by count. */
export type CountedFacet = 'outlet' | 'language' | 'tag'

export class FacetSummary {
  private readonly stmt: Record<'top' | 'months' | 'one' | 'collections', Statement>

  constructor(db: Connection) {
    this.stmt = {
      // Rows at 0 are values whose articles are all gone.
      top: db.prepare('SELECT value AS name, count FROM facet_counts WHERE facet = ? AND count > 0 ORDER BY count DESC, value LIMIT ?'),
      months: db.prepare("SELECT value AS name, count FROM facet_counts WHERE facet = 'month' AND count > 0 ORDER BY value"),
      one: db.prepare("SELECT coalesce((SELECT count FROM facet_counts WHERE facet = ? AND value = ''), 0)").pluck(),
      collections: db.prepare(`SELECT k.id, k.name, coalesce(f.count, 0) AS count FROM collections k
        LEFT JOIN facet_counts f ON f.facet = 'collection' AND f.value = CAST(k.id AS TEXT) ORDER BY k.name COLLATE NOCASE, k.id`)
    }
  }

  /** The most frequent values, most first (ties by value). */
  top(facet: CountedFacet, limit: number): Counts {
    return this.stmt.top.all(facet, limit) as Counts
  }

  /** Dated articles by month (`2025-03`), in order. */
  months(): Counts {
    return this.stmt.months.all() as Counts
  }

  total(): number {
    return this.stmt.one.get('total') as number
  }

  /** Articles with at least one note. */
  withNotes(): number {
    return this.stmt.one.get('notes') as number
  }

  collections(): FacetsResult['collections'] {
    return this.stmt.collections.all() as FacetsResult['collections']
  }
}
