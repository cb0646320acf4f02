/**
 * The query executor against its semantics written per document (tests/helpers/executor-reference.ts),
 * on generated libraries and random queries of every form: the same matches, the same scores to
 * the bit, the same matched terms. Libraries come dense (a segment's ids near-contiguous) and
 * sparse (ids far apart), computed BM25 (the segments' own postings) and Lunr's stored weights.
 */
import { describe, expect, it } from 'vitest'
import { executeOn, topByScore } from '../../src/main/core/search/executor'
import { LunrSegment } from '../../src/main/core/search/lunr-segment'
import type { IndexDoc } from '../../src/main/core/search/persistence'
import { PostingsBuilder } from '../../src/main/core/search/postings-builder'
import { parseQuery, QuerySyntaxError, type Clause } from '../../src/main/core/search/query'
import { ScoreTable } from '../../src/main/core/search/score-table'
import { Scoring } from '../../src/main/core/search/scoring'
import { buildIndex } from '../../src/main/core/search/segments'
import { MemorySegment, type SegmentReader } from '../../src/main/core/search/segment-reader'
import { referenceScores } from '../helpers/executor-reference'

const WORDS = ['harbour', 'harbor', 'harbours', 'bridge', 'bridges', 'ferry', 'quay', 'election', 'elections', 'elected', 'electric', 'electricity',
  'government', 'governing', 'council', 'counsel', 'budget', 'budgets', 'market', 'markets', 'minister', 'prime', 'storm', 'museum', 'the', 'of', 'new', 'york']
const OUTLETS = ['Kestrel Courier', 'Harbour Post', 'Quay Times', 'New York Times', null]
const AUTHORS = ['Ada Lovelace', 'Grace Hopper', 'Ada Hopper', null]
const TAGS = ['harbour', 'budget', 'storm', null]

/** A small deterministic generator (the failing seed is in the assertion message). */
function generator(seed: number): { int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  let s = seed >>> 0 || 1
  const next = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32
  return { int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)]! }
}

function library(seed: number, sparse: boolean): IndexDoc[] {
  const g = generator(seed)
  const words = (min: number, max: number): string => Array.from({ length: min + g.int(max - min + 1) }, () => g.pick(WORDS)).join(' ')
  let id = 0
  return Array.from({ length: 20 + g.int(60) }, (): IndexDoc => {
    id += sparse && g.int(4) === 0 ? 70_000 + g.int(50_000) : 1 + g.int(3)
    const notes = g.int(4) === 0 ? words(1, 6) : null
    return { id, title: words(1, 5), text: words(3, 30), author: g.pick(AUTHORS), outlet: g.pick(OUTLETS), tags: g.pick(TAGS), notes }
  })
}

function randomQuery(seed: number): string {
  const g = generator(seed)
  const word = (): string => g.pick(WORDS.filter((w) => w.length > 3))
  const forms: (() => string)[] = [
    () => word(),
    () => `+${word()}`,
    () => `-${word()}`,
    () => `"${word()} ${g.pick(WORDS)}"`,
    () => `-"${word()} ${word()}"`,
    () => `${word().slice(0, 3 + g.int(2))}*`,
    () => `+${word().slice(0, 3)}*`,
    () => `${word().replace(/[aeiou]/, '')}~${1 + g.int(2)}`,
    () => `${g.pick(['title', 'notes', 'author', 'outlet', 'tag'])}:${word()}`,
    () => `outlet:"${g.pick(['new york times', 'quay times', 'kestrel courier'])}"`,
    () => `author:${g.pick(['ada', 'hopper', 'grace'])}`,
    () => `+title:${word()}`,
    () => `${word()} OR ${word()}`
  ]
  return Array.from({ length: 1 + g.int(4) }, () => g.pick(forms)()).join(' ')
}

function parsed(q: string): Clause[] | null {
  try {
    return parseQuery(q)
  } catch (err) {
    if (err instanceof QuerySyntaxError) return null
    throw err
  }
}

const entries = (m: Map<number, number>): [number, number][] => [...m].sort((a, b) => a[0] - b[0])

describe('query executor (typed arrays) against its per-document semantics', () => {
  for (const sparse of [false, true]) {
    it(`gives the same matches, scores and matched terms for random queries (${sparse ? 'sparse' : 'dense'} ids)`, () => {
      let compared = 0
      for (let lib = 1; lib <= 10; lib++) {
        const docs = library(lib * 7919 + (sparse ? 1 : 0), sparse)
        const built = new PostingsBuilder()
        for (const d of docs) built.add(d)
        const segments: SegmentReader[] = [new MemorySegment(built), new LunrSegment(buildIndex(docs))]
        for (const seg of segments) {
          const scoring = new Scoring([seg])
          for (let k = 0; k < 40; k++) {
            const q = randomQuery(lib * 1000 + k)
            const clauses = parsed(q)
            if (!clauses) continue
            const [ours, theirs] = [new Set<string>(), new Set<string>()]
            const label = `library ${lib}, ${seg.constructor.name}: ${q}`
            expect(entries(executeOn(seg, clauses, scoring, ours)), label).toEqual(entries(referenceScores(seg, clauses, scoring, theirs)))
            expect([...ours].sort(), label).toEqual([...theirs].sort())
            compared++
          }
        }
      }
      // Most random queries parse (a query of exclusions only does not).
      expect(compared).toBeGreaterThan(600)
    })
  }
})

describe('score table', () => {
  it('ranks, filters, updates and deletes as a map of scores does', () => {
    const g = generator(99)
    const table = new ScoreTable()
    const map = new Map<number, number>()
    for (let seg = 0; seg < 3; seg++) {
      const docs = Int32Array.from({ length: 3000 }, (_, i) => seg * 10_000 + i * 3)
      const scores = Float64Array.from(docs, () => g.int(50) / 10)
      const stale = new Set(Array.from({ length: 200 }, () => seg * 10_000 + g.int(3000) * 3))
      table.add({ docs, scores }, (id) => stale.has(id))
      docs.forEach((d, i) => !stale.has(d) && map.set(d, scores[i]!))
    }
    for (let i = 0; i < 300; i++) {
      const id = g.int(30_000)
      if (g.int(2)) {
        table.delete(id)
        map.delete(id)
      } else {
        table.set(id, 7.5)
        map.set(id, 7.5)
      }
    }
    const allowed = new Set([...map.keys()].filter(() => g.int(3) > 0))
    table.retain(allowed)
    for (const id of map.keys()) if (!allowed.has(id)) map.delete(id)
    expect(table.size).toBe(map.size)
    expect(table.keys().sort((a, b) => a - b)).toEqual([...map.keys()].sort((a, b) => a - b))
    for (const k of [1, 20, 60, 5000]) expect(table.top(k).slice(0, k)).toEqual(topByScore([...map.keys()], map, k).slice(0, k))
    const page = table.top(20).slice(0, 20)
    const pageScores = table.scoresOf(page)
    expect(page.map((id) => pageScores.get(id))).toEqual(page.map((id) => map.get(id)))
  })
})
