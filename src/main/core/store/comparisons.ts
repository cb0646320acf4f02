/** Saved comparisons: a title, the articles compared and the researcher's notes on them. */
import type { SavedComparison } from '../../../shared/contract'
import type { Connection } from './connection'

interface ComparisonRow {
  id: number
  title: string
  article_ids: string
  notes: string
  created_at: string
  updated_at: string
}

const toComparison = (r: ComparisonRow): SavedComparison => ({
  id: r.id,
  title: r.title,
  articleIds: JSON.parse(r.article_ids) as number[],
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

export type NewComparison = Omit<SavedComparison, 'id'>

export class ComparisonStore {
  constructor(private readonly db: Connection) {}

  /** Most recently changed first. */
  list(): SavedComparison[] {
    return (this.db.prepare('SELECT * FROM comparisons ORDER BY updated_at DESC, id DESC').all() as ComparisonRow[]).map(toComparison)
  }

  /** In the order they were first saved (for archives). */
  all(): SavedComparison[] {
    return (this.db.prepare('SELECT * FROM comparisons ORDER BY id').all() as ComparisonRow[]).map(toComparison)
  }

  get(id: number): SavedComparison | null {
    const row = this.db.prepare('SELECT * FROM comparisons WHERE id = ?').get(id) as ComparisonRow | undefined
    return row ? toComparison(row) : null
  }

  create(c: NewComparison): number {
    const info = this.db
      .prepare('INSERT INTO comparisons (title, article_ids, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(c.title, JSON.stringify(c.articleIds), c.notes, c.createdAt, c.updatedAt)
    return Number(info.lastInsertRowid)
  }

  /** Returns false when there is no such comparison. */
  update(id: number, c: Pick<SavedComparison, 'title' | 'articleIds' | 'notes' | 'updatedAt'>): boolean {
    return (
      this.db.prepare('UPDATE comparisons SET title = ?, article_ids = ?, notes = ?, updated_at = ? WHERE id = ?').run(c.title, JSON.stringify(c.articleIds), c.notes, c.updatedAt, id)
        .changes > 0
    )
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM comparisons WHERE id = ?').run(id).changes > 0
  }
}
