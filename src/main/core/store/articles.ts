/** The articles table: rows in and out, mapped to the contract's domain types. */
import type { Article, ArticleSummary, NearDuplicate, SourceFormat } from '../../../shared/contract'
import { inOrder, SUMMARY_COLUMNS, TEXT_COLUMNS, toRecord, toSummary, type ArticleRecord, type SummaryRow, type TextRow } from './article-rows'
import type { ParsedArticle } from '../importers/types'
import type { Connection, Statement } from './connection'
import { NearDuplicates } from './near-duplicates'
import type { SearchDocs } from './search-docs'

/** An article as an importer produces it, before it has an id. */
export interface NewArticle extends ParsedArticle {
  wordCount: number
  sourceName: string
  sourceFormat: SourceFormat
  contentHash: string
  /** MinHash signature of the text, for near-duplicate links (null: too short to tell). */
  signature?: Uint32Array | null
}

/** The text a metadata-only entry receives later, with what is derived from it. */
export type NewText = Pick<NewArticle, 'text' | 'wordCount' | 'contentHash' | 'signature' | 'warnings' | 'language'>

export type FillOutcome = { status: 'filled'; nearDuplicates: NearDuplicate[] } | { status: 'has-text' | 'missing' } | { status: 'duplicate'; id: number; title: string }

export type InsertOutcome =
  | { status: 'inserted'; id: number; nearDuplicates: NearDuplicate[] }
  | { status: 'duplicate'; id: number; title: string }

/** Editable metadata: everything a user may correct after import. */
export type MetadataPatch = Partial<Pick<NewArticle, 'title' | 'author' | 'outlet' | 'publishedAt' | 'url' | 'language'>>

const PATCH_COLUMNS: Record<keyof MetadataPatch, string> = {
  title: 'title',
  author: 'author',
  outlet: 'outlet',
  publishedAt: 'published_at',
  url: 'url',
  language: 'language'
}
/**
 * The fields the search index reads (to rank, or to filter: date and language): changing one makes
 * the article pending for search, which is how the query worker knows to read it again.
 */
const INDEXED: readonly (keyof MetadataPatch)[] = ['title', 'author', 'outlet', 'publishedAt', 'language']

export type SortKey = 'importedAt' | 'publishedAt' | 'title' | 'outlet' | 'author' | 'wordCount'

const ORDER: Record<SortKey, string> = {
  importedAt: 'imported_at',
  publishedAt: 'published_at',
  title: 'title COLLATE NOCASE',
  outlet: 'outlet COLLATE NOCASE',
  author: 'author COLLATE NOCASE',
  wordCount: 'word_count'
}

export interface ListOptions {
  limit?: number
  offset?: number
  sort?: SortKey
  direction?: 'asc' | 'desc'
  tag?: string
  collection?: number
}

/** The article's title and text, for the search index and text comparisons. */
export interface ArticleText {
  id: number
  title: string
  text: string
}

export type Facet = 'outlet' | 'language'

export interface ArticleReader {
  get(id: number): Article | null
  /** Batch reads: the articles with these ids, in that order, missing ones left out. */
  summaries(ids: readonly number[]): ArticleSummary[]
  texts(ids: readonly number[]): ArticleText[]
  records(ids: readonly number[]): ArticleRecord[]
  ids(): number[]
  has(id: number): boolean
  list(opts?: ListOptions): ArticleSummary[]
  count(opts?: Pick<ListOptions, 'tag' | 'collection'>): number
  nearDuplicates(id: number): NearDuplicate[]
  entities<T>(id: number, version: number): T | null
  facet(column: Facet): { name: string; count: number }[]
}

export interface ArticleWriter extends ArticleReader {
  insert(a: NewArticle, importedAt?: string, id?: number): InsertOutcome
  update(id: number, patch: MetadataPatch): boolean
  fillText(id: number, t: NewText): FillOutcome
  updateMany(ids: readonly number[], patch: MetadataPatch): number
  delete(ids: readonly number[]): number
  storeEntities(id: number, version: number, list: unknown): void
}

const byIds = (columns: string): string => `SELECT ${columns} FROM articles WHERE id IN (SELECT value FROM json_each(?))`

function filter(opts: Pick<ListOptions, 'tag' | 'collection'>): { where: string; params: (string | number)[] } {
  const clauses: string[] = []
  const params: (string | number)[] = []
  if (opts.tag !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = articles.id AND t.tag = ?)')
    params.push(opts.tag)
  }
  if (opts.collection !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM collection_articles c WHERE c.article_id = articles.id AND c.collection_id = ?)')
    params.push(opts.collection)
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

