/**
 * The index on disk (issue 14): segments re-laid as a term dictionary with postings in SQLite,
 * read on demand. Every query form answers from several segments (and the pending articles in
 * memory) with the matches and scores one Lunr index of the whole library gives; deleted and
 * edited articles are never answered from the segment that held them, and a merge drops them;
 * an unfinished segment (a crash mid-merge) is never searched and is discarded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { executeOn } from '../../src/main/core/search/executor'
import { LunrSegment } from '../../src/main/core/search/lunr-segment'
import { searchStore } from '../../src/main/core/search/persistence'
import { decodePostings, encodePostings } from '../../src/main/core/search/postings'
import { parseQuery } from '../../src/main/core/search/query'
import { Scoring } from '../../src/main/core/search/scoring'
import { segmentStore } from '../../src/main/core/search/segment-store'
import { buildIndex, maintain, maintainStep, mergeVictims, verifyAndRepair } from '../../src/main/core/search/segments'
import { SearchIndex } from '../../src/main/core/search/engine'
import { importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

const TEXTS = [
  'Harbour bridge reopens\n\nMay 2, 2024 — Kestrel Courier\n\nThe harbour bridge reopened on Monday after engineers finished repairs to the quay.',
  'Council budget vote\n\nMay 3, 2024 — Harbour Post\n\nThe council approved the electoral budget and the elections office plans for the government.',
  'Election night in Marrowby\n\nMay 4, 2024 — Kestrel Courier\n\nVoters in Marrowby elected a new council; the governing party lost two seats.',
  'Storm closes the quay\n\nMay 5, 2024 — Quay Times\n\nA storm closed the quay and the harbour on Tuesday; the ferry to the island was cancelled.',
  'Café owners protest\n\nMay 6, 2024 — Quay Times\n\nCafé owners on the quay protested against the parking rules and the electricity prices.',
  'Museum opens new wing\n\nMay 7, 2024 — Harbour Post\n\nThe maritime museum opened a wing about the harbour, the bridge and the old ferry.',
  'Railway strike ends\n\nMay 8, 2024 — Kestrel Courier\n\nRailway workers ended their strike after the government offered a new pay deal.',
  'School budget cut\n\nMay 9, 2024 — Harbour Post\n\nThe council cut the school budget; teachers said the government had broken its promise.',
  'Ferry timetable changes\n\nMay 10, 2024 — Quay Times\n\nThe island ferry will leave the harbour earlier from June, the operator said.',
  'Путин и переговоры\n\n1 July 2024 — Novaya Gazeta\n\nПутин заявил, что переговоры продолжатся в Москве.'
]

const QUERIES = ['harbour', 'harbour bridge', 'harbour +ferry', 'council -budget', 'title:budget', 'outlet:quay', 'elect*', 'goverment~1', '+govern* school', 'quay -elect*', 'Путин', 'café OR cafe', 'harbor~1 museum']

describe('search index on disk', () => {
  let lib: Library
  let ids: number[]
  beforeEach(async () => {
    lib = Library.open(tmpDir())
    const results = await importBatch(lib, TEXTS.map((t, i) => ({ name: `a${i}.txt`, bytes: new TextEncoder().encode(t) })))
    ids = results.map((r) => r.articleId!)
  })
  afterEach(() => lib.close())
  const db = (): ReturnType<typeof Library.connection> => Library.connection(lib)

  /** The library's articles as one Lunr index, run through the executor: ids and scores (rounded as hits are). */
  const reference = (q: string): [number, number][] => {
    const seg = new LunrSegment(buildIndex(searchStore(db()).docs(ids)))
    const scores = executeOn(seg, parseQuery(q), new Scoring([seg]), new Set())
    return [...scores].map(([id, s]): [number, number] => [id, Math.round(s * 1000) / 1000]).sort((a, b) => a[0] - b[0])
  }
  const answer = (index: SearchIndex, q: string): [number, number][] =>
    index
      .search({ q, limit: 100 })
      .hits.map((h): [number, number] => [h.id, h.score])
      .sort((a, b) => a[0] - b[0])

  it('answers every query form from several segments and the pending articles as one Lunr index would, scores included', () => {
    for (let i = 0; i < 3; i++) expect(maintainStep(db(), { buildBatch: 3 })).toBe('built')
    expect(segmentStore(db()).ready()).toHaveLength(3)
    const index = new SearchIndex(db())
    index.refresh()
    expect(index.status()).toMatchObject({ segments: 3, pending: 1, documents: 10 })
    for (const q of QUERIES) expect(answer(index, q), q).toEqual(reference(q))
    // The fourth segment fills the smallest tier: the four are merged, streaming, into one.
    maintain(db())
    expect(segmentStore(db()).ready().map((s) => s.doc_count)).toEqual([10])
    index.refresh()
    for (const q of QUERIES) expect(answer(index, q), q).toEqual(reference(q))
  })

  it('never answers a deleted or edited article from the segment that held it; a merge drops it', () => {
    maintain(db())
    const index = new SearchIndex(db())
    index.refresh()
    expect(index.search({ q: 'marrowby' }).hits.map((h) => h.id)).toEqual([ids[2]])
    lib.articles.delete([ids[2]!])
    lib.articles.update(ids[6]!, { title: 'Railway deal agreed' })
    index.refresh()
    expect(index.search({ q: 'marrowby' }).total).toBe(0)
    expect(index.search({ q: 'strike' }).hits.map((h) => h.id)).toEqual([ids[6]]) // text still says strike; from memory now
    expect(index.search({ q: 'title:strike' }).total).toBe(0)
    expect(index.search({ q: 'title:deal' }).hits.map((h) => h.id)).toEqual([ids[6]])
    const stale = (): number => (db().prepare('SELECT count(*) AS n FROM search_stale').get() as { n: number }).n
    expect(stale()).toBe(2)
    maintain(db(), { maxSegments: 1 })
    expect(stale()).toBe(0)
    expect(db().prepare("SELECT count(*) AS n FROM search_terms WHERE term = 'marrowbi'").get()).toEqual({ n: 0 })
    index.refresh()
    expect(index.search({ q: 'title:deal' }).hits.map((h) => h.id)).toEqual([ids[6]])
    expect(index.search({ q: 'title:strike' }).total).toBe(0)
    expect(segmentStore(db()).ready().map((s) => s.doc_count)).toEqual([9])
    // The merge took the dropped articles' field lengths out of the totals: scores as a fresh index's.
    for (const q of QUERIES) expect(answer(index, q), q).toEqual(reference(q))
  })

  it('never searches an unfinished segment (a crash mid-build) and discards it at the next check', () => {
    maintain(db())
    const segs = segmentStore(db())
    const postings = encodePostings({ df: 1, fields: [undefined, { docs: Int32Array.of(ids[0]!), tf: Int32Array.of(1), len: Int32Array.of(5) }] })
    const unfinished = searchStore(db()).write(() => {
      const id = segs.begin()
      segs.addTerm(id, 'zeppelin', 1, postings)
      return id
    })
    const index = new SearchIndex(db())
    index.refresh()
    expect(index.search({ q: 'zeppelin' }).total).toBe(0)
    verifyAndRepair(db())
    expect(segs.state(unfinished)).toBe('gone')
    expect(db().prepare("SELECT count(*) AS n FROM search_terms WHERE term = 'zeppelin'").get()).toEqual({ n: 0 })
  })

  it('merges a full tier first, then the small ones past the limit', () => {
    const segs = (sizes: number[]): { id: number; doc_count: number }[] => sizes.map((n, i) => ({ id: i + 1, doc_count: n }))
    expect(mergeVictims(segs([10_000, 10_000, 10_000]), 24)).toBeNull()
    expect(mergeVictims(segs([40_000, 10_000, 10_000, 10_000, 10_000]), 24)).toEqual([2, 3, 4, 5])
    expect(mergeVictims(segs([100, 20, 1, 1, 1, 1]), 24)).toEqual([3, 4, 5, 6])
    expect(mergeVictims(segs([1_000_000, 300, 20]), 2)).toEqual([2, 3])
    expect(mergeVictims(segs([1000, 300, 200]), 2)).toEqual([1, 2, 3])
    expect(mergeVictims(segs([1000, 1]), 1)).toEqual([1, 2])
  })

  it('stores postings compactly and reads them back exactly, article ids up to 2^31', () => {
    const p = { df: 3, fields: [{ docs: Int32Array.of(1, 300, 2 ** 31 - 1), tf: Int32Array.of(1, 200, 3), len: Int32Array.of(4, 70_000, 9) }, undefined, undefined, undefined, undefined, undefined] }
    const bytes = encodePostings(p)
    expect(bytes.length).toBeLessThan(20)
    expect(decodePostings(bytes)).toEqual(p)
  })
})
