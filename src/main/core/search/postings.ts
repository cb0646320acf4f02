/**
 * A term's postings as stored: for each field holding the term, the articles (ascending), the
 * term's frequency in that field and the field's length — all BM25 needs, so a score never reads
 * anything but the postings of the query's terms. On disk one blob per term and segment:
 * varints [field, count, then count x (article id delta, tf, field length)] per field.
 */
import { FIELDS } from './query'

/** One field's postings of a term. `weight` is set only when the weights come precomputed (a Lunr index). */
export interface FieldPostings {
  docs: Int32Array
  tf: Int32Array
  len: Int32Array
  weight?: Float64Array
}

/** A term's postings by field number (FIELDS order); df counts (field, article) pairs, as Lunr's idf does. */
export interface TermPostings {
  df: number
  fields: (FieldPostings | undefined)[]
}

export const FIELD_COUNT = FIELDS.length

/** A growing byte buffer of varints. */
export class VarintWriter {
  private buf = new Uint8Array(16)
  length = 0

  push(n: number): void {
    if (this.length + 5 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2)
      next.set(this.buf)
      this.buf = next
    }
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80
      n >>>= 7
    }
    this.buf[this.length++] = n
  }

  append(bytes: Uint8Array): void {
    while (this.length + bytes.length > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2)
      next.set(this.buf)
      this.buf = next
    }
    this.buf.set(bytes, this.length)
    this.length += bytes.length
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length)
  }
}

/** Encodes postings (docs ascending in every field). */
export function encodePostings(p: TermPostings): Uint8Array {
  const w = new VarintWriter()
  p.fields.forEach((fp, f) => {
    if (!fp || fp.docs.length === 0) return
    w.push(f)
    w.push(fp.docs.length)
    let last = 0
    for (let i = 0; i < fp.docs.length; i++) {
      w.push(fp.docs[i]! - last)
      w.push(fp.tf[i]!)
      w.push(fp.len[i]!)
      last = fp.docs[i]!
    }
  })
  return w.bytes()
}

/** Reads varints from a byte buffer, from `at` on. */
export class VarintReader {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0
  ) {}

  next(): number {
    let n = 0
    let shift = 0
    let b: number
    do {
      b = this.bytes[this.at++]!
      n += (b & 0x7f) * 2 ** shift
      shift += 7
    } while (b & 0x80)
    return n
  }

  /** One byte (a stop word's number beside a position). */
  byte(): number {
    return this.bytes[this.at++]!
  }
}

export function decodePostings(bytes: Uint8Array): TermPostings {
  const r = new VarintReader(bytes)
  const next = (): number => r.next()
  const fields: (FieldPostings | undefined)[] = new Array(FIELD_COUNT).fill(undefined)
  let df = 0
  while (r.at < bytes.length) {
    const f = next()
    const n = next()
    const fp: FieldPostings = { docs: new Int32Array(n), tf: new Int32Array(n), len: new Int32Array(n) }
    let doc = 0
    for (let i = 0; i < n; i++) {
      doc += next()
      fp.docs[i] = doc
      fp.tf[i] = next()
      fp.len[i] = next()
    }
    fields[f] = fp
    df += n
  }
  return { df, fields }
}

/** Bytes a decoded posting list holds, for the cache's budget. */
export function postingsSize(p: TermPostings): number {
  let n = 64
  for (const fp of p.fields) if (fp) n += 64 + fp.docs.length * (fp.weight ? 20 : 12)
  return n
}

/** Where an article is in one field's postings (-1: not there). */
export function findDoc(fp: FieldPostings, doc: number): number {
  let lo = 0
  let hi = fp.docs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = fp.docs[mid]!
    if (at === doc) return mid
    if (at < doc) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
