/**
 * The search engine behind one interface: the rest of the app asks for results and status
 * and never learns that Lunr answers. `SearchIndex` holds the segments of one library in memory
 * (in the search worker in the app, in-process in the CLI and tests).
 */
import type Database from 'better-sqlite3'
import lunr from 'lunr'
import { executeOn, topByScore } from './executor'
import { idf, internals, segmentDf, type Segment } from './expand'
import { searchStore, type ArticleMeta, type FieldsRow, type SearchStore } from './persistence'
import { parseQuery, QuerySyntaxError, type Clause } from './query'
import { related, type Related, type RelatedSource } from './related'
import { outLinks, stories, type OutLinks } from './story-links'
import { buildIndex } from './segments'
import { highlightRanges, makeSnippet, phraseRegex } from './snippet'
import { isStopWord } from '../text/tokenize'

/** Re-exported for the tests and benchmarks that reach the executor through the engine. */
export { matchingRefs, topByScore } from './executor'

export interface SearchFilters {
  from?: string
  to?: string
  outlet?: string
  language?: string
  tag?: string
  collection?: number
}

export interface SearchRequest {
  q: string
  limit?: number
  offset?: number
  sort?: 'relevance' | 'date'
  filters?: SearchFilters
  /** Hits without snippets: for callers that want only which articles match (the library table). */
  idsOnly?: boolean
}

export interface SearchHit {
  id: number
  title: string
  outlet: string | null
  author: string | null
  publishedAt: string | null
  language: string | null
  score: number
  snippet: { text: string; highlights: [number, number][] }
}

export interface SearchResponse {
  total: number
  hits: SearchHit[]
  /** Set when the query could not be read; then there are no hits. */
  error: string | null
  /** Index terms that matched, for highlighting in the reader. */
  terms: string[]
}

/** Story out-links computed by the index, and the articles it could not answer for yet. */
export interface StoryLinks {
  links: OutLinks[]
  notIndexed: number[]
}

export interface SearchStatus {
  state: 'ready' | 'indexing'
  documents: number
  segments: number
  pending: number
}

/** Pending articles beyond this are left to the segment builder instead of indexed in memory. */
const MAX_IN_MEMORY_PENDING = 1000

export interface RefreshOptions {
  /** Index every pending article in memory however many (when no segment can be written: a read-only library or a full disk). */
  allPendingInMemory?: boolean
}

export class SearchIndex {
  private segments = new Map<number, Segment>()
  private pending: Segment | null = null
  private pendingCount = 0
  private maxPending = MAX_IN_MEMORY_PENDING
  private meta = new Map<number, ArticleMeta>()
  private tags = new Map<number, string[]>()
  private collections = new Map<number, number[]>()
  /** Which segment currently covers each article (0: pending). Results from any other segment are stale. */
  private docSegment = new Map<number, number>()
  private readonly store: SearchStore
  private readonly relatedSource: RelatedSource

  constructor(db: Database.Database) {
    this.store = searchStore(db)
    this.relatedSource = {
      text: (id) => this.store.text(id),
      segments: () => this.allSegments(),
      articleIds: () => [...this.meta.keys()],
      publishedAt: (id) => this.meta.get(id)?.publishedAt ?? null,
      rank: (clauses, limit) => this.run(clauses, { q: '', limit }, false).hits,
      holds: (id, term) => this.holds(id, term)
    }
  }

  /**
   * Brings the in-memory state in line with the database: new or dropped segments, pending
   * articles, metadata, all read in one snapshot (the builder may merge and delete segments meanwhile).
   */
  refresh(options: RefreshOptions = {}): void {
    this.maxPending = options.allPendingInMemory ? Infinity : MAX_IN_MEMORY_PENDING
    this.store.snapshot(() => {
      const rows = this.store.segments()
      const live = new Set(rows.map((r) => r.id))
      for (const id of this.segments.keys()) if (!live.has(id)) this.segments.delete(id)
      for (const r of rows) {
        if (this.segments.has(r.id)) continue
        const data = this.store.segmentData(r.id)!
        this.segments.set(r.id, { id: r.id, index: lunr.Index.load(JSON.parse(data)), docCount: r.doc_count })
      }
      this.meta = this.store.meta()
      this.tags = this.store.tags()
      this.collections = this.store.collections()
      this.docSegment = this.store.docSegments()
      this.pendingCount = this.store.pendingCount()
      const docs = this.pendingCount <= this.maxPending ? this.store.docs(this.store.pendingIds()) : []
      this.pending = docs.length ? { id: 0, index: buildIndex(docs), docCount: docs.length } : null
    })
  }

