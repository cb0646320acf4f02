/**
 * Which articles the search index must (re)index. Every article has a search_docs row pointing at
 * the segment that covers it, or at none (pending). Writes that change what is indexed (the
 * article, its tags, its notes) mark it pending in the same transaction, so the library and its
 * index never disagree. The search index's own persistence reads and clears these rows.
 */
import type { Connection, Statement } from './connection'

export class SearchDocs {
  private readonly add: Statement
  private readonly pending: Statement

  constructor(db: Connection) {
    this.add = db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (?, NULL)')
    this.pending = db.prepare('UPDATE search_docs SET segment_id = NULL WHERE article_id = ?')
  }

  /** A new article: pending from the moment it is stored. */
  addPending(articleId: number): void {
    this.add.run(articleId)
  }

  /** Articles whose indexed fields changed: pending again until a segment covers them. */
  markPending(articleIds: Iterable<number>): void {
    for (const id of articleIds) this.pending.run(id)
  }
}
