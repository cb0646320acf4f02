/**
 * Notes in the library database. A note is saved with its anchor, and located against the
 * article's current text every time it is read. Writing a note marks its article pending for
 * search in the same transaction, so `notes:` queries and plain search see it at once.
 */
import type Database from 'better-sqlite3'
import type { Note } from '../../../shared/contract'
import { locate, makeAnchor, type Anchor } from './anchor'
import { markdownAutolink, markdownText } from '../export/markdown-escape'

interface Row {
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

function toNote(r: Row): Note {
  const anchor: Anchor = { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end }
  return {
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.title,
    anchor,
    located: locate(r.text, anchor),
    color: r.color,
    body: r.body,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export class NoteStore {
  constructor(private readonly db: Database.Database) {}

  list(articleId?: number): Note[] {
    const rows = (articleId === undefined
      ? this.db.prepare(`${SELECT} ORDER BY n.updated_at DESC`).all()
      : this.db.prepare(`${SELECT} WHERE n.article_id = ? ORDER BY n.start`).all(articleId)) as Row[]
    return rows.map(toNote)
  }

  get(id: number): Note | null {
    const r = this.db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as Row | undefined
    return r ? toNote(r) : null
  }

  /** Anchors a new note on the stored text; null when the article is gone, a string error when the range is wrong. */
  create(articleId: number, start: number, end: number, color: Note['color'], body: string): Note | null | string {
    const text = this.db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string | undefined
    if (text === undefined) return null
    if (end > text.length) return `the quote runs past the end of the article (${text.length} characters)`
    const a = makeAnchor(text, start, end)
    if (!a.exact.trim()) return 'the quote is empty'
    const now = new Date().toISOString()
    const id = this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO notes (article_id, exact, prefix, suffix, start, "end", color, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(articleId, a.exact, a.prefix, a.suffix, a.start, a.end, color, body, now, now)
      this.reindex(articleId)
      return Number(info.lastInsertRowid)
    })()
    return this.get(id)
  }

  update(id: number, patch: { body?: string; color?: Note['color'] }): Note | null {
    const note = this.get(id)
    if (!note) return null
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE notes SET body = ?, color = ?, updated_at = ? WHERE id = ?')
        .run(patch.body ?? note.body, patch.color ?? note.color, new Date().toISOString(), id)
      this.reindex(note.articleId)
    })()
    return this.get(id)
  }

  delete(id: number): boolean {
    const note = this.get(id)
    if (!note) return false
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM notes WHERE id = ?').run(id)
      this.reindex(note.articleId)
    })()
    return true
  }

  private reindex(articleId: number): void {
    this.db.prepare('UPDATE search_docs SET segment_id = NULL WHERE article_id = ?').run(articleId)
  }
}

/** An article's notes and highlights as Markdown, with the quotes and a link back to the article. */
export function notesMarkdown(title: string, url: string | null, notes: Note[]): string {
  // Article text is escaped (markdownText); the note bodies are the user's own Markdown.
  const out = [`# Notes on “${markdownText(title)}”`, '']
  if (url) out.push(`Original: ${markdownAutolink(url)}`, '')
  for (const n of notes) {
    out.push(`> ${markdownText(n.anchor.exact.replace(/\n+/g, ' '))}`)
    if (n.located.how === 'orphan') out.push('>', '> *(this passage is no longer in the article)*')
    out.push('')
    if (n.body.trim()) out.push(n.body.trim(), '')
  }
  return out.join('\n')
}
