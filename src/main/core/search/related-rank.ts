/**
 * The ranking behind related coverage, with work bounded whatever the library's size: it walks
 * only the query terms' postings (related.ts keeps those short, see MAX_TERM_POSTINGS) and
 * scores only the articles inside the date window, so a million-article library costs about what
 * a small one does. The scores are the search executor's for the same optional-words query
 * (Lunr's BM25 with library-wide statistics, summed term by term, field by field, as there).
 */
import { topByScore } from './executor'
import { findDoc, type TermPostings } from './postings'
import type { Scoring } from './scoring'
import type { SegmentReader } from './segment-reader'

/** One ranked article: its score and which of the query's terms it holds (indexes into the terms). */
export interface RankedArticle {
  id: number
  score: number
  holds: number[]
}

export interface RelatedRanking {
  /** The best articles, the article itself left out. */
  hits: RankedArticle[]
  /** The article's own score (null: the index does not hold it). */
  self: number | null
}

/** What to rank: the article, its query terms, and the articles allowed (null: all). */
export interface RelatedQuery {
  id: number
  terms: readonly string[]
  allowed: readonly number[] | null
  limit: number
}

/**
 * The allowed articles as a bitmap by id (the walk tests every posting: a hash lookup each cost
 * more than the rest). One buffer for every call, its bits cleared again after use: allocating and
 * zeroing one the size of the library per call grew with the library.
 */
let bits = new Uint8Array(0)

function withBitmap<T>(ids: readonly number[], fn: (allowed: Uint8Array) => T): T {
  let max = 0
  for (const id of ids) if (id > max) max = id
  if (bits.length <= max) bits = new Uint8Array(Math.max(max + 1, bits.length * 2))
  const mine = bits
  for (const id of ids) mine[id] = 1
  try {
    return fn(mine)
  } finally {
    for (const id of ids) mine[id] = 0
  }
}

/** Sums each allowed article's BM25 weights over the terms' postings, segment by segment; stale entries are another segment's. */
function accumulate(segments: readonly SegmentReader[], scoring: Scoring, q: RelatedQuery, allowed: Uint8Array | null): Map<number, number> {
  const scores = new Map<number, number>()
  for (const seg of segments) {
    for (const term of q.terms) {
      const posting = seg.postings(term)
      if (!posting) continue
      posting.fields.forEach((fp, f) => {
        if (!fp) return
        const weigh = scoring.weigher(term, f)
        for (let i = 0; i < fp.docs.length; i++) {
          const doc = fp.docs[i]!
          if ((allowed && allowed[doc] !== 1) || seg.isStale(doc)) continue
          // As the executor: a match whose weights are all zero still counts.
          scores.set(doc, (scores.get(doc) ?? 1e-9) + weigh(fp, i))
        }
      })
    }
  }
  return scores
}

/** Whether the segment's postings of a term hold an article, in any field. */
const holdsDoc = (posting: TermPostings | undefined, doc: number): boolean => !!posting && posting.fields.some((fp) => fp && findDoc(fp, doc) >= 0)

/** The query terms an article holds, in the segment that covers it. */
function termsHeld(segments: readonly SegmentReader[], terms: readonly string[], doc: number): number[] {
  const held: number[] = []
  terms.forEach((term, k) => {
    if (segments.some((seg) => !seg.isStale(doc) && holdsDoc(seg.postings(term), doc))) held.push(k)
  })
  return held
}

/** The articles that best match an article's terms among those allowed. */
export function rankRelated(segments: readonly SegmentReader[], scoring: Scoring, q: RelatedQuery): RelatedRanking {
  const scores = q.allowed ? withBitmap(q.allowed, (allowed) => accumulate(segments, scoring, q, allowed)) : accumulate(segments, scoring, q, null)
  const self = scores.get(q.id) ?? null
  scores.delete(q.id)
  const best = topByScore([...scores.keys()], scores, q.limit).slice(0, q.limit)
  return { self, hits: best.map((id) => ({ id, score: scores.get(id)!, holds: termsHeld(segments, q.terms, id) })) }
}
