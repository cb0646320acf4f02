/**
 * The search engine behind one interface: the rest of the app asks for results and status
 * and never learns how it answers. `SearchIndex` reads the segments of one library from disk on
 * demand (segment-reader.ts): at start it reads only the segments' headers and the pending
 * articles, and a query reads the postings of its own terms, through a bounded cache. It runs in
 * the search worker in the app, in-process in the CLI and tests.
 */
import type Database from 'better-sqlite3'
import { matchesIn } from './executor'
import { searchStore, type FieldsRow, type SearchFilters, type SearchStore } from './persistence'
import { PostingsBuilder } from './postings-builder'
import { parseQuery, QuerySyntaxError, type Clause } from './query'
import { related, type Related, type RelatedSource } from './related'
import { ScoreTable } from './score-table'
import { Scoring } from './scoring'
import { DiskSegment, MemorySegment, postingsCache, type PostingsCache, type SegmentReader } from './segment-reader'
import { readHeader, segmentStore, type SegmentStore } from './segment-store'
import { keepPhrases, needsText, positionalPhrases } from './phrases'
import { outLinks, stories, type OutLinks } from './story-links'
import { highlightRanges, makeSnippet, phraseRegex } from './snippet'
import { isStopWord } from '../text/tokenize'

/** Re-exported for the tests and benchmarks that reach the executor through the engine. */
export { matchingRefs, topByScore } from './executor'
export type { SearchFilters } from './persistence'

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
  private disk = new Map<number, DiskSegment>()
  private pending: MemorySegment | null = null
  private pendingCount = 0
  private pendingIds: number[] = []
  private maxPending = MAX_IN_MEMORY_PENDING
  private documents = 0
  /** The library's data version when the segment list was read (another connection's commit changes it). */
  private version = -1
  private readonly cache: PostingsCache = postingsCache()
  private readonly store: SearchStore
  private readonly segments: SegmentStore
  private readonly relatedSource: RelatedSource

  constructor(db: Database.Database) {
    this.store = searchStore(db)
    this.segments = segmentStore(db)
    this.relatedSource = {
      text: (id) => this.store.text(id),
      scoring: () => new Scoring(this.readers()),
      articleIds: () => this.store.articleIds(),
      publishedAt: (id) => this.store.publishedAt(id),
      segments: () => this.readers(),
      window: (from, to) => this.store.window(from, to)
    }
  }

  /**
   * Brings the index in line with the database, in one snapshot (the builder may merge and delete
   * segments meanwhile): the segment list and what each no longer covers, and the pending
   * articles, indexed in memory.
   */
  refresh(options: RefreshOptions = {}): void {
    this.maxPending = options.allPendingInMemory ? Infinity : MAX_IN_MEMORY_PENDING
    this.store.snapshot(() => {
      this.loadSegments()
      this.loadPending(true)
      this.documents = this.store.articleCount()
    })
  }

  /**
   * The pending articles, indexed in memory (re-read when `always`, or when which articles are
   * pending changed: an article edited since is stale in its segment and must be found here).
   */
  private loadPending(always: boolean): void {
    this.pendingCount = this.store.pendingCount()
    const ids = this.pendingCount <= this.maxPending ? this.store.pendingIds() : []
    if (!always && sameIds(ids, this.pendingIds)) return
    this.pendingIds = ids
    const built = new PostingsBuilder()
    for (const d of this.store.docs(ids)) built.add(d)
    this.pending = built.docCount ? new MemorySegment(built) : null
  }

  /** Segment headers and stale articles: a few small reads, whatever the library's size. */
  private loadSegments(): void {
    this.version = this.store.dataVersion()
    const stale = this.segments.stale()
    const next = new Map<number, DiskSegment>()
    for (const row of this.segments.ready()) {
      const header = readHeader(row)
      // A broken segment is left out until the builder's check discards and rebuilds it.
      if (!header) continue
      const seg = this.disk.get(row.id) ?? new DiskSegment(row.id, row.doc_count, header.lengths, new Set(), this.segments, this.cache)
      seg.stale = stale.get(row.id) ?? new Set()
      next.set(row.id, seg)
    }
    this.disk = next
  }

  /**
   * Inside a snapshot: the segments and pending articles as of that snapshot, if another
   * connection changed them (a segment read lazily must still exist; a stale entry must be
   * answered by the pending articles).
   */
  private sync(): void {
    if (this.store.dataVersion() === this.version) return
    this.loadSegments()
    this.loadPending(false)
  }

  status(): SearchStatus {
    return {
      state: this.pendingCount > this.maxPending ? 'indexing' : 'ready',
      documents: this.documents,
      segments: this.disk.size,
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
    return this.store.snapshot(() => {
      this.sync()
      return this.run(clauses, req, !req.idsOnly)
    })
  }

  /** Articles about the same story (see related.ts). */
  related(id: number, limit: number, windowDays = 14, terms = 8): Related[] {
    return this.store.snapshot(() => {
      this.sync()
      return related(this.relatedSource, id, limit, windowDays, terms)
    })
  }

  /** The library grouped into stories from scratch (see story-links.ts). */
  stories(): number[][] {
    return this.store.snapshot(() => {
      this.sync()
      return stories(this.relatedSource)
    })
  }

  /**
   * The story out-links of these articles (see story-links.ts), in one snapshot. Articles the
   * index does not hold yet (beyond the pending ones it indexes in memory) are returned as not
   * indexed, to be asked again once the builder has them.
   */
  storyLinks(ids: readonly number[]): StoryLinks {
    return this.store.snapshot(() => {
      this.sync()
      const indexed = ids.filter((id) => this.indexes(id))
      return { links: indexed.map((id) => outLinks(this.relatedSource, id)), notIndexed: ids.filter((id) => !this.indexes(id)) }
    })
  }

  /** Whether the index holds the article now: in a segment, or pending and indexed in memory. */
  private indexes(id: number): boolean {
    const segmentId = this.store.segmentOf(id)
    if (segmentId === undefined) return false
    return segmentId === 0 ? this.pending !== null && this.pendingIds.includes(id) : this.disk.has(segmentId)
  }

  private readers(): SegmentReader[] {
    return [...(this.pending ? [this.pending] : []), ...this.disk.values()]
  }

  /** Scores of the articles the clauses match, over every segment, with library-wide statistics. */
  private score(clauses: Clause[], matched: Set<string>): ScoreTable {
    const all = this.readers()
    const scoring = new Scoring(all)
    const scores = new ScoreTable()
    const phrases = positionalPhrases(clauses)
    // Deleted since (a tombstone), or re-indexed elsewhere since (edited, merged): not this segment's to answer.
    for (const seg of all) scores.add(keepPhrases(seg, phrases, matchesIn(seg, clauses, scoring, matched)), (id) => seg.isStale(id))
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
    return this.store.scan(conditions)
  }

  /**
   * Keeps the candidates whose stored text (or field) holds each phrase the index's places cannot
   * settle (stop words with no indexed word beside them, phrases.ts), adjacent and in order.
   */
  private verifyPhrases(clauses: Clause[], scores: ScoreTable): void {
    // A filter phrase (outlet:"new york times") asks for its words in the field, in any order: not checked here.
    const phrases = clauses
      .filter((c) => c.kind === 'phrase' && c.presence !== 'filter' && needsText(c))
      .map((p) => ({ p, re: phraseRegex(p.raw) }))
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
    if (hasFilters(req.filters)) scores.retain(this.store.filter(scores.keys(), req.filters))
    const offset = req.offset ?? 0
    const limit = req.limit ?? 20
    let ids: number[]
    if (req.sort === 'date') {
      ids = scores.keys()
      const dates = this.store.dates(ids)
      ids.sort((a, b) => (dates.get(b) ?? '').localeCompare(dates.get(a) ?? '') || b - a)
    } else ids = scores.top(offset + limit) // the count is all the rest is needed for
    const total = scores.size
    const terms = [...matched]
    const page = ids.slice(offset, offset + limit)
    const pageScores = scores.scoresOf(page)
    const hits: SearchHit[] = []
    for (const id of page) {
      const meta = this.store.meta(id)
      const text = snippets ? this.store.text(id)?.text : ''
      // An article deleted since the last refresh is left out, not failed on.
      if (!meta || text === undefined) continue
      const snippet = snippets ? makeSnippet(text, clauses, terms) : { text: '', highlights: [] }
      hits.push({ id, ...meta, score: Math.round(pageScores.get(id)! * 1000) / 1000, snippet })
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

function hasFilters(f: SearchFilters | undefined): f is SearchFilters {
  return !!f && Object.values(f).some((v) => v !== undefined && v !== '' && v !== null)
}

function sameIds(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
