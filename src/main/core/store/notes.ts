/**
 * Notes in the library database. A note is saved with its anchor and located against the
 * article's current text every time it is read. Writing a note marks its article pending for
 * search in the same transaction, so `notes:` queries and plain search see it at once.
 */
import type { Note } from '../../../shared/contract'
import { locate, type Anchor } from '../notes/anchor'
import type { Connection } from './connection'
import type { SearchDocs } from './search-docs'

/** A note as stored and archived: its anchor, colour, body and times. */
export interface StoredNote extends Anchor {
  color: Note['color']
  body: string
  createdAt: string
  updatedAt: string
}

interface NoteRow {
  id: number
  article_id: number
  title: string
  text: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  color: Note['color']
  body: string
  created_at: string
  updated_at: string
}

const SELECT = `SELECT n.id, n.article_id, a.title, a.text, n.exact, n.prefix, n.suffix, n.start, n."end" AS "end", n.color, n.body, n.created_at, n.updated_at
  FROM notes n JOIN articles a ON a.id = n.article_id`

const toStored = (r: Omit<NoteRow, 'id' | 'title' | 'text'>): StoredNote => ({
  exact: r.exact,
  prefix: r.prefix,
  suffix: r.suffix,
  start: r.start,
  end: r.end,
  color: r.color,
  body: r.body,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

function toNote(r: NoteRow): Note {
  const { color, body, createdAt, updatedAt, ...anchor } = toStored(r)
  return { id: r.id, articleId: r.article_id, articleTitle: r.title, anchor, located: locate(r.text, anchor), color, body, createdAt, updatedAt }
}

export class NoteStore {
  constructor(
    private readonly db: Connection,
    private readonly searchDocs: SearchDocs
  ) {}

  /** An article's notes in text order, or every note, most recently changed first. */
  list(articleId?: number): Note[] {
    const rows = (articleId === undefined
      ? this.db.prepare(`${SELECT} ORDER BY n.updated_at DESC`).all()
      : this.db.prepare(`${SELECT} WHERE n.article_id = ? ORDER BY n.start`).all(articleId)) as NoteRow[]
    return rows.map(toNote)
  }

  get(id: number): Note | null {
    const r = this.db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as NoteRow | undefined
    return r ? toNote(r) : null
  }

  /** The notes of these articles as stored, by article, in text order (one query). */
  storedFor(articleIds: readonly number[]): Map<number, StoredNote[]> {
    const rows = this.db
      .prepare('SELECT article_id, exact, prefix, suffix, start, "end", color, body, created_at, updated_at FROM notes WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY start, id')
      .all(JSON.stringify(articleIds)) as Omit<NoteRow, 'id' | 'title' | 'text'>[]
    const out = new Map<number, StoredNote[]>()
    for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), toStored(r)])
    return out
  }

  /** Stores a note on an article; returns its id. */
  add(articleId: number, n: StoredNote): number {
    return this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO notes (article_id, exact, prefix, suffix, start, "end", color, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(articleId, n.exact, n.prefix, n.suffix, n.start, n.end, n.color, n.body, n.createdAt, n.updatedAt)
      this.searchDocs.markPending([articleId])
      return Number(info.lastInsertRowid)
    })()
  }

  /** Returns false when there is no such note. */
  update(id: number, patch: { body?: string; color?: Note['color'] }, updatedAt = new Date().toISOString()): boolean {
    const note = this.get(id)
    if (!note) return false
    this.db.transaction(() => {
      this.db.prepare('UPDATE notes SET body = ?, color = ?, updated_at = ? WHERE id = ?').run(patch.body ?? note.body, patch.color ?? note.color, updatedAt, id)
      this.searchDocs.markPending([note.articleId])
    })()
    return true
  }

  delete(id: number): boolean {
    const note = this.get(id)
    if (!note) return false
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM notes WHERE id = ?').run(id)
      this.searchDocs.markPending([note.articleId])
    })()
    return true
  }
}