  status(): SearchStatus {
    return {
      state: this.pendingCount > this.maxPending ? 'indexing' : 'ready',
      documents: this.meta.size,
      segments: this.segments.size,
      pending: this.pendingCount
    }
  }

  search(req: SearchRequest): SearchResponse {
    let clauses: Clause[]
    try {
      clauses = parseQuery(req.q)
    } catch (err) {
      if (err instanceof QuerySyntaxError) return { total: 0, hits: [], error: err.message, terms: [] }
      throw err
    }
    return this.store.snapshot(() => this.run(clauses, req, !req.idsOnly))
  }

  /** Articles about the same story (see related.ts). */
  related(id: number, limit: number, windowDays = 14, terms = 8): Related[] {
    return this.store.snapshot(() => related(this.relatedSource, id, limit, windowDays, terms))
  }

  /** The library grouped into stories from scratch (see story-links.ts). */
  stories(): number[][] {
    return this.store.snapshot(() => stories(this.relatedSource))
  }

  /**
   * The story out-links of these articles (see story-links.ts), in one snapshot. Articles the
   * index does not hold yet (beyond the pending ones it indexes in memory) are returned as not
   * indexed, to be asked again once the builder has them.
   */
  storyLinks(ids: readonly number[]): StoryLinks {
    return this.store.snapshot(() => {
      const indexed = ids.filter((id) => this.indexes(id))
      return { links: indexed.map((id) => outLinks(this.relatedSource, id)), notIndexed: ids.filter((id) => !this.indexes(id)) }
    })
  }

  /** Whether the index holds the article now: in a segment, or pending and indexed in memory. */
  private indexes(id: number): boolean {
    const segment = this.docSegment.get(id)
    return this.meta.has(id) && segment !== undefined && (segment !== 0 || this.pending !== null)
  }

  /** Whether the segment covering an article holds a term for it, in any field. */
  private holds(id: number, term: string): boolean {
    const segmentId = this.docSegment.get(id)
    const seg = segmentId === 0 ? this.pending : segmentId === undefined ? null : this.segments.get(segmentId)
    if (!seg) return false
    const { invertedIndex, fields } = internals(seg.index)
    const posting = invertedIndex[term]
    const ref = String(id)
    return !!posting && fields.some((f) => posting[f]?.[ref] !== undefined)
  }

  private allSegments(): Segment[] {
    return [...(this.pending ? [this.pending] : []), ...this.segments.values()]
  }

  /** Scores of the articles the clauses match, over every segment, with library-wide idf. */
  private score(clauses: Clause[], matched: Set<string>): Map<number, number> {
    const all = [...this.segments.values(), ...(this.pending ? [this.pending] : [])]
    const totalDocs = all.reduce((n, s) => n + s.docCount, 0) || 1
    const scores = new Map<number, number>()
    const dfCache = new Map<string, number>()
    const globalIdf = (term: string): number => {
      let df = dfCache.get(term)
      if (df === undefined) {
        df = 0
        for (const s of all) df += segmentDf(s, term)
        dfCache.set(term, df)
      }
      return idf(df, totalDocs)
    }
    for (const seg of all) {
      for (const [ref, score] of executeOn(seg, clauses, globalIdf, matched)) {
        const id = Number(ref)
        // Deleted since (a tombstone), or re-indexed elsewhere since (edited, merged): not this segment's to answer.
        if (this.docSegment.get(id) !== seg.id || !this.meta.has(id)) continue
        scores.set(id, score)
      }
    }
    return scores
  }

  /** Articles whose text or title holds every phrase's words in order (a superset: verified later). */
  private scanForPhrases(phrases: Clause[]): number[] {
    const conditions = phrases.map((p) => {
      const words = p.raw.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
      const pattern = `%${words.map((w) => w.replace(/[\\%_]/g, '\\$&')).join('%')}%`
      const col = p.field ?? null
      // Columns of articles only (tags and notes live in their own tables: no scan for those).
      const column = col === 'title' || col === 'author' || col === 'outlet' ? col : "''"
      return { sql: col ? `${column} LIKE ? ESCAPE '\\'` : `(text LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')`, params: col ? [pattern] : [pattern, pattern] }
    })
    return this.store.scan(conditions).filter((id) => this.meta.has(id))
  }

