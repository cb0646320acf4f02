/**
 * Lunr's BM25 (k1 1.2, b 0.75, title boosted 3x, each weight rounded to 3 decimals as Lunr's
 * builder stores it), computed at query time from the postings' term frequencies and field
 * lengths with library-wide statistics: the score a single Lunr index of the whole library
 * would give, however the library is split into segments.
 */
import { idf } from './expand'
import { FIELDS } from './query'
import { FIELD_COUNT, type FieldPostings } from './postings'
import type { SegmentReader } from './segment-reader'

const K1 = 1.2
const B = 0.75
const BOOST: readonly number[] = FIELDS.map((f) => (f === 'title' ? 3 : 1))

/** Library-wide statistics for one query: document count, average field lengths, document frequencies. */
export class Scoring {
  private readonly docs: number
  private readonly avg: number[]
  private readonly dfs = new Map<string, number>()

  constructor(private readonly segments: readonly SegmentReader[]) {
    this.docs = segments.reduce((n, s) => n + s.docCount, 0) || 1
    this.avg = Array.from({ length: FIELD_COUNT }, (_, f) => segments.reduce((n, s) => n + (s.lengths[f] ?? 0), 0) / this.docs)
  }

  get documentCount(): number {
    return this.docs
  }

  /** Field-article pairs holding a term, over every segment. */
  df(term: string): number {
    let n = this.dfs.get(term)
    if (n === undefined) this.dfs.set(term, (n = this.segments.reduce((sum, s) => sum + s.df(term), 0)))
    return n
  }

  idf(term: string): number {
    return idf(this.df(term), this.docs)
  }

  /** The weight of entry i of a term's postings in field f. */
  weigher(term: string, f: number): (fp: FieldPostings, i: number) => number {
    const termIdf = this.idf(term)
    const boost = BOOST[f]!
    const avg = this.avg[f]! || 1
    // In the order of Lunr's builder (createFieldVectors), so the rounding falls the same way.
    return (fp, i) => {
      if (fp.weight) return fp.weight[i]!
      const tf = fp.tf[i]!
      const score = ((termIdf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fp.len[i]! / avg)) + tf)) * boost
      return Math.round(score * 1000) / 1000
    }
  }
}
