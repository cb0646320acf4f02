/**
 * The search index's SQL over the library: the search_docs rows pointing each article at the
 * segment that covers it (or at none: pending), the article fields the index reads, and the
 * filters and metadata of hits (read per query, never held for the whole library). The segments'
 * own tables are in segment-store.ts.
 *
 * Readers see one snapshot: `snapshot(fn)` runs fn in one read transaction, so a segment listed
 * cannot vanish (merged and deleted by the builder) before its terms are read.
 */
import type Database from 'better-sqlite3'

export interface IndexDoc {
  id: number
  title: string
  text: string
  author: string | null
  outlet: string | null
  /** The article's notes: their bodies and quotes. */
  notes: string | null
  tags: string | null
}

export interface SearchFilters {
  from?: string
  to?: string
  outlet?: string
  language?: string
  tag?: string
  collection?: number
}

export interface ArticleMeta {
  title: string
  outlet: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
}

/** An article's title and text, and the fields a phrase may be aimed at. */
export type FieldsRow = Record<'text' | 'title' | 'author' | 'outlet' | 'notes', string | null>

/** One condition of a phrase scan: SQL over the articles table with its parameters. */
export interface ScanCondition {
  sql: string
  params: string[]
}

const NOTES_OF = `(SELECT group_concat(n.body || ' ' || n.exact, ' ') FROM notes n WHERE n.article_id = a.id)`
const DOC_COLUMNS = `a.id, a.title, a.text, a.author, a.outlet, ${NOTES_OF} AS notes,
  (SELECT group_concat(t.tag, ' ') FROM article_tags t WHERE t.article_id = a.id) AS tags`

/** Ids per statement when a query's matches are looked up in SQL. */
const CHUNK = 5000

/** One object per connection (a store of prepared statements), made on first use. */
export function perConnection<T>(make: (db: Database.Database) => T): (db: Database.Database) => T {
  const made = new WeakMap<Database.Database, T>()
  return (db) => {
    let s = made.get(db)
    if (s === undefined) made.set(db, (s = make(db)))
    return s
  }
}

/** One store per connection, so its statements are prepared once. */
export const searchStore = perConnection((db) => new SearchStore(db))

export class SearchStore {
  private readonly stmt: Record<string, Database.Statement>
  /** One transaction wrapper for every call (creating one per call showed in profiles). */
  private readonly inTx: Database.Transaction<(fn: () => unknown) => unknown>

  constructor(private readonly db: Database.Database) {
    this.inTx = db.transaction((fn: () => unknown) => fn())
    const p = (sql: string): Database.Statement => db.prepare(sql)
    this.stmt = {
      meta: p('SELECT title, outlet, author, published_at AS publishedAt, language FROM articles WHERE id = ?'),
      publishedAt: p('SELECT published_at FROM articles WHERE id = ?').pluck(),
      dates: p('SELECT id, published_at FROM articles WHERE id IN (SELECT value FROM json_each(?))').raw(),
      articleIds: p('SELECT id FROM articles ORDER BY id').pluck(),
      window: p("SELECT id FROM articles WHERE published_at >= ? AND published_at <= ? UNION ALL SELECT id FROM articles WHERE published_at IS NULL OR published_at = ''").pluck(),
      articleCount: p('SELECT count(*) FROM articles').pluck(),
      segmentOf: p('SELECT segment_id FROM search_docs WHERE article_id = ?').pluck(),
      pendingIds: p('SELECT article_id FROM search_docs WHERE segment_id IS NULL ORDER BY article_id LIMIT ?').pluck(),
      pendingCount: p('SELECT count(*) FROM search_docs WHERE segment_id IS NULL').pluck(),
      covered: p('SELECT count(*) FROM search_docs WHERE segment_id = ?').pluck(),
      docsOfSegments: p('SELECT article_id FROM search_docs WHERE segment_id IN (SELECT value FROM json_each(?)) ORDER BY article_id').pluck(),
      pointPending: p('UPDATE search_docs SET segment_id = ? WHERE article_id = ? AND segment_id IS NULL'),
      pointFrom: p('UPDATE search_docs SET segment_id = ? WHERE article_id = ? AND segment_id IN (SELECT value FROM json_each(?))'),
      unpoint: p('UPDATE search_docs SET segment_id = NULL WHERE segment_id = ?'),
      missingRows: p('INSERT OR IGNORE INTO search_docs (article_id, segment_id) SELECT id, NULL FROM articles'),
      doc: p(`SELECT ${DOC_COLUMNS} FROM articles a WHERE a.id = ?`),
      text: p('SELECT text, title FROM articles WHERE id = ?'),
      texts: p('SELECT id, text, title FROM articles WHERE id IN (SELECT value FROM json_each(?))'),
      fields: p(`SELECT text, title, author, outlet, ${NOTES_OF} AS notes FROM articles a WHERE a.id = ?`)
    }
  }

