/** The articles table: rows in and out, mapped to the contract's domain types. */
import type Database from 'better-sqlite3'
import type { Article, ArticleSummary, NearDuplicate, SourceFormat } from '../../../shared/contract'
import { bandHashes, NEAR_DUPLICATE_THRESHOLD, similarity } from '../dedupe/minhash'

/** An article as an importer produces it, before it has an id. */
export interface NewArticle {
  title: string
  author: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
  text: string
  wordCount: number
  sourceName: string
  sourceFormat: SourceFormat
  contentHash: string
  warnings: string[]
  /** MinHash signature of the text, for near-duplicate links (null: too short to tell). */
  signature?: Uint32Array | null
}

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

export type SortKey = 'importedAt' | 'publishedAt' | 'title' | 'outlet' | 'author' | 'wordCount'

const SUMMARY_COLUMNS = `id, title, author, outlet, published_at, url, language, word_count,
  source_name, source_format, content_hash, imported_at,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags t WHERE t.article_id = articles.id ORDER BY tag)) AS tags,
  (SELECT json_group_array(collection_id) FROM collection_articles c WHERE c.article_id = articles.id) AS collections`

const ORDER: Record<SortKey, string> = {
  importedAt: 'imported_at',
  publishedAt: 'published_at',
  title: 'title COLLATE NOCASE',
  outlet: 'outlet COLLATE NOCASE',
  author: 'author COLLATE NOCASE',
  wordCount: 'word_count'
}

interface Row {
  id: number
  title: string
  author: string | null
  outlet: string | null
  published_at: string | null
  url: string | null
  language: string | null
  word_count: number
  source_name: string
  source_format: string
  content_hash: string
  imported_at: string
  text?: string
  warnings?: string
  tags: string
  collections: string
}

function toSummary(r: Row): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    author: r.author,
    outlet: r.outlet,
    publishedAt: r.published_at,
    url: r.url,
    language: r.language,
    wordCount: r.word_count,
    sourceName: r.source_name,
    sourceFormat: r.source_format as SourceFormat,
    contentHash: r.content_hash,
    importedAt: r.imported_at,
    tags: JSON.parse(r.tags) as string[],
    collections: JSON.parse(r.collections) as number[]
  }
}

export interface ListOptions {
  limit?: number
  offset?: number
  sort?: SortKey
  direction?: 'asc' | 'desc'
  tag?: string
  collection?: number
}

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