  /** Keeps the candidates whose stored text (or field) holds each phrase, adjacent and in order. */
  private verifyPhrases(clauses: Clause[], scores: Map<number, number>): void {
    // A filter phrase (outlet:"new york times") asks for its words in the field, in any order: not checked here.
    const phrases = clauses.filter((c) => c.kind === 'phrase' && c.presence !== 'filter').map((p) => ({ p, re: phraseRegex(p.raw) }))
    if (!phrases.length) return
    const check = (row: Partial<FieldsRow>): boolean =>
      phrases.every(({ p, re }) => {
        const field = (name: keyof FieldsRow): string => String(row[name] ?? '')
        const found = p.field ? re.test(field(p.field as keyof FieldsRow)) : re.test(field('title')) || re.test(field('text'))
        return p.presence === 'excluded' ? !found : found
      })
    const ids = [...scores.keys()]
    if (phrases.some(({ p }) => p.field)) {
      for (const id of ids) {
        const row = this.store.fields(id)
        if (!row || !check(row)) scores.delete(id)
      }
      return
    }
    // The candidates' texts in a few statements rather than one each: the per-call overhead
    // was most of the cost of a common phrase (hundreds of candidates).
    const seen = new Set<number>()
    for (const row of this.store.texts(ids)) {
      seen.add(row.id)
      if (!check(row)) scores.delete(row.id)
    }
    for (const id of ids) if (!seen.has(id)) scores.delete(id) // deleted since the last refresh
  }

  private matchesFilters(id: number, f: SearchFilters): boolean {
    const m = this.meta.get(id)!
    const day = m.publishedAt?.slice(0, 10) ?? null
    if (f.from && (!day || day < f.from)) return false
    if (f.to && (!day || day > f.to)) return false
    if (f.outlet && m.outlet !== f.outlet) return false
    if (f.language && m.language !== f.language) return false
    if (f.tag && !this.tags.get(id)?.includes(f.tag)) return false
    if (f.collection && !this.collections.get(id)?.includes(f.collection)) return false
    return true
  }

  private run(clauses: Clause[], req: SearchRequest, snippets = true): SearchResponse {
    if (clauses.length === 0) return { total: 0, hits: [], error: null, terms: [] }
    const matched = new Set<string>()
    const scores = this.score(clauses, matched)
    // A phrase of stop words only ("to be or not to be") has nothing in the index to find it by:
    // when nothing else in the query does, candidates come from a scan of the stored texts.
    const positive = clauses.filter((c) => c.presence !== 'excluded')
    if (positive.length > 0 && positive.every((c) => c.kind === 'phrase' && c.terms.every(isStopWord))) {
      for (const id of this.scanForPhrases(positive)) scores.set(id, 1)
    }
    this.verifyPhrases(clauses, scores)
    let ids = [...scores.keys()].filter((id) => this.matchesFilters(id, req.filters ?? {}))
    const offset = req.offset ?? 0
    const limit = req.limit ?? 20
    if (req.sort === 'date') ids.sort((a, b) => (this.meta.get(b)!.publishedAt ?? '').localeCompare(this.meta.get(a)!.publishedAt ?? '') || b - a)
    else ids = topByScore(ids, scores, offset + limit)
    const total = ids.length
    const terms = [...matched]
    const hits: SearchHit[] = []
    for (const id of ids.slice(offset, offset + limit)) {
      const text = snippets ? this.store.text(id)?.text : ''
      // An article deleted since the last refresh is left out, not failed on.
      if (text === undefined) continue
      const snippet = snippets ? makeSnippet(text, clauses, terms) : { text: '', highlights: [] }
      hits.push({ id, ...this.meta.get(id)!, score: Math.round(scores.get(id)! * 1000) / 1000, snippet })
    }
    return { total, hits, error: null, terms }
  }

  /** Where a query's words are in one article's text, for highlighting in the reader. */
  locate(id: number, q: string): [number, number][] {
    let clauses: Clause[]
    try {
      clauses = parseQuery(q)
    } catch {
      return []
    }
    const row = this.store.text(id)
    return row ? highlightRanges(row.text, clauses, []) : []
  }
}
