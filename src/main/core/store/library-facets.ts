/**
 * Facet counts for the library table, in SQL: each facet counted with every filter but its own,
 * so choosing an outlet still shows the other outlets (with the same tags, dates, …) to switch to.
 */
import type { FacetsResult } from '../../../shared/library-page'
import type { Connection } from './connection'
import { whereOf, type StoreFilters } from './library-filter'

type Counts = { name: string; count: number }[]
/** Most values shown per facet. */
const TOP = 200
/** Past this many months the histogram counts years. */
const MAX_MONTHS = 48

export class LibraryFacets {
  constructor(private readonly db: Connection) {}

  facets(f: StoreFilters): Omit<FacetsResult, 'error'> {
    return {
      total: this.count(f),
      outlets: this.column('outlet', f),
      languages: this.column('language', f),
      tags: this.tags(f),
      collections: this.collections(f),
      hasNotes: this.hasNotes(f),
      dates: this.dates(f)
    }
  }

  private count(f: StoreFilters): number {
    const w = whereOf(f)
    return this.db.prepare(`SELECT count(*) FROM articles WHERE ${w.sql}`).pluck().get(...w.params) as number
  }

  private column(column: 'outlet' | 'language', f: StoreFilters): Counts {
    const w = whereOf(f, [column])
    const sql = `SELECT ${column} AS name, count(*) AS count FROM articles WHERE ${column} IS NOT NULL AND ${w.sql}
      GROUP BY ${column} ORDER BY count DESC, ${column} LIMIT ${TOP}`
    return this.db.prepare(sql).all(...w.params) as Counts
  }

  private tags(f: StoreFilters): Counts {
    const w = whereOf(f, ['tag'])
    // Unfiltered, the tag index alone answers (no visit to the articles).
    const from = w.sql === '1' ? 'article_tags t' : 'article_tags t JOIN articles ON articles.id = t.article_id'
    const sql = `SELECT t.tag AS name, count(*) AS count FROM ${from}
      WHERE ${w.sql} GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${TOP}`
    return this.db.prepare(sql).all(...w.params) as Counts
  }

  private collections(f: StoreFilters): FacetsResult['collections'] {
    const w = whereOf(f, ['collection'])
    const counted = w.sql === '1' ? 'count(c.article_id)' : 'count(articles.id)'
    const join = w.sql === '1' ? '' : `LEFT JOIN articles ON articles.id = c.article_id AND ${w.sql}`
    const sql = `SELECT k.id, k.name, ${counted} AS count FROM collections k
      LEFT JOIN collection_articles c ON c.collection_id = k.id ${join}
      GROUP BY k.id ORDER BY k.name COLLATE NOCASE`
    return this.db.prepare(sql).all(...w.params) as FacetsResult['collections']
  }

  private hasNotes(f: StoreFilters): FacetsResult['hasNotes'] {
    const w = whereOf(f, ['hasNotes'])
    const all = this.db.prepare(`SELECT count(*) FROM articles WHERE ${w.sql}`).pluck().get(...w.params) as number
    // Driven from the (usually few) annotated articles, not a notes lookup for every article.
    const withNotes = this.db
      .prepare(`SELECT count(*) FROM articles WHERE id IN (SELECT article_id FROM notes) AND ${w.sql}`)
      .pluck()
      .get(...w.params) as number
    return { with: withNotes, without: all - withNotes }
  }

  private dates(f: StoreFilters): FacetsResult['dates'] {
    const w = whereOf(f, ['from', 'to'])
    const sql = `SELECT substr(published_at, 1, 7) AS name, count(*) AS count FROM articles
      WHERE published_at IS NOT NULL AND ${w.sql} GROUP BY name ORDER BY name`
    const months = this.db.prepare(sql).all(...w.params) as Counts
    if (months.length <= MAX_MONTHS) return { unit: 'month', buckets: months }
    const years = new Map<string, number>()
    for (const m of months) years.set(m.name.slice(0, 4), (years.get(m.name.slice(0, 4)) ?? 0) + m.count)
    return { unit: 'year', buckets: [...years].map(([name, count]) => ({ name, count })) }
  }
}
