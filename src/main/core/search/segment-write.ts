/**
 * Writing a segment: the terms of a batch of articles (collected in memory by PostingsBuilder),
 * and completing a segment: its header, its articles pointed at it, and those it holds but could
 * not be pointed at (edited or deleted while it was built) marked stale — in one transaction.
 */
import type Database from 'better-sqlite3'
import { searchStore, type IndexDoc } from './persistence'
import { PostingsBuilder } from './postings-builder'
import { segmentStore, writeHeader } from './segment-store'

/**
 * Makes a built segment searchable. `replaces`: the segments it was merged from (its articles are
 * pointed at it only if still in those); none: a build from pending articles.
 */
export function completeSegment(db: Database.Database, id: number, written: readonly number[], lengths: number[], replaces: number[] = [], pointable = written): void {
  const store = searchStore(db)
  const segs = segmentStore(db)
  const header = writeHeader(lengths)
  segs.finish(id, written.length, header.data, header.checksum)
  const pointed = new Set(store.pointAt(id, pointable, replaces.length ? replaces : null))
  segs.addStale(
    id,
    written.filter((doc) => !pointed.has(doc))
  )
}

/**
 * Builds a segment from a batch of articles in one transaction (a batch is a few thousand
 * articles: their postings fit in memory). `unchanged`: the articles still as read, the only
 * ones pointed at the segment (others stay pending and are stale in it).
 */
export function buildSegment(db: Database.Database, docs: IndexDoc[], unchanged: () => number[]): number {
  const store = searchStore(db)
  const segs = segmentStore(db)
  const built = new PostingsBuilder()
  for (const d of [...docs].sort((a, b) => a.id - b.id)) built.add(d)
  return store.write(() => {
    const id = segs.begin()
    for (const term of built.keys()) {
      const e = built.encoded(term)!
      segs.addTerm(id, term, e.df, e.data, e.positions)
    }
    completeSegment(db, id, built.ids, built.lengths, [], unchanged())
    return id
  })
}
