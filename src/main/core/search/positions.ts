/**
 * Where a term is in each article, kept apart from the postings in its own blob per term and
 * segment, so only a phrase reads them. A place is a position (the token's number, stop words
 * counted — see indexTerms) and the stop words right before and after it, so that a phrase's stop
 * words are checked too ("opened the bridge" is not "opened a bridge").
 *
 * The blob is laid out along the term's postings: for each field the postings hold (in field
 * order), for each of its articles (in order), `tf` places, each a varint `gap * 4 + flags` (gap
 * from the previous position, the first from 0; flag 1: a stop word before, 2: one after) and then
 * that stop word's number, a byte each. Decoding finds only where each article's run starts; an
 * article's places are read when a phrase asks about it, and a merge copies runs as bytes.
 */
import { VarintReader, type TermPostings, type VarintWriter } from './postings'

/** One field's places of a term: the blob and where each article's run starts (n + 1 offsets). */
export interface FieldPositions {
  bytes: Uint8Array
  offsets: Int32Array
}

export interface TermPositions {
  fields: (FieldPositions | undefined)[]
  /** Bytes held, for the cache's budget. */
  size: number
}

/** An article's places in a field, flat: position, stop word before, stop word after (0: none), … */
export type Places = number[]

/** Writes one article's places (flat triples, positions ascending; the first `length` numbers of `places`). */
export function writePlaces(w: VarintWriter, places: Places, length = places.length): void {
  let last = 0
  for (let i = 0; i < length; i += 3) {
    const before = places[i + 1]!
    const after = places[i + 2]!
    w.push((places[i]! - last) * 4 + (before ? 1 : 0) + (after ? 2 : 0))
    if (before) w.push(before)
    if (after) w.push(after)
    last = places[i]!
  }
}

/** Reads `count` places from `at` (into `out`, or skipped); returns where they end. */
function readPlaces(bytes: Uint8Array, at: number, count: number, out: Places | null): number {
  const r = new VarintReader(bytes, at)
  let pos = 0
  for (let k = 0; k < count; k++) {
    const v = r.next()
    const flags = v % 4
    pos += (v - flags) / 4
    const before = flags & 1 ? r.byte() : 0
    const after = flags & 2 ? r.byte() : 0
    out?.push(pos, before, after)
  }
  return r.at
}

/** Splits a term's positions blob into per-field, per-article runs, along its postings. */
export function splitPositions(bytes: Uint8Array, postings: TermPostings): TermPositions {
  let at = 0
  const fields = postings.fields.map((fp) => {
    if (!fp) return undefined
    const offsets = new Int32Array(fp.docs.length + 1)
    const from = at
    for (let i = 0; i < fp.docs.length; i++) {
      offsets[i] = at - from
      at = readPlaces(bytes, at, fp.tf[i]!, null)
    }
    offsets[fp.docs.length] = at - from
    return { bytes: bytes.subarray(from, at), offsets }
  })
  return { fields, size: 64 + bytes.length + fields.reduce((n, f) => n + (f ? 64 + f.offsets.length * 4 : 0), 0) }
}

/** An article's places in a field: the run at index `i` of the field's postings, with `tf` places. */
export function placesAt(fp: FieldPositions, i: number, tf: number): Places {
  const out: Places = []
  readPlaces(fp.bytes, fp.offsets[i]!, tf, out)
  return out
}

/** The raw bytes of an article's run (a merge copies them as they are). */
export function runAt(fp: FieldPositions, i: number): Uint8Array {
  return fp.bytes.subarray(fp.offsets[i], fp.offsets[i + 1])
}

/**
 * Whether the words are at consecutive positions somewhere: `lists[k]` holds the positions of the
 * phrase's k-th indexed word and `gaps[k]` its offset in the phrase (stop words count as words).
 */
export function adjacent(lists: readonly number[][], gaps: readonly number[]): boolean {
  // Anchor on the shortest list; the others are looked up in sets.
  let anchor = 0
  lists.forEach((l, k) => {
    if (l.length < lists[anchor]!.length) anchor = k
  })
  const sets = lists.map((l) => new Set(l))
  for (const p of lists[anchor]!) {
    const start = p - gaps[anchor]!
    if (start >= 0 && lists.every((_, k) => sets[k]!.has(start + gaps[k]!))) return true
  }
  return false
}