  /** Runs fn in one read transaction: all it reads is one consistent snapshot of the library. */
  snapshot<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : (this.inTx.deferred(fn) as T)
  }

  /** Runs fn as one write transaction, taking the write lock at once. */
  write<T>(fn: () => T): T {
    return this.inTx.immediate(fn) as T
  }

  /** Changes whenever another connection commits: lets a writer skip re-checking what it read. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number
  }

  /** Points articles at a segment: pending ones (a build), or those still in the segments it replaces (a merge). Returns those pointed. */
  pointAt(segment: number, ids: Iterable<number>, from: number[] | null): number[] {
    const fromJson = from && JSON.stringify(from)
    const pointed: number[] = []
    for (const id of ids) {
      const r = fromJson ? this.stmt.pointFrom!.run(segment, id, fromJson) : this.stmt.pointPending!.run(segment, id)
      if (r.changes) pointed.push(id)
    }
    return pointed
  }
  /** A discarded segment's articles go back to pending. */
  unpoint(segment: number): void {
    this.stmt.unpoint!.run(segment)
  }
  coveredBy(segment: number): number {
    return this.stmt.covered!.get(segment) as number
  }
  docsOfSegments(segments: number[]): number[] {
    return this.stmt.docsOfSegments!.all(JSON.stringify(segments)) as number[]
  }
  /** Articles without a row (e.g. a library touched by another tool) become pending. */
  addMissingRows(): number {
    return this.stmt.missingRows!.run().changes
  }

  meta(id: number): ArticleMeta | undefined {
    return this.stmt.meta!.get(id) as ArticleMeta | undefined
  }
  publishedAt(id: number): string | null {
    return (this.stmt.publishedAt!.get(id) as string | null | undefined) ?? null
  }
  articleIds(): number[] {
    return this.stmt.articleIds!.all() as number[]
  }
  /** Articles whose date (its first ten characters) is from one day to another, and the undated ones. */
  window(from: string, to: string): number[] {
    // Every date starting with `to` sorts before `to` followed by the highest code point.
    return this.stmt.window!.all(from, `${to}\u{10FFFF}`) as number[]
  }
  articleCount(): number {
    return this.stmt.articleCount!.get() as number
  }
  /** The segment covering an article (0: pending; undefined: no row). */
  segmentOf(id: number): number | undefined {
    const row = this.stmt.segmentOf!.get(id) as number | null | undefined
    return row === undefined ? undefined : (row ?? 0)
  }
  /** Publication dates of articles, a few thousand per statement. */
  dates(ids: number[]): Map<number, string | null> {
    const out = new Map<number, string | null>()
    for (let i = 0; i < ids.length; i += CHUNK) for (const [id, d] of this.stmt.dates!.all(JSON.stringify(ids.slice(i, i + CHUNK))) as [number, string | null][]) out.set(id, d)
    return out
  }
  /** The articles among `ids` that pass the filters (existing articles only). */
  filter(ids: number[], f: SearchFilters): Set<number> {
    const where: string[] = []
    const params: (string | number)[] = []
    const add = (sql: string, value: string | number | undefined): void => {
      if (value === undefined || value === '' || value === 0) return
      where.push(sql)
      params.push(value)
    }
    add('substr(a.published_at, 1, 10) >= ?', f.from)
    add('substr(a.published_at, 1, 10) <= ?', f.to)
    add('a.outlet = ?', f.outlet)
    add('a.language = ?', f.language)
    add('EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?)', f.tag)
    add('EXISTS (SELECT 1 FROM collection_articles c WHERE c.article_id = a.id AND c.collection_id = ?)', f.collection)
    const stmt = this.db.prepare(`SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))${where.map((w) => ` AND ${w}`).join('')}`).pluck()
    const out = new Set<number>()
    for (let i = 0; i < ids.length; i += CHUNK) for (const id of stmt.all(JSON.stringify(ids.slice(i, i + CHUNK)), ...params) as number[]) out.add(id)
    return out
  }
  pendingIds(limit = -1): number[] {
    return this.stmt.pendingIds!.all(limit) as number[]
  }
  pendingCount(): number {
    return this.stmt.pendingCount!.get() as number
  }
  docs(ids: number[]): IndexDoc[] {
    return ids.map((id) => this.stmt.doc!.get(id) as IndexDoc | undefined).filter((d): d is IndexDoc => !!d)
  }

  text(id: number): { text: string; title: string } | undefined {
    return this.stmt.text!.get(id) as { text: string; title: string } | undefined
  }
  /** Several articles' titles and texts, a few hundred per statement. */
  *texts(ids: number[]): Generator<{ id: number; title: string; text: string }> {
    for (let i = 0; i < ids.length; i += 500) {
      yield* this.stmt.texts!.iterate(JSON.stringify(ids.slice(i, i + 500))) as Iterable<{ id: number; title: string; text: string }>
    }
  }
  fields(id: number): FieldsRow | undefined {
    return this.stmt.fields!.get(id) as FieldsRow | undefined
  }
  /** Articles meeting every condition (a phrase scan over the stored texts). */
  scan(conditions: ScanCondition[]): number[] {
    const sql = `SELECT id FROM articles WHERE ${conditions.map((c) => c.sql).join(' AND ')}`
    return this.db.prepare(sql).pluck().all(...conditions.flatMap((c) => c.params)) as number[]
  }
}
