/** Collections: a research question or project grouping articles; an article can be in many. */
import type { Collection } from '../../../shared/contract'
import type { Connection } from './connection'

export interface CollectionRow {
  id: number
  name: string
  created_at: string
  count: number
}

export type StoredCollection = Collection & { createdAt: string }

const toCollection = (r: CollectionRow): StoredCollection => ({ id: r.id, name: r.name, count: r.count, createdAt: r.created_at })

const SELECT = 'SELECT c.id, c.name, c.created_at, (SELECT count(*) FROM collection_articles x WHERE x.collection_id = c.id) AS count FROM collections c'

export class CollectionStore {
  constructor(private readonly db: Connection) {}

  list(): Collection[] {
    return (this.db.prepare(`${SELECT} ORDER BY c.name COLLATE NOCASE`).all() as CollectionRow[]).map(({ id, name, count }) => ({ id, name, count }))
  }

  /** Every collection with its creation time, by id (for archives). */
  all(): StoredCollection[] {
    return (this.db.prepare(`${SELECT} ORDER BY c.id`).all() as CollectionRow[]).map(toCollection)
  }

  get(id: number): StoredCollection | null {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CollectionRow | undefined
    return row ? toCollection(row) : null
  }

  /** Creates a collection, or returns the one with that name. `id` is kept when it is free (restoring an archive). */
  create(name: string, createdAt = new Date().toISOString(), id?: number): StoredCollection {
    const free = id !== undefined && !this.db.prepare('SELECT 1 FROM collections WHERE id = ? OR name = ?').pluck().get(id, name)
    if (free) this.db.prepare('INSERT INTO collections (id, name, created_at) VALUES (?, ?, ?)').run(id, name, createdAt)
    else this.db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)').run(name, createdAt)
    const created = this.db.prepare('SELECT id FROM collections WHERE name = ?').pluck().get(name) as number
    return this.get(created)!
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes > 0
  }

  articleIds(id: number): number[] {
    return this.db.prepare('SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY article_id').pluck().all(id) as number[]
  }

  /** Adds the articles that exist; returns how many were not in it yet. */
  add(id: number, articleIds: readonly number[]): number {
    const ins = this.db.prepare('INSERT OR IGNORE INTO collection_articles (collection_id, article_id) SELECT ?, id FROM articles WHERE id = ?')
    return this.db.transaction(() => articleIds.reduce((n, a) => n + ins.run(id, a).changes, 0))()
  }

  remove(id: number, articleIds: readonly number[]): number {
    const del = this.db.prepare('DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?')
    return this.db.transaction(() => articleIds.reduce((n, a) => n + del.run(id, a).changes, 0))()
  }
}
