/**
 * Article versions. An import whose text or headline differs from a stored article it matches
 * (the same URL, or the same headline and outlet; the same text under another headline) becomes
 * the article's new version: the articles row takes the new headline and text (so search, lists
 * and notes see the latest), and the row it had moves to `article_versions` under its number.
 */
import type { ArticleVersion, ArticleVersionText, NearDuplicate } from '../../../shared/contract'
import type { ArticleStore, InsertOutcome, NewArticle } from './articles'
import type { Connection, Statement } from './connection'
import { NearDuplicates } from './near-duplicates'
import type { SearchDocs } from './search-docs'

/** What a new version changed against the one it replaced. */
export type VersionChange = 'headline' | 'text' | 'headline and text'

export type ImportOutcome =
  | InsertOutcome
  | { status: 'version'; id: number; number: number; change: VersionChange; previousTitle: string; nearDuplicates: NearDuplicate[] }
  /** The same headline and text as an earlier version of a stored article. */
  | { status: 'old-version'; id: number; title: string; number: number }

/** An earlier version as stored, for the library archive. */
export interface StoredVersion {
  number: number
  title: string
  text: string
  wordCount: number
  contentHash: string
  publishedAt: string | null
  sourceName: string
  importedAt: string
}

/** One version with its text. */
export type { ArticleVersionText }

interface VersionRow {
  number: number
  title: string
  text: string
  word_count: number
  content_hash: string
  published_at: string | null
  source_name: string
  imported_at: string
}

interface CurrentRow extends Omit<VersionRow, 'number'> {
  id: number
  outlet: string | null
  url: string | null
  older: number
}

const CURRENT = `SELECT id, title, text, word_count, content_hash, published_at, source_name, imported_at, outlet, url,
  (SELECT count(*) FROM article_versions v WHERE v.article_id = articles.id) AS older FROM articles`

