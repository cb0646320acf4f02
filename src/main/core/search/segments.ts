/**
 * Search segments in the library database. An immutable segment (a term dictionary with
 * postings, segment-store.ts) per batch of articles; every article has a row in search_docs,
 * pointing at the segment that covers it, or at none (pending). The row is written in the same
 * transaction as the article, so the library and its index never disagree: a pending article is
 * searched from memory until a segment covers it. Segments of similar size are merged (tiered),
 * so a library holds a few segments per factor of four in size.
 */
import type Database from 'better-sqlite3'
import lunr from 'lunr'
import { searchStore, type IndexDoc, type SearchStore } from './persistence'
import { mergeSegments } from './segment-merge'
import { readHeader, segmentStore } from './segment-store'
import { buildSegment } from './segment-write'
import { configureBuilder, indexText } from '../text/tokenize'

export type { IndexDoc } from './persistence'

/** The same documents as a Lunr index: the reference the executor and the on-disk layout are held to in the tests. */
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
 * Checks every segment's header (checksum, format) and that it covers no more articles than it
 * holds; a broken segment's articles go back to pending to be rebuilt. Segments left unfinished
 * (a crash mid-build) are discarded.
 */
export function verifyAndRepair(db: Database.Database): { repaired: number; missingRows: number } {
  const store = searchStore(db)
  const segs = segmentStore(db)
  let repaired = 0
  for (const id of store.snapshot(() => segs.building())) store.write(() => segs.drop(id))
  for (const s of store.snapshot(() => segs.ready())) {
    if (readHeader(s) && store.coveredBy(s.id) <= s.doc_count) continue
    store.write(() => {
      store.unpoint(s.id)
      segs.drop(s.id)
    })
    repaired++
  }
  return { repaired, missingRows: store.addMissingRows() }
}

/** When segments are merged, and how many articles one build takes. */
export interface MaintainOptions {
  /** Above this many segments, the small ones are merged whatever their tiers. */
  maxSegments?: number
  buildBatch?: number
}

/** PARALLAX_SEARCH_MAX_SEGMENTS lowers the merge threshold (stress tests make the builder merge all the time). */
const MAX_SEGMENTS = Number(process.env.PARALLAX_SEARCH_MAX_SEGMENTS) || 24
/** Articles per build: their texts and postings in memory at once stay well under 200 MB. */
const BUILD_BATCH = 10_000
/** Segments of one tier (a factor of four in size) merged together once there are this many. */
const MERGE_FACTOR = 4

/**
 * Which segments to merge, if any: the smallest tier holding MERGE_FACTOR segments; else, past
 * maxSegments, the small ones (and the largest too when it is not much bigger than the rest).
 */
export function mergeVictims(segs: { id: number; doc_count: number }[], maxSegments: number): number[] | null {
  const tiers = new Map<number, number[]>()
  for (const s of segs) {
    const tier = Math.floor(Math.log(Math.max(1, s.doc_count)) / Math.log(MERGE_FACTOR))
    tiers.set(tier, [...(tiers.get(tier) ?? []), s.id])
  }
  const full = [...tiers].filter(([, ids]) => ids.length >= MERGE_FACTOR).sort((a, b) => a[0] - b[0])[0]
  if (full) return full[1]
  if (segs.length <= maxSegments) return null
  const [largest, ...rest] = [...segs].sort((a, b) => b.doc_count - a.doc_count)
  const restDocs = rest.reduce((n, s) => n + s.doc_count, 0)
  // Merging one segment into nothing is no merge: then all of them.
  return (largest!.doc_count > 4 * restDocs && rest.length > 1 ? rest : segs).map((v) => v.id)
}

/**
 * Keeps the index in shape, one step at a time: pending articles become a new segment; segments
 * of a full tier (or too many) are merged, streaming. Returns what it did, so a caller can loop
 * until it is idle.
 */
export function maintainStep(db: Database.Database, options: MaintainOptions = {}): 'built' | 'merged' | 'idle' {
  const store = searchStore(db)
  const build = readBatch(store, () => store.pendingIds(options.buildBatch ?? BUILD_BATCH))
  if (build.docs.length > 0) {
    buildSegment(db, build.docs, () => unchanged(store, build))
    return 'built'
  }
  const victims = mergeVictims(store.snapshot(() => segmentStore(db).ready()), options.maxSegments ?? MAX_SEGMENTS)
  if (!victims || victims.length < 2) return 'idle'
  return mergeSegments(db, victims) ? 'merged' : 'idle'
}

/** Builds and merges until nothing is left to do, one step at a time (each in its own transactions); whether anything changed. */
export function maintain(db: Database.Database, options: MaintainOptions = {}): boolean {
  let changed = false
  while (maintainStep(db, options) !== 'idle') changed = true
  return changed
}
