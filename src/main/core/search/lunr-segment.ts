/**
 * A Lunr index read as a segment: the executor run straight on Lunr's inverted index and field
 * vectors (its BM25 weights), so the tests can hold our executor to Lunr's own query.
 */
import type lunr from 'lunr'
import { FIELDS } from './query'
import { FIELD_COUNT, type FieldPostings, type TermPostings } from './postings'
import { sortedWithPrefix, type SegmentReader } from './segment-reader'

/** A term's postings in a Lunr index: field -> document ref -> metadata, and the term's position in the vectors. */
type Posting = Record<string, Record<string, object>> & { _index: number }

/** The parts of a Lunr index its type declarations do not show: postings and document vectors. */
export interface LunrInternals {
  invertedIndex: Record<string, Posting | undefined>
  fieldVectors: Record<string, { elements: number[] } | undefined>
  fields: string[]
}
export const internals = (index: lunr.Index): LunrInternals => index as unknown as LunrInternals

/** Lunr vectors are [index, value, index, value, …] sorted by index. */
function vectorValue(elements: number[], index: number): number {
  let lo = 0
  let hi = elements.length / 2 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = elements[mid * 2]!
    if (at === index) return elements[mid * 2 + 1]!
    if (at < index) lo = mid + 1
    else hi = mid - 1
  }
  return 0
}

export class LunrSegment implements SegmentReader {
  readonly id = 0
  readonly docCount: number
  readonly lengths: readonly number[] = new Array(FIELD_COUNT).fill(0)
  private readonly lunr: LunrInternals
  private sorted: string[] | null = null

  constructor(index: lunr.Index) {
    this.lunr = internals(index)
    this.docCount = new Set(Object.keys(this.lunr.fieldVectors).map((k) => k.slice(k.indexOf('/') + 1))).size
  }

  df(term: string): number {
    return this.postings(term)?.df ?? 0
  }

  postings(term: string): TermPostings | undefined {
    const posting = this.lunr.invertedIndex[term]
    if (!posting) return undefined
    let df = 0
    const fields = FIELDS.map((name): FieldPostings | undefined => {
      const refs = Object.keys(posting[name] ?? {})
        .map(Number)
        .sort((a, b) => a - b)
      df += refs.length
      if (!refs.length) return undefined
      const weight = Float64Array.from(refs, (ref) => vectorValue(this.lunr.fieldVectors[`${name}/${ref}`]?.elements ?? [], posting._index))
      return { docs: Int32Array.from(refs), tf: new Int32Array(refs.length), len: new Int32Array(refs.length), weight }
    })
    return { df, fields }
  }

  termsWithPrefix(prefix: string, max: number): string[] {
    this.sorted ??= Object.keys(this.lunr.invertedIndex).sort()
    return sortedWithPrefix(this.sorted, prefix, max)
  }

  isStale(): boolean {
    return false
  }
}
