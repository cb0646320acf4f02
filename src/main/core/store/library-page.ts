/**
 * The library table's rows: one page for a sort and filters, by keyset paging. Every sort runs
 * on an index ending in the id, in two segments so missing values (undated, no author) come last
 * in either direction: the rows with a value, ordered by (value, id), then those without, by id.
 * A cursor is the last row's (value, id); the next page is a range scan from there.
 */
import type { LibraryRow, PageCursor, PageSort } from '../../../shared/library-page'
import type { Connection } from './connection'
import { whereOf, type StoreFilters, type Where } from './library-filter'

interface SortColumn {
  column: string
  collate: string
  nullable: boolean
}

const SORTS: Record<PageSort, SortColumn> = {
  title: { column: 'title', collate: ' COLLATE NOCASE', nullable: false },
  outlet: { column: 'outlet', collate: ' COLLATE NOCASE', nullable: true },
  author: { column: 'author', collate: ' COLLATE NOCASE', nullable: true },
  publishedAt: { column: 'published_at', collate: '', nullable: true },
  wordCount: { column: 'word_count', collate: '', nullable: false },
  language: { column: 'language', collate: '', nullable: true },
  importedAt: { column: 'imported_at', collate: '', nullable: false }
}

export interface PageRequest {
  sort: PageSort
  direction: 'asc' | 'desc'
  filters: StoreFilters
  limit: number
  cursor?: PageCursor
  offset?: number
}

export interface Page {
  items: LibraryRow[]
  next: PageCursor | null
}

const ROW_COLUMNS = `id, title, author, outlet, published_at, language, word_count, imported_at,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags t WHERE t.article_id = articles.id ORDER BY tag)) AS tags,
  (SELECT count(*) FROM notes n WHERE n.article_id = articles.id) AS notes_count`

/**
 * The page's rows: its ids chosen first, then their columns (tags, notes count) read for those
 * alone. Selected together, a filtered sort would compute them for every match before sorting.
 */
const rowsOf = (ids: string, order: string): string => `SELECT ${ROW_COLUMNS} FROM articles WHERE id IN (${ids}) ${order}`

interface Row {
  id: number
  title: string
  author: string | null
  outlet: string | null
  published_at: string | null
  language: string | null
  word_count: number
  imported_at: string
  tags: string
  notes_count: number
}

const toRow = (r: Row): LibraryRow => ({
  id: r.id,
  title: r.title,
  author: r.author,
  outlet: r.outlet,
  publishedAt: r.published_at,
  language: r.language,
  wordCount: r.word_count,
  importedAt: r.imported_at,
  tags: JSON.parse(r.tags) as string[],
  notesCount: r.notes_count
})

export class LibraryPages {
  constructor(private readonly db: Connection) {}

  page(req: PageRequest): Page {
    const s = SORTS[req.sort]
    const where = whereOf(req.filters)
    const rows = req.cursor ? this.afterCursor(s, req, where, req.cursor) : this.fromOffset(s, req, where, req.offset ?? 0)
    const last = rows[rows.length - 1]
    const lastValue = (r: Row): string | number | null => r[s.column as keyof Row]
    return { items: rows.map(toRow), next: last && rows.length === req.limit ? { v: lastValue(last), id: last.id } : null }
  }

  /** Rows matching the filters. */
  count(filters: StoreFilters): number {
    // Search hits (a few thousand at most) lead: SQLite cannot size them and would start from an outlet.
    const where = whereOf(filters, [], filters.ids !== undefined ? ['ids'] : undefined)
    return this.db.prepare(`SELECT count(*) FROM articles WHERE ${where.sql}`).pluck().get(...where.params) as number
  }

  private afterCursor(s: SortColumn, req: PageRequest, where: Where, cursor: PageCursor): Row[] {
    const cmp = req.direction === 'asc' ? '>' : '<'
    const valued = cursor.v === null ? [] : this.valued(s, req, where, { sql: `(${s.column}${s.collate}, id) ${cmp} (?, ?)`, params: [cursor.v, cursor.id] }, req.limit, 0)
    if (valued.length === req.limit || !s.nullable) return valued
    const after = cursor.v === null ? { sql: `id ${cmp} ?`, params: [cursor.id] } : null
    return valued.concat(this.unvalued(s, req, where, after, req.limit - valued.length, 0))
  }

  private fromOffset(s: SortColumn, req: PageRequest, where: Where, offset: number): Row[] {
    const valued = this.valued(s, req, where, null, req.limit, offset)
    if (valued.length === req.limit || !s.nullable) return valued
    // Past the rows with a value: how many there are says where in the rest to start.
    const skip = valued.length > 0 ? 0 : Math.max(0, offset - this.countValued(s, where))
    return valued.concat(this.unvalued(s, req, where, null, req.limit - valued.length, skip))
  }

  private valued(s: SortColumn, req: PageRequest, where: Where, after: Where | null, limit: number, offset: number): Row[] {
    const dir = req.direction === 'asc' ? 'ASC' : 'DESC'
    const order = `ORDER BY ${s.column}${s.collate} ${dir}, id ${dir}`
    const ids = `SELECT id FROM articles WHERE ${s.column} IS NOT NULL AND ${after?.sql ?? '1'} AND ${where.sql} ${order} LIMIT ? OFFSET ?`
    return this.db.prepare(rowsOf(ids, order)).all(...(after?.params ?? []), ...where.params, limit, offset) as Row[]
  }

  private unvalued(s: SortColumn, req: PageRequest, where: Where, after: Where | null, limit: number, offset: number): Row[] {
    const dir = req.direction === 'asc' ? 'ASC' : 'DESC'
    const ids = `SELECT id FROM articles WHERE ${s.column} IS NULL AND ${after?.sql ?? '1'} AND ${where.sql} ORDER BY id ${dir} LIMIT ? OFFSET ?`
    return this.db.prepare(rowsOf(ids, `ORDER BY id ${dir}`)).all(...(after?.params ?? []), ...where.params, limit, offset) as Row[]
  }

  private countValued(s: SortColumn, where: Where): number {
    return this.db.prepare(`SELECT count(*) FROM articles WHERE ${s.column} IS NOT NULL AND ${where.sql}`).pluck().get(...where.params) as number
  }
}