export class ArticleStore {
  private readonly insertStmt: Database.Statement
  private readonly insertWithId: Database.Statement
  private readonly byHash: Database.Statement
  private readonly byId: Database.Statement
  private readonly countStmt: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(`INSERT INTO articles (title, author, outlet, published_at, url, language, text,
      word_count, source_name, source_format, content_hash, warnings, imported_at)
      VALUES (@title, @author, @outlet, @publishedAt, @url, @language, @text,
      @wordCount, @sourceName, @sourceFormat, @contentHash, @warnings, @importedAt)`)
    this.insertWithId = db.prepare(`INSERT INTO articles (id, title, author, outlet, published_at, url, language, text,
      word_count, source_name, source_format, content_hash, warnings, imported_at)
      VALUES (@id, @title, @author, @outlet, @publishedAt, @url, @language, @text,
      @wordCount, @sourceName, @sourceFormat, @contentHash, @warnings, @importedAt)`)
    this.byHash = db.prepare('SELECT id, title FROM articles WHERE content_hash = ?')
    this.byId = db.prepare(`SELECT ${SUMMARY_COLUMNS}, text, warnings FROM articles WHERE id = ?`)
    this.countStmt = db.prepare('SELECT count(*) AS n FROM articles')
  }

  /**
   * Inserts the article unless its content hash is already stored (then reports which), and links
   * it to the near-duplicates already in the library, all in one transaction: an article is
   * stored with everything derived from it, or not at all.
   */
  insert(a: NewArticle, importedAt = new Date().toISOString(), id?: number): InsertOutcome {
    return this.db
      .transaction((): InsertOutcome => {
        const existing = this.byHash.get(a.contentHash) as { id: number; title: string } | undefined
        if (existing) return { status: 'duplicate', id: existing.id, title: existing.title }
        const { signature: sig, ...row } = a
        // An explicit id (restoring an archive into an empty library) keeps references stable.
        const info = id === undefined ? this.insertStmt.run({ ...row, warnings: JSON.stringify(a.warnings), importedAt }) : this.insertWithId.run({ ...row, id, warnings: JSON.stringify(a.warnings), importedAt })
        const newId = Number(info.lastInsertRowid)
        // Pending for search in the same transaction: never stored-but-unsearchable.
        this.db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (?, NULL)').run(newId)
        return { status: 'inserted', id: newId, nearDuplicates: sig ? this.linkNearDuplicates(newId, sig) : [] }
      })
      .immediate()
  }

  private linkNearDuplicates(id: number, sig: Uint32Array): NearDuplicate[] {
    const bands = bandHashes(sig)
    const candidates = new Set<number>()
    const find = this.db.prepare('SELECT article_id FROM article_bands WHERE band = ? AND hash = ?').pluck()
    bands.forEach((h, band) => {
      for (const other of find.all(band, h) as number[]) candidates.add(other)
    })
    const found: NearDuplicate[] = []
    const getSig = this.db.prepare('SELECT s.sig, a.title, a.outlet FROM article_signatures s JOIN articles a ON a.id = s.article_id WHERE s.article_id = ?')
    const link = this.db.prepare('INSERT OR REPLACE INTO article_links (a, b, kind, similarity) VALUES (?, ?, ?, ?)')
    for (const other of candidates) {
      const row = getSig.get(other) as { sig: Buffer; title: string; outlet: string | null } | undefined
      if (!row) continue
      const otherSig = new Uint32Array(row.sig.buffer.slice(row.sig.byteOffset, row.sig.byteOffset + row.sig.byteLength))
      const sim = similarity(sig, otherSig)
      if (sim < NEAR_DUPLICATE_THRESHOLD) continue
      link.run(Math.min(id, other), Math.max(id, other), 'near-duplicate', sim)
      found.push({ id: other, title: row.title, outlet: row.outlet, similarity: sim })
    }
    this.db.prepare('INSERT INTO article_signatures (article_id, sig) VALUES (?, ?)').run(id, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength))
    const addBand = this.db.prepare('INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES (?, ?, ?)')
    bands.forEach((h, band) => addBand.run(band, h, id))
    return found.sort((x, y) => y.similarity - x.similarity)
  }

  nearDuplicates(id: number): NearDuplicate[] {
    return this.db
      .prepare(
        `SELECT a.id, a.title, a.outlet, l.similarity FROM article_links l
         JOIN articles a ON a.id = CASE WHEN l.a = ? THEN l.b ELSE l.a END
         WHERE l.a = ? OR l.b = ? ORDER BY l.similarity DESC`
      )
      .all(id, id, id) as NearDuplicate[]
  }

  get(id: number): Article | null {
    const r = this.byId.get(id) as Row | undefined
    if (!r) return null
    return { ...toSummary(r), text: r.text ?? '', warnings: JSON.parse(r.warnings ?? '[]') as string[], nearDuplicates: this.nearDuplicates(id) }
  }

  /**
   * The article's stored entities, or null when not computed yet or computed by another version
   * of the extraction (`version`), whose results are stale.
   */
  entities<T>(id: number, version: number): T | null {
    const v = this.db.prepare('SELECT entities FROM articles WHERE id = ?').pluck().get(id) as string | null | undefined
    if (!v) return null
    const stored = JSON.parse(v) as { v?: number; list?: T }
    return stored && typeof stored === 'object' && stored.v === version && stored.list !== undefined ? stored.list : null
  }

  storeEntities(id: number, version: number, list: unknown): void {
    this.db.prepare('UPDATE articles SET entities = ? WHERE id = ?').run(JSON.stringify({ v: version, list }), id)
  }

  /** Changes metadata fields; returns false when there is no such article. */
  update(id: number, patch: MetadataPatch): boolean {
    const keys = (Object.keys(patch) as (keyof MetadataPatch)[]).filter((k) => patch[k] !== undefined)
    if (keys.length === 0) return this.byId.get(id) !== undefined
    const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ')
    return this.db.transaction(() => {
      const changed = this.db.prepare(`UPDATE articles SET ${sets} WHERE id = @id`).run({ ...patch, id }).changes > 0
      // Indexed fields changed: the article is pending for search again, in the same transaction.
      if (changed && keys.some((k) => k === 'title' || k === 'author' || k === 'outlet')) {
        this.db.prepare('UPDATE search_docs SET segment_id = NULL WHERE article_id = ?').run(id)
      }
      return changed
    })()
  }

  list(opts: ListOptions = {}): ArticleSummary[] {
    const sort = ORDER[opts.sort ?? 'importedAt']
    const textual = opts.sort === 'title' || opts.sort === 'outlet' || opts.sort === 'author'
    const dir = (opts.direction ?? (textual ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC'
    const { where, params } = filter(opts)
    // NULLS LAST keeps undated articles out of the way whichever the direction.
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ${where} ORDER BY ${sort} ${dir} NULLS LAST, id ${dir} LIMIT ? OFFSET ?`)
      .all(...params, opts.limit ?? -1, opts.offset ?? 0) as Row[]
    return rows.map(toSummary)
  }

  count(opts: Pick<ListOptions, 'tag' | 'collection'> = {}): number {
    if (opts.tag === undefined && opts.collection === undefined) return (this.countStmt.get() as { n: number }).n
    const { where, params } = filter(opts)
    return (this.db.prepare(`SELECT count(*) AS n FROM articles ${where}`).get(...params) as { n: number }).n
  }

  /** Adds and removes tags on articles; the articles become pending for search (the tag field). */
  tag(ids: number[], add: string[], remove: string[]): number {
    const ins = this.db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag) SELECT id, ? FROM articles WHERE id = ?')
    const del = this.db.prepare('DELETE FROM article_tags WHERE article_id = ? AND tag = ?')
    const pending = this.db.prepare('UPDATE search_docs SET segment_id = NULL WHERE article_id = ?')
    return this.db.transaction(() => {
      let changed = 0
      for (const id of ids) {
        let n = 0
        for (const t of add) n += ins.run(t, id).changes
        for (const t of remove) n += del.run(id, t).changes
        if (n) {
          pending.run(id)
          changed++
        }
      }
      return changed
    })()
  }

  delete(ids: number[]): number {
    const stmt = this.db.prepare('DELETE FROM articles WHERE id = ?')
    return this.db.transaction(() => ids.reduce((n, id) => n + stmt.run(id).changes, 0)).immediate()
  }
}
