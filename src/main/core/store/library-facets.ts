/**
 * Facet counts for the library table, in SQL: each facet counted with every filter but its own,
 * so choosing an outlet still shows the other outlets (with the same tags, dates, …) to switch to.
 * A facet whose other filters are all unset is read from `facet_counts` (kept by triggers); the
 * others count the matching articles, outlet, language and month in one grouped pass per filter set.
 */
import type { FacetsResult } from '../../../shared/library-page'
import type { Connection } from './connection'
import { cubeOf, inOrder, topOf, type Cube } from './facet-cube'
import { FacetSummary, type Counts } from './facet-summary'
import { whereOf, type FilterName, type StoreFilters, type Where } from './library-filter'

/** Most values shown per facet. */
const TOP = 200
/** Past this many months the histogram counts years. */
const MAX_MONTHS = 48

const unfiltered = (w: Where): boolean => w.sql === '1'

export class LibraryFacets {
  private readonly summary: FacetSummary

  constructor(private readonly db: Connection) {
    this.summary = new FacetSummary(db)
  }

  facets(f: StoreFilters): Omit<FacetsResult, 'error'> {
    // One pass per distinct filter set (each facet leaves out its own filter), shared between facets.
    const cubes = new Map<string, Cube>()
    const cube = (w: Where): Cube => {
      const key = JSON.stringify(w)
      if (!cubes.has(key)) cubes.set(key, cubeOf(this.db, w))
      return cubes.get(key)!
    }
    const scalar = (except: FilterName[], fromSummary: () => Counts, fromCube: (c: Cube) => Counts): Counts => {
      const w = whereOf(f, except)
      return unfiltered(w) ? fromSummary() : fromCube(cube(w))
    }
    const all = whereOf(f)
    return {
      total: unfiltered(all) ? this.summary.total() : cube(all).total,
      outlets: scalar(['outlet'], () => this.summary.top('outlet', TOP), (c) => topOf(c.outlet, TOP)),
      languages: scalar(['language'], () => this.summary.top('language', TOP), (c) => topOf(c.language, TOP)),
      dates: byYearPastMax(scalar(['from', 'to'], () => this.summary.months(), (c) => inOrder(c.month))),
      tags: this.tags(f),
      collections: this.collections(f),
      hasNotes: this.hasNotes(f, (w) => cubes.get(JSON.stringify(w))?.total)
    }
  }

  private tags(f: StoreFilters): Counts {
    const w = whereOf(f, ['tag'])
    if (unfiltered(w)) return this.summary.top('tag', TOP)
    const sql = `SELECT t.tag AS name, count(*) AS count FROM article_tags t JOIN articles ON articles.id = t.article_id
      WHERE ${w.sql} GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${TOP}`
    return this.db.prepare(sql).all(...w.params) as Counts
  }

  private collections(f: StoreFilters): FacetsResult['collections'] {
    const w = whereOf(f, ['collection'])
    if (unfiltered(w)) return this.summary.collections()
    const sql = `SELECT k.id, k.name, count(articles.id) AS count FROM collections k
      LEFT JOIN collection_articles c ON c.collection_id = k.id LEFT JOIN articles ON articles.id = c.article_id AND ${w.sql}
      GROUP BY k.id ORDER BY k.name COLLATE NOCASE, k.id`
    return this.db.prepare(sql).all(...w.params) as FacetsResult['collections']
  }

  /** `counted` gives a count already made for the same filters, if any. */
  private hasNotes(f: StoreFilters, counted: (w: Where) => number | undefined): FacetsResult['hasNotes'] {
    const w = whereOf(f, ['hasNotes'])
    if (unfiltered(w)) {
      const withNotes = this.summary.withNotes()
      return { with: withNotes, without: this.summary.total() - withNotes }
    }
    const all = counted(w) ?? (this.db.prepare(`SELECT count(*) FROM articles WHERE ${w.sql}`).pluck().get(...w.params) as number)
    // Driven from the (usually few) annotated articles, not a notes lookup for every article.
    const withNotes = this.db
      .prepare(`SELECT count(*) FROM articles WHERE id IN (SELECT article_id FROM notes) AND ${w.sql}`)
      .pluck()
      .get(...w.params) as number
    return { with: withNotes, without: all - withNotes }
  }
}

function byYearPastMax(months: Counts): FacetsResult['dates'] {
  if (months.length <= MAX_MONTHS) return { unit: 'month', buckets: months }
  const years = new Map<string, number>()
  for (const m of months) years.set(m.name.slice(0, 4), (years.get(m.name.slice(0, 4)) ?? 0) + m.count)
  return { unit: 'year', buckets: [...years].map(([name, count]) => ({ name, count })) }
}
