/**
 * Facet counts for the library table, in SQL: each facet counted with every filter but its own,
 * so choosing an outlet still shows the other outlets (with the same tags, dates, …) to switch to.
 * A facet whose other filters are all unset is read from `facet_counts` (kept by triggers); the
 * others are counted from grouped passes over the matching articles (facet-cube.ts).
 */
import type { FacetsResult } from '../../../shared/library-page'
import type { Connection } from './connection'
import { FlaggedPass, inOrder, topOf, type Cube } from './facet-cube'
import { FacetSummary, type Counts } from './facet-summary'
import { whereOf, type StoreFilters, type Where } from './library-filter'

/** Most values shown per facet. */
const TOP = 200
/** Past this many months the histogram counts years. */
const MAX_MONTHS = 48

const unfiltered = (w: Where): boolean => w.sql === '1'

/** Each filter group: the facet it belongs to (left out when counting that facet) and its filters. */
const GROUPS = { outlet: ['outlet'], language: ['language'], dates: ['from', 'to'], hasNotes: ['hasNotes'], tag: ['tag'], collection: ['collection'], ids: ['ids'] } as const
type Group = keyof typeof GROUPS
/** Filters that pick a set of ids, whose own facet (if any) is not counted from a cube: a pass can start from them. */
const DRIVERS: readonly Group[] = ['ids', 'tag', 'collection']

const only = (f: StoreFilters, g: Group): StoreFilters => Object.fromEntries(GROUPS[g].map((k) => [k, f[k]]).filter(([, v]) => v !== undefined))
const present = (f: StoreFilters, g: Group): boolean => GROUPS[g].some((k) => f[k] !== undefined)

export class LibraryFacets {
  private readonly summary: FacetSummary

  constructor(private readonly db: Connection) {
    this.summary = new FacetSummary(db)
  }

  facets(f: StoreFilters): Omit<FacetsResult, 'error'> {
    const cube = this.cubes(f)
    const scalar = (own: Group, fromSummary: () => Counts, fromCube: (c: Cube) => Counts): Counts =>
      unfiltered(whereOf(f, GROUPS[own])) ? fromSummary() : fromCube(cube(own))
    return {
      total: unfiltered(whereOf(f)) ? this.summary.total() : cube().total,
      outlets: scalar('outlet', () => this.summary.top('outlet', TOP), (c) => topOf(c.outlet, TOP)),
      languages: scalar('language', () => this.summary.top('language', TOP), (c) => topOf(c.language, TOP)),
      dates: byYearPastMax(scalar('dates', () => this.summary.months(), (c) => inOrder(c.month))),
      tags: this.tags(f),
      collections: this.collections(f),
      hasNotes: this.hasNotes(f, cube)
    }
  }

  /**
   * The cube for the filters but one group (a facet's own), from as few passes as it takes: with a
   * set filter (search hits, a tag, a collection) one pass from that set, flagged by the others;
   * otherwise one pass (on a covering index) per distinct set of filters.
   */
  private cubes(f: StoreFilters): (except?: Group) => Cube {
    const driver = DRIVERS.find((g) => present(f, g))
    if (driver) {
      const flags = (Object.keys(GROUPS) as Group[]).filter((g) => g !== driver && present(f, g)).map((name) => ({ name, where: whereOf(only(f, name)) }))
      const pass = new FlaggedPass(this.db, whereOf(only(f, driver)), flags)
      return (except) => pass.cube(except)
    }
    const made = new Map<string, Cube>()
    return (except) => {
      const w = whereOf(f, except ? GROUPS[except] : [])
      const key = JSON.stringify(w)
      if (!made.has(key)) made.set(key, new FlaggedPass(this.db, w, []).cube())
      return made.get(key)!
    }
  }

  private tags(f: StoreFilters): Counts {
    const w = this.setWhere(f, 'tag')
    if (unfiltered(w)) return this.summary.top('tag', TOP)
    const sql = `SELECT t.tag AS name, count(*) AS count FROM article_tags t JOIN articles ON articles.id = t.article_id
      WHERE ${w.sql} GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${TOP}`
    return this.db.prepare(sql).all(...w.params) as Counts
  }

  private collections(f: StoreFilters): FacetsResult['collections'] {
    const w = this.setWhere(f, 'collection')
    if (unfiltered(w)) return this.summary.collections()
    // Counted from the matching articles (not from every collection's members), then named.
    const sql = `SELECT k.id, k.name, coalesce(x.n, 0) AS count FROM collections k LEFT JOIN (
        SELECT c.collection_id AS id, count(*) AS n FROM collection_articles c JOIN articles ON articles.id = c.article_id WHERE ${w.sql} GROUP BY 1
      ) x ON x.id = k.id ORDER BY k.name COLLATE NOCASE, k.id`
    return this.db.prepare(sql).all(...w.params) as FacetsResult['collections']
  }

  /** The filters but a multi-valued facet's own; search hits, when given, lead (they are at most a few thousand). */
  private setWhere(f: StoreFilters, own: 'tag' | 'collection'): Where {
    return whereOf(f, GROUPS[own], f.ids !== undefined ? GROUPS.ids : undefined)
  }

  private hasNotes(f: StoreFilters, cube: (except?: Group) => Cube): FacetsResult['hasNotes'] {
    if (unfiltered(whereOf(f, GROUPS.hasNotes))) {
      const withNotes = this.summary.withNotes()
      return { with: withNotes, without: this.summary.total() - withNotes }
    }
    const c = cube('hasNotes')
    return { with: c.withNotes, without: c.total - c.withNotes }
  }
}

function byYearPastMax(months: Counts): FacetsResult['dates'] {
  if (months.length <= MAX_MONTHS) return { unit: 'month', buckets: months }
  const years = new Map<string, number>()
  for (const m of months) years.set(m.name.slice(0, 4), (years.get(m.name.slice(0, 4)) ?? 0) + m.count)
  return { unit: 'year', buckets: [...years].map(([name, count]) => ({ name, count })) }
}
