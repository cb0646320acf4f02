/** The articles table: rows in and out, mapped to the contract's domain types. */
import type Database from 'better-sqlite3'
import type { Article, ArticleSummary, SourceFormat } from '../../../shared/contract'

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
}

export type InsertOutcome = { status: 'inserted'; id: number } | { status: 'duplicate'; id: number; title: string }

export type SortKey = 'importedAt' | 'publishedAt' | 'title' | 'outlet'

const SUMMARY_COLUMNS = `id, title, author, outlet, published_at, url, language, word_count,
  source_name, source_format, content_hash, imported_at`

const ORDER: Record<SortKey, string> = {
  importedAt: 'imported_at',
  publishedAt: 'published_at',
  title: 'title COLLATE NOCASE',
  outlet: 'outlet COLLATE NOCASE'
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
    importedAt: r.imported_at
  }
}

export class ArticleStore {
  private readonly insertStmt: Database.Statement
  private readonly byHash: Database.Statement
  private readonly byId: Database.Statement
  private readonly countStmt: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(`INSERT INTO articles (title, author, outlet, published_at, url, language, text,
      word_count, source_name, source_format, content_hash, warnings, imported_at)
      VALUES (@title, @author, @outlet, @publishedAt, @url, @language, @text,
      @wordCount, @sourceName, @sourceFormat, @contentHash, @warnings, @importedAt)`)
    this.byHash = db.prepare('SELECT id, title FROM articles WHERE content_hash = ?')
    this.byId = db.prepare(`SELECT ${SUMMARY_COLUMNS}, text, warnings FROM articles WHERE id = ?`)
    this.countStmt = db.prepare('SELECT count(*) AS n FROM articles')
  }

  /** Inserts the article unless its content hash is already stored (then reports which). */
  insert(a: NewArticle, importedAt = new Date().toISOString()): InsertOutcome {
    return this.db
      .transaction((): InsertOutcome => {
        const existing = this.byHash.get(a.contentHash) as { id: number; title: string } | undefined
        if (existing) return { status: 'duplicate', id: existing.id, title: existing.title }
        const info = this.insertStmt.run({ ...a, warnings: JSON.stringify(a.warnings), importedAt })
        return { status: 'inserted', id: Number(info.lastInsertRowid) }
      })
      .immediate()
  }

  get(id: number): Article | null {
    const r = this.byId.get(id) as Row | undefined
    if (!r) return null
    return { ...toSummary(r), text: r.text ?? '', warnings: JSON.parse(r.warnings ?? '[]') as string[] }
  }

  list(opts: { limit?: number; offset?: number; sort?: SortKey; direction?: 'asc' | 'desc' } = {}): ArticleSummary[] {
    const sort = ORDER[opts.sort ?? 'importedAt']
    const dir = (opts.direction ?? (opts.sort === 'title' || opts.sort === 'outlet' ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC'
    // NULLS LAST keeps undated articles out of the way whichever the direction.
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY ${sort} ${dir} NULLS LAST, id ${dir} LIMIT ? OFFSET ?`)
      .all(opts.limit ?? -1, opts.offset ?? 0) as Row[]
    return rows.map(toSummary)
  }

  count(): number {
    return (this.countStmt.get() as { n: number }).n
  }

  delete(ids: number[]): number {
    const stmt = this.db.prepare('DELETE FROM articles WHERE id = ?')
    return this.db.transaction(() => ids.reduce((n, id) => n + stmt.run(id).changes, 0)).immediate()
  }
}
