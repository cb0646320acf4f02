/**
 * Alignment of 2-6 articles, sentence by sentence. Each pair of articles is aligned on its own:
 * best-first one-to-one matching on the similarity matrix (so order does not matter), then
 * sentences left over are tried against two adjacent sentences of the other article read as one
 * (a sentence split in two, or two merged into one). Pairwise links are then joined into groups
 * across all articles (union-find), which the UI shows as shared colour bands.
 */
import type { Sentence } from './sentences'
import { combine, cosine, type Vector } from './similarity'

/** Cosine at or above which two sentences say the same thing (tuned on the fixtures and coverage corpus). */
export const ALIGN_THRESHOLD = 0.42
/** Each half of a split must still resemble the whole at least this much. */
const PART_THRESHOLD = 0.2
/** A leftover sentence joins its neighbour's match as the other half of a split only above this. */
const SPLIT_HALF_THRESHOLD = 0.3

export interface Link {
  a: number
  b: number
  /** Sentence indexes on each side: one each, or two adjacent on one side for a split or merge. */
  sentencesA: number[]
  sentencesB: number[]
  similarity: number
}

export function alignPair(va: Vector[], vb: Vector[]): Link[] {
  const candidates: { i: number; j: number; s: number }[] = []
  for (let i = 0; i < va.length; i++) {
    for (let j = 0; j < vb.length; j++) {
      const s = cosine(va[i]!, vb[j]!)
      if (s >= PART_THRESHOLD) candidates.push({ i, j, s })
    }
  }
  candidates.sort((x, y) => y.s - x.s)
  const usedA = new Set<number>()
  const usedB = new Set<number>()
  const links: Link[] = []
  for (const c of candidates) {
    if (c.s < ALIGN_THRESHOLD) break
    if (usedA.has(c.i) || usedB.has(c.j)) continue
    usedA.add(c.i)
    usedB.add(c.j)
    links.push({ a: 0, b: 1, sentencesA: [c.i], sentencesB: [c.j], similarity: c.s })
  }
  // A leftover sentence next to a matched one may be the other half of a split: the pair read
  // as one must then match its counterpart better than the half alone did.
  const extend = (side: 'sentencesA' | 'sentencesB', own: Vector[], other: Vector[], used: Set<number>): void => {
    for (let j = 0; j < own.length; j++) {
      if (used.has(j)) continue
      let best: { link: Link; pair: number[]; s: number } | null = null
      for (const n of [j - 1, j + 1]) {
        const link = links.find((l) => l[side].length === 1 && l[side][0] === n && (side === 'sentencesA' ? l.sentencesB : l.sentencesA).length === 1)
        if (!link) continue
        const counterpart = other[(side === 'sentencesA' ? link.sentencesB : link.sentencesA)[0]!]!
        // The other half must carry real content of the counterpart, and add to the match clearly.
        if (cosine(counterpart, own[j]!) < SPLIT_HALF_THRESHOLD) continue
        const pair = [Math.min(j, n), Math.max(j, n)]
        const s = cosine(counterpart, combine(own[pair[0]!]!, own[pair[1]!]!))
        if (s > link.similarity + 0.03 && (!best || s > best.s)) best = { link, pair, s }
      }
      if (!best) continue
      best.link[side] = best.pair
      best.link.similarity = best.s
      used.add(j)
    }
  }
  extend('sentencesB', vb, va, usedB)
  extend('sentencesA', va, vb, usedA)

  // Splits and merges: a leftover sentence against two adjacent ones on the other side.
  const tryTwo = (from: Vector[], to: Vector[], usedFrom: Set<number>, usedTo: Set<number>, flip: boolean): void => {
    for (let i = 0; i < from.length; i++) {
      if (usedFrom.has(i)) continue
      let best: { j: number; s: number } | null = null
      for (let j = 0; j + 1 < to.length; j++) {
        if (usedTo.has(j) && usedTo.has(j + 1)) continue
        const s1 = cosine(from[i]!, to[j]!)
        const s2 = cosine(from[i]!, to[j + 1]!)
        if (s1 < PART_THRESHOLD || s2 < PART_THRESHOLD) continue
        const s = cosine(from[i]!, combine(to[j]!, to[j + 1]!))
        if (s >= ALIGN_THRESHOLD && s > Math.max(s1, s2) && (!best || s > best.s)) best = { j, s }
      }
      if (!best) continue
      usedFrom.add(i)
      // A half already matched one-to-one joins the split: that one-to-one link is replaced.
      for (const k of [best.j, best.j + 1]) {
        const old = links.findIndex((l) => (flip ? l.sentencesA : l.sentencesB).includes(k) && (flip ? l.sentencesA : l.sentencesB).length === 1)
        if (old >= 0) {
          const [l] = links.splice(old, 1)
          ;(flip ? usedB : usedA).delete((flip ? l!.sentencesB : l!.sentencesA)[0]!)
        }
        usedTo.add(k)
      }
      const pair = [best.j, best.j + 1]
      links.push(flip ? { a: 0, b: 1, sentencesA: pair, sentencesB: [i], similarity: best.s } : { a: 0, b: 1, sentencesA: [i], sentencesB: pair, similarity: best.s })
    }
  }
  tryTwo(va, vb, usedA, usedB, false)
  tryTwo(vb, va, usedB, usedA, true)
  return links
}

/** Groups of sentences aligned across any of the articles, as [article, sentence] members. */
export function groupLinks(counts: number[], links: Link[]): number[][] {
  const offsets = counts.map((_, i) => counts.slice(0, i).reduce((n, c) => n + c, 0))
  const parent = Array.from({ length: offsets.at(-1)! + counts.at(-1)! }, (_, i) => i)
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)))
  const union = (x: number, y: number): void => {
    parent[find(x)] = find(y)
  }
  for (const l of links) {
    const members = [...l.sentencesA.map((s) => offsets[l.a]! + s), ...l.sentencesB.map((s) => offsets[l.b]! + s)]
    for (const m of members.slice(1)) union(members[0]!, m)
  }
  // Group id per global sentence, -1 where a sentence is aligned with nothing.
  const linked = new Set(links.flatMap((l) => [...l.sentencesA.map((s) => offsets[l.a]! + s), ...l.sentencesB.map((s) => offsets[l.b]! + s)]))
  const ids = new Map<number, number>()
  return counts.map((c, a) =>
    Array.from({ length: c }, (_, s) => {
      const g = offsets[a]! + s
      if (!linked.has(g)) return -1
      const root = find(g)
      if (!ids.has(root)) ids.set(root, ids.size)
      return ids.get(root)!
    })
  )
}

export type { Sentence }
