/**
 * The search index's own persistence: every SQL statement of search, in one place. Segments
 * (one stored Lunr index each), the search_docs rows pointing each article at the segment that
 * covers it (or at none: pending), and the article fields the index reads.
 *
 * Readers see one snapshot: `snapshot(fn)` runs fn in one read transaction, so a segment listed
 * cannot vanish (merged and deleted by the builder) before it is read.
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

export interface SegmentRow {
  id: number
  doc_count: number
  data: string
  checksum: string
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

const stores = new WeakMap<Database.Database, SearchStore>()

/** One store per connection, so its statements are prepared once. */
export function searchStore(db: Database.Database): SearchStore {
  let s = stores.get(db)
  if (!s) stores.set(db, (s = new SearchStore(db)))
  return s
}

export class SearchStore {
  private readonly stmt: Record<string, Database.Statement>
  /** One transaction wrapper for every call (creating one per call showed in profiles). */
  private readonly inTx: Database.Transaction<(fn: () => unknown) => unknown>

  constructor(private readonly db: Database.Database) {
    this.inTx = db.transaction((fn: () => unknown) => fn())
    const p = (sql: string): Database.Statement => db.prepare(sql)
    this.stmt = {
      segments: p('SELECT id, doc_count FROM search_segments'),
      segmentData: p('SELECT data FROM search_segments WHERE id = ?').pluck(),
      segmentsWithData: p('SELECT id, doc_count, checksum, data FROM search_segments'),
      segmentsBySize: p('SELECT id, doc_count FROM search_segments ORDER BY doc_count DESC'),
      insertSegment: p('INSERT INTO search_segments (doc_count, data, checksum, created_at) VALUES (?, ?, ?, ?)'),
      dropSegment: p('DELETE FROM search_segments WHERE id = ?'),
      meta: p('SELECT id, title, outlet, author, published_at AS publishedAt, language FROM articles'),
      metaOf: p('SELECT id, title, outlet, author, published_at AS publishedAt, language FROM articles WHERE id IN (SELECT value FROM json_each(?))'),
      tags: p('SELECT article_id, tag FROM article_tags').raw(),
      collections: p('SELECT article_id, collection_id FROM collection_articles').raw(),
      docSegments: p('SELECT article_id, segment_id FROM search_docs').raw(),
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

  segments(): { id: number; doc_count: number }[] {
    return this.stmt.segments!.all() as { id: number; doc_count: number }[]
  }
  segmentsBySize(): { id: number; doc_count: number }[] {
    return this.stmt.segmentsBySize!.all() as { id: number; doc_count: number }[]
  }
  segmentData(id: number): string | undefined {
    return this.stmt.segmentData!.get(id) as string | undefined
  }
  segmentsWithData(): SegmentRow[] {
    return this.stmt.segmentsWithData!.all() as SegmentRow[]
  }
  insertSegment(docCount: number, data: string, checksum: string): number {
    return Number(this.stmt.insertSegment!.run(docCount, data, checksum, new Date().toISOString()).lastInsertRowid)
  }
  dropSegment(id: number): void {
    this.stmt.dropSegment!.run(id)
  }
  /** Points articles at a segment: pending ones (a build), or those still in the segments it replaces (a merge). */
  pointAt(segment: number, ids: number[], from: number[] | null): void {
    const fromJson = from && JSON.stringify(from)
    for (const id of ids) {
      if (fromJson) this.stmt.pointFrom!.run(segment, id, fromJson)
      else this.stmt.pointPending!.run(segment, id)
    }
  }
  /** A broken segment's articles go back to pending, and the segment away. */
  discardSegment(id: number): void {
    this.write(() => {
      this.stmt.unpoint!.run(id)
      this.stmt.dropSegment!.run(id)
    })
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

  meta(): Map<number, ArticleMeta> {
    return new Map((this.stmt.meta!.all() as (ArticleMeta & { id: number })[]).map(({ id, ...m }) => [id, m]))
  }
  /** Some articles' metadata, a few hundred per statement. */
  *metaOf(ids: number[]): Generator<[number, ArticleMeta]> {
    for (let i = 0; i < ids.length; i += 500) {
      for (const { id, ...m } of this.stmt.metaOf!.iterate(JSON.stringify(ids.slice(i, i + 500))) as Iterable<ArticleMeta & { id: number }>) yield [id, m]
    }
  }
  tags(): Map<number, string[]> {
    return groupPairs(this.stmt.tags!.all() as [number, string][])
  }
  collections(): Map<number, number[]> {
    return groupPairs(this.stmt.collections!.all() as [number, number][])
  }
  /** Which segment covers each article (0: pending). */
  docSegments(): Map<number, number> {
    return new Map((this.stmt.docSegments!.all() as [number, number | null][]).map(([a, s]) => [a, s ?? 0]))
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

function groupPairs<V>(pairs: [number, V][]): Map<number, V[]> {
  const out = new Map<number, V[]>()
  for (const [k, v] of pairs) {
    const list = out.get(k)
    if (list) list.push(v)
    else out.set(k, [v])
  }
  return out
}
