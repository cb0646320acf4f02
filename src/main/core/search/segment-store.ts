/**
 * The SQL of the on-disk segments: the segment rows, each segment's term dictionary
 * (search_terms, sorted by term), postings and positions (search_postings, a blob each per term), and the
 * articles a segment no longer covers (search_stale, kept by triggers on search_docs).
 * A segment is written while `building` and only then made visible, in one transaction with the
 * articles pointed at it.
 */
import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { perConnection } from './persistence'
import { FIELD_COUNT } from './postings'

export interface SegmentRow {
  id: number
  doc_count: number
  /** The segment's header: JSON of SegmentHeader. */
  data: string
  checksum: string
}

/** What a segment says of itself: the stored layout and each field's total length (BM25's average field length). */
export interface SegmentHeader {
  format: 3
  lengths: number[]
}

/**
 * The stored layout. 3: with positions (positions.ts). A segment of an older layout reads as
 * damaged, so the builder's check rebuilds it.
 */
export const HEADER_FORMAT = 3

/** A term of a segment as stored: its postings and positions. */
export interface StoredTerm {
  term: string
  df: number
  data: Uint8Array
  positions: Uint8Array
}

export function checksum(data: string): string {
  return createHash('sha256').update(data).digest('hex')
}

export function writeHeader(lengths: number[]): { data: string; checksum: string } {
  const data = JSON.stringify({ format: HEADER_FORMAT, lengths } satisfies SegmentHeader)
  return { data, checksum: checksum(data) }
}

/** A segment's header, or null when it is damaged (checksum, JSON or shape). */
export function readHeader(row: SegmentRow): SegmentHeader | null {
  if (checksum(row.data) !== row.checksum) return null
  try {
    const h = JSON.parse(row.data) as Partial<SegmentHeader>
    const ok = h.format === HEADER_FORMAT && Array.isArray(h.lengths) && h.lengths.length === FIELD_COUNT && h.lengths.every((n) => Number.isFinite(n))
    return ok ? (h as SegmentHeader) : null
  } catch {
    return null
  }
}

/** Above any code point: `term < prefix || MAX_CHAR` holds for every term starting with the prefix (SQLite compares UTF-8 bytes). */
const MAX_CHAR = '\u{10FFFF}'

export const segmentStore = perConnection((db) => new SegmentStore(db))

export class SegmentStore {
  private readonly stmt: Record<string, Database.Statement>

  constructor(db: Database.Database) {
    const p = (sql: string): Database.Statement => db.prepare(sql)
    this.stmt = {
      ready: p('SELECT id, doc_count, data, checksum FROM search_segments WHERE building = 0'),
      building: p('SELECT id FROM search_segments WHERE building = 1').pluck(),
      isBuilding: p('SELECT building FROM search_segments WHERE id = ?').pluck(),
      stale: p('SELECT segment_id, article_id FROM search_stale').raw(),
      staleOf: p('SELECT article_id FROM search_stale WHERE segment_id = ?').pluck(),
      postings: p('SELECT t.df, p.data FROM search_terms t JOIN search_postings p ON p.id = t.postings WHERE t.segment_id = ? AND t.term = ?'),
      df: p('SELECT df FROM search_terms WHERE segment_id = ? AND term = ?').pluck(),
      range: p('SELECT term FROM search_terms WHERE segment_id = ? AND term >= ? AND term < ? ORDER BY term LIMIT ?').pluck(),
      positions: p('SELECT p.data FROM search_terms t JOIN search_postings p ON p.id = t.positions WHERE t.segment_id = ? AND t.term = ?').pluck(),
      page: p(`SELECT t.term, t.df, p.data, q.data AS positions FROM search_terms t JOIN search_postings p ON p.id = t.postings
        JOIN search_postings q ON q.id = t.positions WHERE t.segment_id = ? AND t.term > ? ORDER BY t.term LIMIT ?`),
      begin: p("INSERT INTO search_segments (doc_count, data, checksum, created_at, building) VALUES (0, '', '', ?, 1)"),
      addPostings: p('INSERT INTO search_postings (data) VALUES (?)'),
      addTerm: p('INSERT INTO search_terms (segment_id, term, df, postings, positions) VALUES (?, ?, ?, ?, ?)'),
      finish: p('UPDATE search_segments SET doc_count = ?, data = ?, checksum = ?, building = 0 WHERE id = ?'),
      addStale: p('INSERT OR IGNORE INTO search_stale (segment_id, article_id) VALUES (?, ?)'),
      dropRow: p('DELETE FROM search_segments WHERE id = ?'),
      dropPostings: p('DELETE FROM search_postings WHERE id IN (SELECT postings FROM search_terms WHERE segment_id = ? UNION ALL SELECT positions FROM search_terms WHERE segment_id = ?)'),
      dropTerms: p('DELETE FROM search_terms WHERE segment_id = ?'),
      dropStale: p('DELETE FROM search_stale WHERE segment_id = ?')
    }
  }

