/**
 * Merging segments by streaming their term dictionaries in order: a page of terms from each at a
 * time, each term's postings and positions merged (articles a segment no longer covers dropped) and written in
 * transactions of a few thousand terms, so memory stays bounded whatever the segments' size and
 * no write holds the library for long. The merged segment is searched only once complete.
 */
import type Database from 'better-sqlite3'
import { decodePostings, FIELD_COUNT, VarintWriter, type TermPostings } from './postings'
import { runAt, splitPositions, type TermPositions } from './positions'
import { searchStore } from './persistence'
import { readHeader, segmentStore, type SegmentStore, type StoredTerm } from './segment-store'
import { completeSegment } from './segment-write'

const PAGE = 64
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

/** A victim's postings and positions of the term, decoded, with the articles it no longer covers. */
interface Decoded {
  p: TermPostings
  pos: TermPositions
  stale: ReadonlySet<number>
}

/** One field of the merged term being written: entries (doc gap, tf, length) and positions, as stored. */
class FieldOut {
  readonly entries = new VarintWriter()
  n = 0
  private last = 0

  constructor(private readonly positions: VarintWriter) {}

  put(doc: number, tf: number, len: number, run: Uint8Array): void {
    this.entries.push(doc - this.last)
    this.entries.push(tf)
    this.entries.push(len)
    this.positions.append(run)
    this.last = doc
    this.n++
  }
}

/**
 * One field's entries of the victims, in article order, stale ones dropped. Victims whose articles
 * do not interleave (builds go in id order) are streamed one after the other; else sorted.
 */
function mergeField(parts: Decoded[], f: number, out: FieldOut, dropped: (doc: number, f: number, len: number) => void): void {
  const inField = parts.filter((d) => d.p.fields[f]).sort((a, b) => a.p.fields[f]!.docs[0]! - b.p.fields[f]!.docs[0]!)
  const ordered = inField.every((d, k) => k === 0 || d.p.fields[f]!.docs[0]! > inField[k - 1]!.p.fields[f]!.docs.at(-1)!)
  const rows: [doc: number, tf: number, len: number, run: Uint8Array][] = []
  for (const { p, pos, stale } of inField) {
    const fp = p.fields[f]!
    for (let i = 0; i < fp.docs.length; i++) {
      const doc = fp.docs[i]!
      if (stale.has(doc)) dropped(doc, f, fp.len[i]!)
      else if (ordered) out.put(doc, fp.tf[i]!, fp.len[i]!, runAt(pos.fields[f]!, i))
      else rows.push([doc, fp.tf[i]!, fp.len[i]!, runAt(pos.fields[f]!, i)])
    }
  }
  rows.sort((a, b) => a[0] - b[0])
  for (const r of rows) out.put(...r)
}

/** One term's postings and positions from several segments, without the articles each no longer covers. */
function mergeTerm(parts: Part[], dropped: (doc: number, f: number, len: number) => void): StoredTerm {
  // Alone and wholly live: the stored bytes as they are (most terms of a merge).
  if (parts.length === 1 && !parts[0]!.stale.size) return parts[0]!.stored
  const decoded = parts.map(({ stored, stale }): Decoded => {
    const p = decodePostings(stored.data)
    return { p, pos: splitPositions(stored.positions, p), stale }
  })
  const data = new VarintWriter()
  const positions = new VarintWriter()
  let df = 0
  for (let f = 0; f < FIELD_COUNT; f++) {
    const out = new FieldOut(positions)
    mergeField(decoded, f, out, dropped)
    if (!out.n) continue
    data.push(f)
    data.push(out.n)
    data.append(out.entries.bytes())
    df += out.n
  }
  return { term: parts[0]!.stored.term, df, data: data.bytes(), positions: positions.bytes() }
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
