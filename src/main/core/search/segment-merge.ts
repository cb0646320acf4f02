/**
 * Merging segments by streaming their term dictionaries in order: a page of terms from each at a
 * time, each term's postings and positions merged (articles a segment no longer covers dropped) and written in
 * transactions of a few thousand terms, so memory stays bounded whatever the segments' size and
 * no write holds the library for long. The merged segment is searched only once complete.
 */
import type Database from 'better-sqlite3'
import { decodePostings, encodePostings, FIELD_COUNT, VarintWriter, type FieldPostings } from './postings'
import { runAt, splitPositions } from './positions'
import { searchStore } from './persistence'
import { readHeader, segmentStore, type SegmentStore, type StoredTerm } from './segment-store'
import { completeSegment } from './segment-write'

const PAGE = 256
const FLUSH_TERMS = 2000
const FLUSH_BYTES = 16 << 20

/** SQLite's order of TEXT (UTF-8 bytes), which the dictionary pages come in. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** One segment's terms in dictionary order, a page at a time. */
class TermCursor {
  private page: StoredTerm[] = []
  private at = 0
  private done = false

  constructor(
    private readonly store: SegmentStore,
    readonly segment: number,
    readonly stale: ReadonlySet<number>
  ) {}

  peek(): StoredTerm | undefined {
    if (this.at >= this.page.length && !this.done) {
      const after = this.page.at(-1)?.term ?? ''
      this.page = this.store.termPage(this.segment, after, PAGE)
      this.at = 0
      this.done = this.page.length < PAGE
    }
    return this.page[this.at]
  }

  advance(): void {
    this.at++
  }
}

/** A term of one victim segment: as stored, and the articles that segment no longer covers. */
interface Part {
  stored: StoredTerm
  stale: ReadonlySet<number>
}

/** One article's entry in a field of the merged term: its postings and its positions' bytes. */
type Row = [doc: number, tf: number, len: number, run: Uint8Array]

/** One term's postings and positions from several segments, without the articles each no longer covers. */
function mergeTerm(parts: Part[], dropped: (doc: number, f: number, len: number) => void): StoredTerm {
  // Alone and wholly live: the stored bytes as they are (most terms of a merge).
  if (parts.length === 1 && !parts[0]!.stale.size) return parts[0]!.stored
  const decoded = parts.map(({ stored, stale }) => {
    const p = decodePostings(stored.data)
    return { p, pos: splitPositions(stored.positions, p), stale }
  })
  const fields: (FieldPostings | undefined)[] = new Array(FIELD_COUNT).fill(undefined)
  const positions = new VarintWriter()
  let df = 0
  for (let f = 0; f < FIELD_COUNT; f++) {
    const rows: Row[] = []
    for (const { p, pos, stale } of decoded) {
      const fp = p.fields[f]
      if (!fp) continue
      for (let i = 0; i < fp.docs.length; i++) {
        if (stale.has(fp.docs[i]!)) dropped(fp.docs[i]!, f, fp.len[i]!)
        else rows.push([fp.docs[i]!, fp.tf[i]!, fp.len[i]!, runAt(pos.fields[f]!, i)])
      }
    }
    if (!rows.length) continue
    if (decoded.length > 1) rows.sort((a, b) => a[0] - b[0])
    fields[f] = { docs: Int32Array.from(rows, (r) => r[0]), tf: Int32Array.from(rows, (r) => r[1]), len: Int32Array.from(rows, (r) => r[2]) }
    for (const r of rows) positions.append(r[3])
    df += rows.length
  }
  return { term: parts[0]!.stored.term, df, data: encodePostings({ df, fields }), positions: positions.bytes() }
}

/** What the merge reads up front, in one snapshot: the victims' headers, stale articles, and the articles they cover. */
function plan(db: Database.Database, victims: number[]): { live: number[]; lengths: number[]; cursors: TermCursor[] } | null {
  const store = searchStore(db)
  const segs = segmentStore(db)
  return store.snapshot(() => {
    const rows = segs.ready().filter((r) => victims.includes(r.id))
    const headers = rows.map(readHeader)
    if (rows.length !== victims.length || headers.some((h) => !h)) return null
    const lengths = new Array<number>(FIELD_COUNT).fill(0)
    for (const h of headers) h!.lengths.forEach((n, f) => (lengths[f]! += n))
    return { live: store.docsOfSegments(victims), lengths, cursors: victims.map((v) => new TermCursor(segs, v, segs.staleOf(v))) }
  })
}

/**
 * Merges segments into one. Returns false when it could not (a victim gone or broken, merged by
 * another process meanwhile): nothing is changed then.
 */
export function mergeSegments(db: Database.Database, victims: number[]): boolean {
  const store = searchStore(db)
  const segs = segmentStore(db)
  const p = plan(db, victims)
  if (!p) return false
  const id = store.write(() => segs.begin())
  try {
    const seen = new Set<string>()
    const dropped = (doc: number, f: number, len: number): void => {
      // A stale article's field length leaves the merged total once, not once per term.
      const key = `${doc}:${f}`
      if (seen.has(key)) return
      seen.add(key)
      p.lengths[f]! -= len
    }
    let batch: StoredTerm[] = []
    let bytes = 0
    const flush = (): void => {
      const rows = batch
      store.write(() => rows.forEach((r) => segs.addTerm(id, r.term, r.df, r.data, r.positions)))
      batch = []
      bytes = 0
    }
    for (;;) {
      const heads = p.cursors.map((c) => c.peek())
      const term = heads.reduce<string | undefined>((min, h) => (h && (min === undefined || compareUtf8(h.term, min) < 0) ? h.term : min), undefined)
      if (term === undefined) break
      const parts: Part[] = []
      p.cursors.forEach((c, i) => {
        const head = heads[i]
        if (head?.term !== term) return
        c.advance()
        parts.push({ stored: head, stale: c.stale })
      })
      const merged = mergeTerm(parts, dropped)
      if (merged.df === 0) continue
      batch.push(merged)
      bytes += merged.data.length + merged.positions.length
      if (batch.length >= FLUSH_TERMS || bytes >= FLUSH_BYTES) flush()
    }
    flush()
    return store.write(() => {
      if (segs.state(id) !== 'building' || victims.some((v) => segs.state(v) !== 'ready')) {
        segs.drop(id)
        return false
      }
      completeSegment(db, id, p.live, p.lengths, victims)
      for (const v of victims) segs.drop(v)
      return true
    })
  } catch (err) {
    try {
      store.write(() => segs.drop(id))
    } catch {
      /* left to the next check, which discards unfinished segments */
    }
    throw err
  }
}