/** Told when articles' outlets change: `stored` for a new article's outlet, `changed` for anything else (edits, deletes). */
export interface OutletWatcher {
  stored(outlet: string): void
  changed(): void
}

export class ArticleStore implements ArticleWriter {
  private readonly links: NearDuplicates
  private outletWatcher: OutletWatcher | null = null
  private readonly stmt: Record<'insert' | 'insertWithId' | 'byHash' | 'byId' | 'has' | 'count' | 'summaries' | 'texts' | 'records' | 'entities' | 'storeEntities' | 'delete', Statement>

  constructor(
    private readonly db: Connection,
    private readonly searchDocs: SearchDocs
  ) {
    this.links = new NearDuplicates(db)
    const columns = `title, author, outlet, published_at, url, language, text, word_count, source_name, source_format, content_hash, warnings, ocr_confidence, imported_at`
    const values = `@title, @author, @outlet, @publishedAt, @url, @language, @text, @wordCount, @sourceName, @sourceFormat, @contentHash, @warnings, @ocrConfidence, @importedAt`
    this.stmt = {
      insert: db.prepare(`INSERT INTO articles (${columns}) VALUES (${values})`),
      insertWithId: db.prepare(`INSERT INTO articles (id, ${columns}) VALUES (@id, ${values})`),
      byHash: db.prepare('SELECT id, title FROM articles WHERE content_hash = ?'),
      byId: db.prepare(`SELECT ${SUMMARY_COLUMNS}, ${TEXT_COLUMNS} FROM articles WHERE id = ?`),
      has: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
      count: db.prepare('SELECT count(*) FROM articles').pluck(),
      summaries: db.prepare(byIds(SUMMARY_COLUMNS)),
      texts: db.prepare(byIds('id, title, text')),
      records: db.prepare(byIds(`${SUMMARY_COLUMNS}, ${TEXT_COLUMNS}`)),
      entities: db.prepare('SELECT entities FROM articles WHERE id = ?').pluck(),
      storeEntities: db.prepare('UPDATE articles SET entities = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM articles WHERE id = ?')
    }
  }

  /**
   * Inserts the article unless its content hash is already stored (then reports which), and links
   * it to the near-duplicates already in the library, all in one transaction: an article is
   * stored with everything derived from it, or not at all.
   */
  insert(a: NewArticle, importedAt = new Date().toISOString(), id?: number): InsertOutcome {
    return this.db
      .transaction((): InsertOutcome => {
        const existing = this.stmt.byHash.get(a.contentHash) as { id: number; title: string } | undefined
        if (existing) return { status: 'duplicate', id: existing.id, title: existing.title }
        const { signature: sig, ...row } = a
        const values = { ...row, warnings: JSON.stringify(a.warnings), ocrConfidence: a.ocrConfidence ?? null, importedAt }
        // An explicit id (restoring an archive) keeps references stable.
        const info = id === undefined ? this.stmt.insert.run(values) : this.stmt.insertWithId.run({ ...values, id })
        const newId = Number(info.lastInsertRowid)
        this.searchDocs.addPending(newId)
        const nearDuplicates = sig ? this.links.linkNew(newId, sig) : []
        if (a.outlet !== null) this.outletWatcher?.stored(a.outlet)
        return { status: 'inserted', id: newId, nearDuplicates }
      })
      .immediate()
  }

  /** One watcher of outlet changes (the outlet store's cache of spellings). */
  watchOutlets(watcher: OutletWatcher): void {
    this.outletWatcher = watcher
  }

  nearDuplicates(id: number): NearDuplicate[] {
    return this.links.of(id)
  }

  get(id: number): Article | null {
    const r = this.stmt.byId.get(id) as TextRow | undefined
    return r ? { ...toRecord(r), nearDuplicates: this.links.of(id) } : null
  }

  summaries(ids: readonly number[]): ArticleSummary[] {
    return inOrder(ids, this.stmt.summaries.all(JSON.stringify(ids)) as SummaryRow[]).map(toSummary)
  }

  texts(ids: readonly number[]): ArticleText[] {
    return inOrder(ids, this.stmt.texts.all(JSON.stringify(ids)) as ArticleText[])
  }

  records(ids: readonly number[]): ArticleRecord[] {
    return inOrder(ids, this.stmt.records.all(JSON.stringify(ids)) as TextRow[]).map(toRecord)
  }

