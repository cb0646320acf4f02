/** Collections: a research question or project grouping articles; an article can be in many. */
import type Database from 'better-sqlite3'
import type { Collection } from '../../../shared/contract'

export class CollectionStore {
  constructor(private readonly db: Database.Database) {}

  list(): Collection[] {
    return this.db
      .prepare(
        `SELECT c.id, c.name, (SELECT count(*) FROM collection_articles x WHERE x.collection_id = c.id) AS count
         FROM collections c ORDER BY c.name COLLATE NOCASE`
      )
      .all() as Collection[]
  }

  get(id: number): (Collection & { createdAt: string }) | null {
    const row = this.db
      .prepare('SELECT c.id, c.name, c.created_at AS createdAt, (SELECT count(*) FROM collection_articles x WHERE x.collection_id = c.id) AS count FROM collections c WHERE c.id = ?')
      .get(id) as (Collection & { createdAt: string }) | undefined
    return row ?? null
  }

  /** Creates a collection, or returns the one with that name. */
  create(name: string, createdAt = new Date().toISOString()): Collection {
    this.db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)').run(name, createdAt)
    const id = this.db.prepare('SELECT id FROM collections WHERE name = ?').pluck().get(name) as number
    return this.get(id)!
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes > 0
  }

  articleIds(id: number): number[] {
    return this.db.prepare('SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY article_id').pluck().all(id) as number[]
  }

  add(id: number, articleIds: number[]): number {
    const ins = this.db.prepare('INSERT OR IGNORE INTO collection_articles (collection_id, article_id) SELECT ?, id FROM articles WHERE id = ?')
    return this.db.transaction(() => articleIds.reduce((n, a) => n + ins.run(id, a).changes, 0))()
  }

  remove(id: number, articleIds: number[]): number {
    const del = this.db.prepare('DELETE FROM collection_articles WHERE collection_id = ? AND article_id = ?')
    return this.db.transaction(() => articleIds.reduce((n, a) => n + del.run(id, a).changes, 0))()
  }
}
