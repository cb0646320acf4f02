/**
 * A query's matches over every segment, as parallel typed arrays of ids and scores: no map entry
 * per match (tens of thousands for a common word). Ranking selects the top of them in one pass.
 * The few lookups by id (phrase checks) go through an index built only when asked for.
 */
import type { Matches } from './accumulate'

/**
 * The best k by score (ties: newer id first) of n entries read through accessors: their
 * positions ranked, then every other position unranked (only their count is used). Selecting
 * the top k of tens of thousands of matches beats sorting them all.
 */
export function rankTop(positions: number[], id: (p: number) => number, score: (p: number) => number, k: number): number[] {
  const better = (a: number, b: number): boolean => {
    const d = score(a) - score(b)
    return d > 0 || (d === 0 && id(a) > id(b))
  }
  if (positions.length <= 4 * k) return positions.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
  // One pass with a small sorted buffer of the best k so far.
  const top: number[] = []
  for (const p of positions) {
    if (top.length === k && !better(p, top[k - 1]!)) continue
    let i = top.length === k ? k - 1 : top.length
    if (top.length === k) top.pop()
    while (i > 0 && better(p, top[i - 1]!)) i--
    top.splice(i, 0, p)
  }
  const inTop = new Set(top)
  return [...top, ...positions.filter((p) => !inTop.has(p))]
}

/** Articles and their scores; an article appears once (each is answered by one segment only). */
export class ScoreTable {
  private ids = new Int32Array(1024)
  private scores = new Float64Array(1024)
  private length = 0
  private live = 0
  /** Article id -> position, built on the first lookup by id. */
  private index: Map<number, number> | null = null

  /** Adds a segment's matches, leaving out the ones it no longer answers for. */
  add(m: Matches, stale: (id: number) => boolean): void {
    this.reserve(m.docs.length)
    for (let i = 0; i < m.docs.length; i++) {
      const id = m.docs[i]!
      if (stale(id)) continue
      this.ids[this.length] = id
      this.scores[this.length++] = m.scores[i]!
      this.live++
    }
    this.index = null
  }

  get size(): number {
    return this.live
  }

  get(id: number): number | undefined {
    const p = this.positions().get(id)
    return p === undefined ? undefined : this.scores[p]
  }

  set(id: number, score: number): void {
    const p = this.positions().get(id)
    if (p !== undefined) {
      this.scores[p] = score
      return
    }
    this.reserve(1)
    this.index!.set(id, this.length)
    this.ids[this.length] = id
    this.scores[this.length++] = score
    this.live++
  }

  delete(id: number): void {
    const p = this.positions().get(id)
    if (p === undefined) return
    this.index!.delete(id)
    this.scores[p] = NaN
    this.live--
  }

  /** The articles, in the order added. */
  keys(): number[] {
    return this.livePositions().map((p) => this.ids[p]!)
  }

  /** Keeps only the articles a filter allows. */
  retain(allowed: ReadonlySet<number>): void {
    for (const p of this.livePositions()) {
      if (allowed.has(this.ids[p]!)) continue
      this.scores[p] = NaN
      this.live--
    }
    this.index = null
  }

  /** The articles, the best k ranked first (see rankTop). */
  top(k: number): number[] {
    return rankTop(this.livePositions(), (p) => this.ids[p]!, (p) => this.scores[p]!, k).map((p) => this.ids[p]!)
  }

  /** The scores of a few articles (a page of hits), in one pass. */
  scoresOf(ids: readonly number[]): Map<number, number> {
    const wanted = new Set(ids)
    const out = new Map<number, number>()
    for (const p of this.livePositions()) if (wanted.has(this.ids[p]!)) out.set(this.ids[p]!, this.scores[p]!)
    return out
  }

  private livePositions(): number[] {
    const out: number[] = []
    for (let p = 0; p < this.length; p++) if (!Number.isNaN(this.scores[p])) out.push(p)
    return out
  }

  private positions(): Map<number, number> {
    if (!this.index) {
      this.index = new Map()
      for (const p of this.livePositions()) this.index.set(this.ids[p]!, p)
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
