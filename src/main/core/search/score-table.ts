/**
 * A query's matches over every segment, as parallel typed arrays of ids and scores: no map entry
 * per match (tens of thousands for a common word). Ranking selects the top of them in one pass.
 * The few lookups by id (phrase checks) go through an index built only when asked for.
 */
import type { Matches } from './accumulate'

/**
 * The best k of n entries read through accessors, by score (ties: newer id first): their
 * positions, ranked. Selecting the top k of tens of thousands of matches beats sorting them all.
 */
export function rankTop(n: number, id: (p: number) => number, score: (p: number) => number, k: number): number[] {
  const better = (a: number, b: number): boolean => {
    const d = score(a) - score(b)
    return d > 0 || (d === 0 && id(a) > id(b))
  }
  const order = (a: number, b: number): number => (better(a, b) ? -1 : better(b, a) ? 1 : 0)
  if (n <= 4 * k) return Array.from({ length: n }, (_, p) => p).sort(order).slice(0, k)
  // One pass with a heap of the best k so far, its root the worst of them: n log k, however the
  // scores tie (a sorted buffer cost n x k when every match ties, as a filter-only query's do).
  const heap: number[] = []
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let worst = i
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r
      if (worst === i) return
      ;[heap[i], heap[worst]] = [heap[worst]!, heap[i]!]
      i = worst
    }
  }
  for (let p = 0; p < n; p++) {
    if (heap.length < k) {
      heap.push(p)
      for (let i = heap.length - 1; i > 0 && better(heap[(i - 1) >> 1]!, heap[i]!); i = (i - 1) >> 1) {
        const parent = (i - 1) >> 1
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
      }
    } else if (better(p, heap[0]!)) {
      heap[0] = p
      down(0)
    }
  }
  return heap.sort(order)
}

/**
 * Articles and their scores; an article appears once (each is answered by one segment only).
 * Deleted entries are marked (NaN) and compacted away before the next walk.
 */
export class ScoreTable {
  private ids = new Int32Array(1024)
  private scores = new Float64Array(1024)
  private length = 0
  private deleted = 0
  /** Article id -> position, built on the first lookup by id. */
  private index: Map<number, number> | null = null
  /** The best articles' scores, as last ranked (emptied by any change). */
  private ranked = new Map<number, number>()

  /** Adds a segment's matches, leaving out the ones it no longer answers for. */
  add(m: Matches, stale: (id: number) => boolean): void {
    this.reserve(m.docs.length)
    for (let i = 0; i < m.docs.length; i++) {
      const id = m.docs[i]!
      if (stale(id)) continue
      this.ids[this.length] = id
      this.scores[this.length++] = m.scores[i]!
    }
    this.changed()
  }

  get size(): number {
    return this.length - this.deleted
  }

  get(id: number): number | undefined {
    const p = this.positions().get(id)
    return p === undefined ? undefined : this.scores[p]
  }

  set(id: number, score: number): void {
    this.ranked.clear()
    const p = this.positions().get(id)
    if (p !== undefined) {
      this.scores[p] = score
      return
    }
    this.reserve(1)
    this.index!.set(id, this.length)
    this.ids[this.length] = id
    this.scores[this.length++] = score
  }

  delete(id: number): void {
    this.ranked.clear()
    const p = this.positions().get(id)
    if (p === undefined) return
    this.index!.delete(id)
    this.scores[p] = NaN
    this.deleted++
  }

  /** The articles, in the order added. */
  keys(): number[] {
    this.compact()
    return Array.from(this.ids.subarray(0, this.length))
  }

  /** Keeps only the articles a filter allows. */
  retain(allowed: ReadonlySet<number>): void {
    for (let p = 0; p < this.length; p++) {
      if (Number.isNaN(this.scores[p]) || allowed.has(this.ids[p]!)) continue
      this.scores[p] = NaN
      this.deleted++
    }
    this.changed()
  }

  /** The best k articles, ranked (see rankTop). */
  top(k: number): number[] {
    this.compact()
    const top = rankTop(this.length, (p) => this.ids[p]!, (p) => this.scores[p]!, k)
    this.ranked = new Map(top.map((p) => [this.ids[p]!, this.scores[p]!]))
    return top.map((p) => this.ids[p]!)
  }

  /** The scores of a few articles (a page of hits): from the last ranking, else in one pass. */
  scoresOf(ids: readonly number[]): Map<number, number> {
    if (ids.every((id) => this.ranked.has(id))) return new Map(ids.map((id) => [id, this.ranked.get(id)!]))
    const wanted = new Set(ids)
    const out = new Map<number, number>()
    for (let p = 0; p < this.length; p++) if (wanted.has(this.ids[p]!) && !Number.isNaN(this.scores[p])) out.set(this.ids[p]!, this.scores[p]!)
    return out
  }

  private changed(): void {
    this.index = null
    this.ranked.clear()
  }

  private compact(): void {
    if (this.deleted === 0) return
    let n = 0
    for (let p = 0; p < this.length; p++) {
      if (Number.isNaN(this.scores[p])) continue
      this.ids[n] = this.ids[p]!
      this.scores[n++] = this.scores[p]!
    }
    this.length = n
    this.deleted = 0
    this.index = null
  }

  private positions(): Map<number, number> {
    if (!this.index) {
      this.compact()
      this.index = new Map()
      for (let p = 0; p < this.length; p++) this.index.set(this.ids[p]!, p)
    }
    return this.index
  }

  private reserve(n: number): void {
    if (this.length + n <= this.ids.length) return
    const size = Math.max(this.length + n, this.ids.length * 2)
    const ids = new Int32Array(size)
    ids.set(this.ids.subarray(0, this.length))
    const scores = new Float64Array(size)
    scores.set(this.scores.subarray(0, this.length))
    this.ids = ids
    this.scores = scores
  }
}
