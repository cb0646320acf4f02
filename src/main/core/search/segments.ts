/**
 * Search segments in the library database. An immutable Lunr index per segment; every article
 * has a row in search_docs, pointing at the segment that covers it, or at none (pending). The
 * row is written in the same transaction as the article, so the library and its index never
 * disagree: a pending article is searched from memory until a segment covers it.
 */
import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import lunr from 'lunr'
import { searchStore, type IndexDoc, type SearchStore } from './persistence'
import { configureBuilder, indexText } from '../text/tokenize'

export type { IndexDoc } from './persistence'

export function buildIndex(docs: IndexDoc[]): lunr.Index {
  return lunr(function () {
    configureBuilder(this)
    this.ref('id')
    this.field('title', { boost: 3 })
    this.field('text')
    this.field('author')
    this.field('outlet')
    this.field('tag')
    this.field('notes')
    for (const d of docs) {
      this.add({
        id: String(d.id),
        title: indexText(d.title),
        text: indexText(d.text),
        author: indexText(d.author),
        outlet: indexText(d.outlet),
        tag: indexText(d.tags),
        notes: indexText(d.notes)
      })
    }
  })
}

export function checksum(data: string): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Documents read for a segment, and the library's data version before they were read. */
interface Batch {
  docs: IndexDoc[]
  version: number
}

function readBatch(store: SearchStore, ids: () => number[]): Batch {
  // The version first: a commit between it and the read only causes a needless re-check.
  const version = store.dataVersion()
  return { version, docs: store.snapshot(() => store.docs(ids())) }
}

/** The batch's articles whose indexed fields are still what was read (another connection may have committed meanwhile). */
function unchanged(store: SearchStore, batch: Batch): number[] {
  if (store.dataVersion() === batch.version) return batch.docs.map((d) => d.id)
  const now = new Map(store.docs(batch.docs.map((d) => d.id)).map((d) => [d.id, d]))
  return batch.docs.filter((d) => sameDoc(d, now.get(d.id))).map((d) => d.id)
}

function sameDoc(a: IndexDoc, b: IndexDoc | undefined): boolean {
  return !!b && a.title === b.title && a.text === b.text && a.author === b.author && a.outlet === b.outlet && a.notes === b.notes && a.tags === b.tags
}

/**
 * Builds a segment from the batch and stores it, pointing its articles' rows at it, and removes
 * the segments it replaces, all in one transaction. An article edited since it was read stays
 * pending (a build) or pending where the edit put it (a merge); one deleted meanwhile has no row.
 */
function writeBatch(store: SearchStore, batch: Batch, replaces: number[] = [], index = buildIndex(batch.docs)): number {
  const data = JSON.stringify(index)
  return store.write(() => {
    const id = store.insertSegment(batch.docs.length, data, checksum(data))
    store.pointAt(id, unchanged(store, batch), replaces.length ? replaces : null)
    for (const old of replaces) store.dropSegment(old)
    return id
  })
}

/** A segment as the query side holds it: its id, its loaded index, how many articles it was built from. */
export interface BuiltSegment {
  id: number
  index: lunr.Index
  docCount: number
}

/**
 * Builds the pending articles (when there are at most `limit`) into a stored segment and returns
 * it with its index, so the query worker that indexes new articles at once does not index them
 * twice (once in memory, once more in the builder). Null when none are pending.
 */
export function buildPending(db: Database.Database, limit: number): BuiltSegment | null | 'too many' {
  const store = searchStore(db)
  if (store.pendingCount() > limit) return 'too many'
  const batch = readBatch(store, () => store.pendingIds(limit))
  if (batch.docs.length === 0) return null
  const index = buildIndex(batch.docs)
  return { id: writeBatch(store, batch, [], index), index, docCount: batch.docs.length }
}

/** Checks counts and checksums; a broken segment's articles go back to pending to be rebuilt. */
export function verifyAndRepair(db: Database.Database): { repaired: number; missingRows: number } {
  const store = searchStore(db)
  let repaired = 0
  for (const s of store.snapshot(() => store.segmentsWithData())) {
    // A matching checksum proves the data is what was written (JSON.stringify's output): parsing
    // it here too doubled the start-up work of a large library, beside the query worker's own load.
    const ok = checksum(s.data) === s.checksum && store.coveredBy(s.id) <= s.doc_count
    if (!ok) {
      store.discardSegment(s.id)
      repaired++
    }
  }
  return { repaired, missingRows: store.addMissingRows() }
}

/** When segments are merged (more than this many), and how many articles one build takes. */
export interface MaintainOptions {
  maxSegments?: number
  buildBatch?: number
}

/** PARALLAX_SEARCH_MAX_SEGMENTS lowers the merge threshold (stress tests make the builder merge all the time). */
const MAX_SEGMENTS = Number(process.env.PARALLAX_SEARCH_MAX_SEGMENTS) || 4
const BUILD_BATCH = 20_000

/**
 * Keeps the index in shape, one step at a time: pending articles become a new segment; too
 * many segments are merged (Lunr cannot merge indexes, so the merged segment is rebuilt from the
 * stored texts). Returns whether it did anything, so a caller can loop until it is idle.
 */
export function maintainStep(db: Database.Database, options: MaintainOptions = {}): 'built' | 'merged' | 'idle' {
  const store = searchStore(db)
  const build = readBatch(store, () => store.pendingIds(options.buildBatch ?? BUILD_BATCH))
  if (build.docs.length > 0) {
    writeBatch(store, build)
    return 'built'
  }
  const segs = store.segmentsBySize()
  if (segs.length <= (options.maxSegments ?? MAX_SEGMENTS)) return 'idle'
  // Merge the small ones; merge the largest too only when it is not much bigger than the rest.
  const [largest, ...rest] = segs
  const restDocs = rest.reduce((n, s) => n + s.doc_count, 0)
  const victims = (largest!.doc_count > 4 * restDocs ? rest : segs).map((v) => v.id)
  writeBatch(store, readBatch(store, () => store.docsOfSegments(victims)), victims)
  return 'merged'
}

/** Steps until idle; whether anything changed (a caller then reloads the segments). */
export function maintain(db: Database.Database, options: MaintainOptions = {}): boolean {
  let changed = false
  while (maintainStep(db, options) !== 'idle') changed = true // one step at a time, each in its own transaction
  return changed
}