  ids(): number[] {
    return this.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]
  }

  has(id: number): boolean {
    return this.stmt.has.get(id) !== undefined
  }

  /**
   * The article's stored entities, or null when not computed yet or computed by another version
   * of the extraction (`version`), whose results are stale.
   */
  entities<T>(id: number, version: number): T | null {
    const v = this.stmt.entities.get(id) as string | null | undefined
    if (!v) return null
    const stored = JSON.parse(v) as { v?: number; list?: T }
    return stored && typeof stored === 'object' && stored.v === version && stored.list !== undefined ? stored.list : null
  }

  storeEntities(id: number, version: number, list: unknown): void {
    this.stmt.storeEntities.run(JSON.stringify({ v: version, list }), id)
  }

  /**
   * Gives a metadata-only entry its text (and the hash, words and signature derived from it), in
   * one transaction with its search row and near-duplicate links. An article that has text keeps it.
   */
  fillText(id: number, t: NewText): FillOutcome {
    return this.db
      .transaction((): FillOutcome => {
        const row = this.db.prepare("SELECT text = '' AS empty, language FROM articles WHERE id = ?").get(id) as { empty: number; language: string | null } | undefined
        if (!row) return { status: 'missing' }
        if (!row.empty) return { status: 'has-text' }
        const existing = this.stmt.byHash.get(t.contentHash) as { id: number; title: string } | undefined
        if (existing) return { status: 'duplicate', ...existing }
        this.db
          .prepare('UPDATE articles SET text = ?, word_count = ?, content_hash = ?, warnings = ?, language = ?, entities = NULL WHERE id = ?')
          .run(t.text, t.wordCount, t.contentHash, JSON.stringify(t.warnings), row.language ?? t.language, id)
        this.searchDocs.markPending([id])
        return { status: 'filled', nearDuplicates: t.signature ? this.links.linkNew(id, t.signature) : [] }
      })
      .immediate()
  }

  /** Changes metadata fields; returns false when there is no such article. */
  update(id: number, patch: MetadataPatch): boolean {
    const keys = (Object.keys(patch) as (keyof MetadataPatch)[]).filter((k) => patch[k] !== undefined)
    if (keys.length === 0) return this.stmt.byId.get(id) !== undefined
    const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ')
    return this.db.transaction(() => {
      const changed = this.db.prepare(`UPDATE articles SET ${sets} WHERE id = @id`).run({ ...patch, id }).changes > 0
      if (changed && keys.some((k) => INDEXED.includes(k))) this.searchDocs.markPending([id])
      if (changed && keys.includes('outlet')) this.outletWatcher?.changed()
      return changed
    })()
  }

  /** The same metadata change on many articles, in one transaction; returns how many changed. */
  updateMany(ids: readonly number[], patch: MetadataPatch): number {
    return this.db.transaction(() => ids.reduce((n, id) => n + (this.update(id, patch) ? 1 : 0), 0)).immediate()
  }

  list(opts: ListOptions = {}): ArticleSummary[] {
    const sort = ORDER[opts.sort ?? 'importedAt']
    const textual = opts.sort === 'title' || opts.sort === 'outlet' || opts.sort === 'author'
    const dir = (opts.direction ?? (textual ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC'
    const { where, params } = filter(opts)
    // NULLS LAST keeps undated articles out of the way whichever the direction.
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ${where} ORDER BY ${sort} ${dir} NULLS LAST, id ${dir} LIMIT ? OFFSET ?`)
      .all(...params, opts.limit ?? -1, opts.offset ?? 0) as SummaryRow[]
    return rows.map(toSummary)
  }

  count(opts: Pick<ListOptions, 'tag' | 'collection'> = {}): number {
    if (opts.tag === undefined && opts.collection === undefined) return this.stmt.count.get() as number
    const { where, params } = filter(opts)
    return this.db.prepare(`SELECT count(*) FROM articles ${where}`).pluck().get(...params) as number
  }

  delete(ids: readonly number[]): number {
    const deleted = this.db.transaction(() => ids.reduce((n, id) => n + this.stmt.delete.run(id).changes, 0)).immediate()
    if (deleted > 0) this.outletWatcher?.changed()
    return deleted
  }

  /** The most common values of a column, for filters (at most 500). */
  facet(column: Facet): { name: string; count: number }[] {
    const rows = this.db
      .prepare(`SELECT ${column}, count(*) AS count FROM articles WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY count DESC, ${column} LIMIT 500`)
      .all() as Record<Facet | 'count', string | number>[]
    return rows.map((r) => ({ name: r[column] as string, count: r.count as number }))
  }
}
