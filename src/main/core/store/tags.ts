/** Tags on articles. The tag: search field reads them, so a change makes the article pending for search. */
import type { Connection, Statement } from './connection'
import type { SearchDocs } from './search-docs'

export interface TagCount {
  name: string
  count: number
}

export class TagStore {
  private readonly add: Statement
  private readonly remove: Statement
  private readonly countAll: Statement

  constructor(
    private readonly db: Connection,
    private readonly searchDocs: SearchDocs
  ) {
    this.add = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag) SELECT id, ? FROM articles WHERE id = ?')
    this.remove = db.prepare('DELETE FROM article_tags WHERE article_id = ? AND tag = ?')
    this.countAll = db.prepare('SELECT tag, count(*) AS count FROM article_tags GROUP BY tag ORDER BY tag COLLATE NOCASE')
  }

  /** Adds and removes tags on articles; returns how many articles changed. */
  change(ids: readonly number[], add: readonly string[], remove: readonly string[]): number {
    return this.db.transaction(() => {
      const changed = ids.filter((id) => {
        let n = 0
        for (const t of add) n += this.add.run(t, id).changes
        for (const t of remove) n += this.remove.run(id, t).changes
        return n > 0
      })
      this.searchDocs.markPending(changed)
      return changed.length
    })()
  }

  /** Every tag with the number of articles that carry it, by name. */
  counts(): TagCount[] {
    return (this.countAll.all() as { tag: string; count: number }[]).map((r) => ({ name: r.tag, count: r.count }))
  }
}