/** A headline or outlet as matched: regardless of case, spacing and punctuation (`$100m-share` = `$100m share`). */
const key = (s: string | null): string => (s ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
const same = (a: string | null, b: string | null): boolean => key(a) === key(b)
/** A URL without its fragment and trailing slash: the same page however it was linked. */
const pageOf = (url: string): string => url.replace(/#.*$/, '').replace(/\/+$/, '')
/** The same text under two outlets is wire copy, not a version: outlets must agree (or one be unknown). */
const outletsAgree = (a: string | null, b: string | null): boolean => a === null || b === null || same(a, b)

/**
 * The current articles with this headline from this outlet. Led by the title index: the unary `+`
 * keeps SQLite from choosing the outlet's index instead, which (a few outlets, many articles each)
 * read a large share of the library for every imported article that has no stored page.
 */
export const BY_TITLE = `${CURRENT} WHERE title = ? COLLATE NOCASE AND +outlet = ? COLLATE NOCASE ORDER BY imported_at DESC, id DESC LIMIT 5`

export class ArticleVersions {
  private readonly links: NearDuplicates
  private readonly stmt: Record<'byHash' | 'byId' | 'olderByHash' | 'byUrl' | 'byTitle' | 'keep' | 'replace' | 'list' | 'one' | 'older' | 'restore', Statement>

  constructor(
    private readonly db: Connection,
    private readonly searchDocs: SearchDocs,
    private readonly articles: ArticleStore
  ) {
    this.links = new NearDuplicates(db)
    this.stmt = {
      byHash: db.prepare(`${CURRENT} WHERE content_hash = ?`),
      byId: db.prepare(`${CURRENT} WHERE id = ?`),
      olderByHash: db.prepare('SELECT article_id AS id, number, title FROM article_versions WHERE content_hash = ? ORDER BY article_id, number'),
      byUrl: db.prepare(`${CURRENT} WHERE url IN (?, ?) ORDER BY imported_at DESC, id DESC LIMIT 1`),
      byTitle: db.prepare(BY_TITLE),
      keep: db.prepare(`INSERT INTO article_versions (article_id, number, title, text, word_count, content_hash, published_at, source_name, imported_at)
        VALUES (@id, @older + 1, @title, @text, @word_count, @content_hash, @published_at, @source_name, @imported_at)`),
      replace: db.prepare(`UPDATE articles SET title = @title, text = @text, word_count = @wordCount, content_hash = @contentHash,
        published_at = coalesce(@publishedAt, published_at), author = coalesce(@author, author), language = coalesce(@language, language), url = coalesce(url, @url), source_name = @sourceName, source_format = @sourceFormat,
        warnings = @warnings, imported_at = @importedAt, entities = NULL WHERE id = @id`),
      list: db.prepare('SELECT number, title, word_count, published_at, source_name, imported_at FROM article_versions WHERE article_id = ? ORDER BY number'),
      one: db.prepare('SELECT number, title, text, word_count, published_at, source_name, imported_at FROM article_versions WHERE article_id = ? AND number = ?'),
      older: db.prepare(`SELECT number, title, text, word_count AS wordCount, content_hash AS contentHash, published_at AS publishedAt, source_name AS sourceName,
        imported_at AS importedAt FROM article_versions WHERE article_id = ? ORDER BY number`),
      restore: db.prepare(`INSERT INTO article_versions (article_id, number, title, text, word_count, content_hash, published_at, source_name, imported_at)
        VALUES (@id, @number, @title, @text, @wordCount, @contentHash, @publishedAt, @sourceName, @importedAt)`)
    }
  }

  /**
   * Stores an imported article: a duplicate of a stored version, a new version of the article it
   * matches, or a new article. One transaction, so a version is never half moved.
   */
  importArticle(a: NewArticle, importedAt = new Date().toISOString()): ImportOutcome {
    return this.db
      .transaction((): ImportOutcome => {
        // A headline and text already stored together, as the current version or an earlier one.
        const older = this.stmt.olderByHash.all(a.contentHash) as { id: number; number: number; title: string }[]
        const sameVersion = older.find((v) => same(v.title, a.title))
        const current = this.stmt.byHash.get(a.contentHash) as CurrentRow | undefined
        if (current) {
          if (same(current.title, a.title) || !outletsAgree(current.outlet, a.outlet)) return this.articles.insert(a, importedAt)
          if (sameVersion?.id === current.id) return { status: 'old-version', ...sameVersion }
          return this.supersede(current, a, importedAt)
        }
        if (sameVersion) return { status: 'old-version', ...sameVersion }
        const match = older.length ? (this.stmt.byId.get(older[0]!.id) as CurrentRow) : this.matching(a)
        return match ? this.supersede(match, a, importedAt) : this.articles.insert(a, importedAt)
      })
      .immediate()
  }

  /** The stored article this one is a version of: the same page, else the same headline and outlet (on no other page). */
  private matching(a: NewArticle): CurrentRow | undefined {
    if (a.url) {
      const page = pageOf(a.url)
      const byUrl = this.stmt.byUrl.get(page, `${page}/`) as CurrentRow | undefined
      if (byUrl) return byUrl
    }
    if (!a.outlet || !a.title.trim()) return undefined
    return (this.stmt.byTitle.all(a.title, a.outlet) as CurrentRow[]).find((r) => !r.url || !a.url || pageOf(r.url) === pageOf(a.url))
  }

  /** Keeps the article's current row as its next-older version and makes `a` the current one. */
  private supersede(current: CurrentRow, a: NewArticle, importedAt: string): ImportOutcome {
    this.stmt.keep.run(current)
    const { signature, ...row } = a
    this.stmt.replace.run({ ...row, warnings: JSON.stringify(a.warnings), importedAt, id: current.id })
    this.searchDocs.markPending([current.id])
    const textChanged = current.content_hash !== a.contentHash
    let nearDuplicates: NearDuplicate[] = []
    if (textChanged) {
      this.links.forget(current.id)
      nearDuplicates = signature ? this.links.linkNew(current.id, signature) : []
    }
    const headlineChanged = !same(current.title, a.title)
    const change: VersionChange = textChanged ? (headlineChanged ? 'headline and text' : 'text') : 'headline'
    return { status: 'version', id: current.id, number: current.older + 2, change, previousTitle: current.title, nearDuplicates }
  }

  /** Every version of an article, oldest first, the current one last; empty when there is no such article. */
  list(id: number): ArticleVersion[] {
    const current = this.stmt.byId.get(id) as CurrentRow | undefined
    if (!current) return []
    const older = (this.stmt.list.all(id) as Omit<VersionRow, 'text' | 'content_hash'>[]).map((r) => toVersion(r, false))
    return [...older, toVersion({ ...current, number: current.older + 1 }, true)]
  }

  /** An article's earlier versions with their texts, oldest first (for the library archive). */
  older(id: number): StoredVersion[] {
    return this.stmt.older.all(id) as StoredVersion[]
  }

  /** Puts an archive's earlier versions back under a restored article. */
  restore(id: number, versions: readonly StoredVersion[]): void {
    for (const v of versions) this.stmt.restore.run({ ...v, id })
  }

  /** One version with its text, or null. */
  get(id: number, number: number): ArticleVersionText | null {
    const current = this.stmt.byId.get(id) as CurrentRow | undefined
    if (!current) return null
    if (number === current.older + 1) return { ...toVersion({ ...current, number }, true), text: current.text }
    const r = this.stmt.one.get(id, number) as Omit<VersionRow, 'content_hash'> | undefined
    return r ? { ...toVersion(r, false), text: r.text } : null
  }
}

function toVersion(r: Omit<VersionRow, 'text' | 'content_hash'>, current: boolean): ArticleVersion {
  return { number: r.number, title: r.title, wordCount: r.word_count, publishedAt: r.published_at, sourceName: r.source_name, importedAt: r.imported_at, current }
}
