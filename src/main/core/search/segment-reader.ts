/**
 * What the query executor reads of a segment: a term's postings and document frequency, the
 * terms under a prefix, and which articles it no longer covers. A disk segment reads these from
 * SQLite on demand, through one bounded cache; the pending articles' segment is in memory.
 */
import { LRUCache } from 'lru-cache'
import { decodePostings, postingsSize, type TermPostings } from './postings'
import type { PostingsBuilder } from './postings-builder'
import { splitPositions, type TermPositions } from './positions'
import type { SegmentStore } from './segment-store'

export interface SegmentReader {
  readonly id: number
  readonly docCount: number
  /** Each field's total length over the segment's documents. */
  readonly lengths: readonly number[]
  df(term: string): number
  postings(term: string): TermPostings | undefined
  /** A term's positions, along its postings (absent: a reader without positions, as a Lunr index). */
  positions?(term: string): TermPositions | undefined
  /** The segment's terms starting with a prefix, in order, at most `max`. */
  termsWithPrefix(prefix: string, max: number): string[]
  /** Whether the segment's entry for an article is out of date (deleted, edited, re-indexed elsewhere). */
  isStale(doc: number): boolean
}

/** Terms of a sorted list starting with a prefix, by binary search. */
export function sortedWithPrefix(sorted: readonly string[], prefix: string, max: number): string[] {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < prefix) lo = mid + 1
    else hi = mid
  }
  const out: string[] = []
  for (let i = lo; i < sorted.length && out.length < max && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!)
  return out
}

/** The pending articles, indexed in memory at refresh (id 0). */
export class MemorySegment implements SegmentReader {
  readonly id = 0
  private sorted: string[] | null = null
  private readonly decoded = new Map<string, TermPostings | undefined>()
  private readonly positioned = new Map<string, TermPositions | undefined>()

  constructor(private readonly built: PostingsBuilder) {}

  get docCount(): number {
    return this.built.docCount
  }
  get lengths(): readonly number[] {
    return this.built.lengths
  }
  df(term: string): number {
    return this.postings(term)?.df ?? 0
  }
  postings(term: string): TermPostings | undefined {
    if (!this.decoded.has(term)) this.decoded.set(term, this.built.postings(term))
    return this.decoded.get(term)
  }
  positions(term: string): TermPositions | undefined {
    if (!this.positioned.has(term)) this.positioned.set(term, this.built.positions(term))
    return this.positioned.get(term)
  }
  termsWithPrefix(prefix: string, max: number): string[] {
    this.sorted ??= [...this.built.keys()].sort()
    return sortedWithPrefix(this.sorted, prefix, max)
  }
  isStale(): boolean {
    return false
  }
}

/** Decoded postings (and positions) of recently used terms, across segments, bounded in bytes. `false`: the segment has no such term. */
export type PostingsCache = LRUCache<string, TermPostings | TermPositions | false>

/** PARALLAX_SEARCH_CACHE_MB bounds the decoded postings kept in memory (default 192 MB). */
export function postingsCache(): PostingsCache {
  const mb = Number(process.env.PARALLAX_SEARCH_CACHE_MB) || 192
  return new LRUCache<string, TermPostings | TermPositions | false>({
    maxSize: mb * 1048576,
    sizeCalculation: (v) => (!v ? 64 : 'df' in v ? postingsSize(v) : v.size)
  })
}

/** A stored segment: its header in memory, its terms read from SQLite when a query asks for them. */
export class DiskSegment implements SegmentReader {
  private readonly dfs = new Map<string, number>()

  constructor(
    readonly id: number,
    readonly docCount: number,
    readonly lengths: readonly number[],
    /** Replaced at every refresh (articles edited or deleted since). */
    public stale: ReadonlySet<number>,
    private readonly store: SegmentStore,
    private readonly cache: PostingsCache
  ) {}

  df(term: string): number {
    const cached = this.cache.get(`${this.id}\u0000${term}`) as TermPostings | false | undefined
    if (cached !== undefined) return cached ? cached.df : 0
    let n = this.dfs.get(term)
    if (n === undefined) {
      // Document frequencies alone (related coverage asks for hundreds): a small memo, dropped when full.
      if (this.dfs.size > 50_000) this.dfs.clear()
      this.dfs.set(term, (n = this.store.df(this.id, term)))
    }
    return n
  }
  postings(term: string): TermPostings | undefined {
    const key = `${this.id}\u0000${term}`
    let p = this.cache.get(key) as TermPostings | false | undefined
    if (p === undefined) {
      const data = this.store.postings(this.id, term)
      p = data ? decodePostings(data) : false
      this.cache.set(key, p)
    }
    return p || undefined
  }
  /** Read only for a phrase's words, under their own cache key. */
  positions(term: string): TermPositions | undefined {
    const key = `${this.id}\u0001${term}`
    let p = this.cache.get(key) as TermPositions | false | undefined
    if (p === undefined) {
      const postings = this.postings(term)
      const data = postings && this.store.positions(this.id, term)
      p = data ? splitPositions(data, postings) : false
      this.cache.set(key, p)
    }
    return p || undefined
  }
  termsWithPrefix(prefix: string, max: number): string[] {
    return this.store.termsWithPrefix(this.id, prefix, Number.isFinite(max) ? max : -1)
  }
  isStale(doc: number): boolean {
    return this.stale.has(doc)
  }
}