  /** Segments that are searched (complete), with their headers. */
  ready(): SegmentRow[] {
    return this.stmt.ready!.all() as SegmentRow[]
  }
  /** Segments left half-written (a crash, or another process building right now). */
  building(): number[] {
    return this.stmt.building!.all() as number[]
  }
  /** Whether a segment is there, and complete (ready) or still being written. */
  state(id: number): 'ready' | 'building' | 'gone' {
    const b = this.stmt.isBuilding!.get(id) as number | undefined
    return b === undefined ? 'gone' : b ? 'building' : 'ready'
  }
  /** Articles each segment holds but no longer covers. */
  stale(): Map<number, Set<number>> {
    const out = new Map<number, Set<number>>()
    for (const [seg, article] of this.stmt.stale!.all() as [number, number][]) {
      let set = out.get(seg)
      if (!set) out.set(seg, (set = new Set()))
      set.add(article)
    }
    return out
  }
  staleOf(segment: number): Set<number> {
    return new Set(this.stmt.staleOf!.all(segment) as number[])
  }
  postings(segment: number, term: string): Uint8Array | undefined {
    const row = this.stmt.postings!.get(segment, term) as { df: number; data: Uint8Array } | undefined
    return row?.data
  }
  df(segment: number, term: string): number {
    return (this.stmt.df!.get(segment, term) as number | undefined) ?? 0
  }
  /** The segment's terms starting with a prefix, in order (max < 0: all). */
  termsWithPrefix(segment: number, prefix: string, max: number): string[] {
    return this.stmt.range!.all(segment, prefix, prefix + MAX_CHAR, max) as string[]
  }
  /** A term's positions blob (positions.ts). */
  positions(segment: number, term: string): Uint8Array | undefined {
    return this.stmt.positions!.get(segment, term) as Uint8Array | undefined
  }
  /** The next terms after `after` with their postings and positions, in the dictionary's order (a merge streams these). */
  termPage(segment: number, after: string, limit: number): StoredTerm[] {
    return this.stmt.page!.all(segment, after, limit) as StoredTerm[]
  }

  /** A new segment, not searched until finished. */
  begin(): number {
    return Number(this.stmt.begin!.run(new Date().toISOString()).lastInsertRowid)
  }
  addTerm(segment: number, term: string, df: number, data: Uint8Array, positions: Uint8Array = new Uint8Array(0)): void {
    const postings = this.stmt.addPostings!.run(data).lastInsertRowid
    this.stmt.addTerm!.run(segment, term, df, postings, this.stmt.addPostings!.run(positions).lastInsertRowid)
  }
  finish(segment: number, docCount: number, header: string, checksum: string): void {
    this.stmt.finish!.run(docCount, header, checksum, segment)
  }
  addStale(segment: number, ids: Iterable<number>): void {
    for (const id of ids) this.stmt.addStale!.run(segment, id)
  }
  /** Removes a segment and everything of it (articles still pointing at it become pending). */
  drop(segment: number): void {
    this.stmt.dropRow!.run(segment)
    this.stmt.dropPostings!.run(segment, segment)
    this.stmt.dropTerms!.run(segment)
    this.stmt.dropStale!.run(segment)
  }
}
