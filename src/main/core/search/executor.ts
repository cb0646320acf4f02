/**
 * The query executor over one segment's Lunr index: straight on its inverted index and field
 * vectors (Lunr's own BM25 weights), with Lunr's semantics. lunr.Index.query computes the same
 * set but builds a query vector, a similarity and a MatchData object per document and field: at
 * 10,000 articles that was most of a query's time for common words.
 */
import type lunr from 'lunr'
import { cannotMatch, expansions, idf, internals, segmentDf, type LunrInternals, type Posting, type Segment } from './expand'
import type { Clause } from './query'
import { isStopWord } from '../text/tokenize'

/**
 * What a query asks of a segment: groups of index terms, each matched in some fields with a
 * presence. A group holds one term, or the expansion of a prefix or fuzzy word (any of which
 * satisfies it). Phrases ask for each of their words (stop words are not indexed; the phrase
 * itself is checked against the text afterwards); an excluded phrase is left to that check.
 */
interface TermGroup {
  terms: string[]
  fields: string[] | null
  presence: 'required' | 'optional' | 'excluded'
}

export function termGroups(clauses: Clause[], expanded: Map<Clause, string[]>): TermGroup[] {
  const groups: TermGroup[] = []
  for (const c of clauses) {
    if (c.kind === 'phrase' && c.presence === 'excluded') continue
    const presence = c.kind === 'phrase' && c.presence === 'optional' ? 'required' : c.presence
    const fields = c.field ? [c.field] : null
    const expansion = expanded.get(c)
    if (expansion) groups.push({ terms: expansion, fields, presence })
    else for (const t of c.kind === 'phrase' ? c.terms.filter((x) => !isStopWord(x)) : c.terms) groups.push({ terms: [t], fields, presence })
  }
  return groups
}

/** A term to score, with the fields it is asked in and its idf re-scaling. */
interface WeightedTerm {
  t: string
  posting: Posting
  fields: string[]
  ratio: number
}

/** Executes term groups on one segment: its matches and their scores. */
class SegmentQuery {
  private readonly inverted: LunrInternals['invertedIndex']
  private readonly vectors: LunrInternals['fieldVectors']
  private readonly allFields: string[]

  constructor(
    private readonly seg: Segment,
    private readonly groups: TermGroup[],
    private readonly globalIdf: (t: string) => number,
    private readonly matched: Set<string>
  ) {
    const i = internals(seg.index)
    this.inverted = i.invertedIndex
    this.vectors = i.fieldVectors
    this.allFields = i.fields
  }

  private docsOf(g: TermGroup): Set<string> {
    const out = new Set<string>()
    for (const t of g.terms) {
      const posting = this.inverted[t]
      if (!posting) continue
      for (const f of g.fields ?? this.allFields) for (const ref in posting[f] ?? {}) out.add(ref)
    }
    return out
  }

  /**
   * Each term once, with the union of the fields it is asked in. Its weight is re-scaled by the
   * library-wide idf over the segment's, so scores from different segments compare.
   */
  private weightedTerms(): WeightedTerm[] {
    const weighted = new Map<string, Set<string>>()
    for (const g of this.groups) {
      if (g.presence === 'excluded') continue
      for (const t of g.terms) {
        if (!this.inverted[t]) continue
        const fields = weighted.get(t) ?? new Set<string>()
        for (const f of g.fields ?? this.allFields) fields.add(f)
        weighted.set(t, fields)
      }
    }
    return [...weighted].map(([t, fields]) => {
      const localIdf = idf(segmentDf(this.seg, t), this.seg.docCount)
      return { t, posting: this.inverted[t]!, fields: [...fields], ratio: localIdf > 0 ? this.globalIdf(t) / localIdf : 1 }
    })
  }

  private dropExcluded(refs: { delete(ref: string): unknown }): void {
    for (const g of this.groups) if (g.presence === 'excluded') for (const r of this.docsOf(g)) refs.delete(r)
  }

  run(): Map<string, number> {
    return this.groups.some((g) => g.presence === 'required') ? this.required() : this.optional()
  }

  /**
   * Optional words only (also related coverage's query): the matches are exactly the documents
   * in the terms' postings, so one walk over them finds and scores them together. A match whose
   * weights are all zero (a term in every document) still belongs in the results.
   */
  private optional(): Map<string, number> {
    const out = new Map<string, number>()
    const vectors = this.vectors
    for (const w of this.weightedTerms()) {
      for (const f of w.fields) {
        const docs = w.posting[f]
        if (!docs) continue
        for (const ref in docs) {
          this.matched.add(w.t)
          const vector = vectors[`${f}/${ref}`]
          out.set(ref, (out.get(ref) ?? 1e-9) + (vector ? vectorValue(vector.elements, w.posting._index) * w.ratio : 0))
        }
      }
    }
    this.dropExcluded(out)
    return out
  }

  /** Every required group matched, no excluded one; optional ones only add to the score. */
  private required(): Map<string, number> {
    const required = this.groups.filter((g) => g.presence === 'required').map((g) => this.docsOf(g))
    required.sort((a, b) => a.size - b.size)
    let candidates = required[0]!
    for (const other of required.slice(1)) candidates = new Set([...candidates].filter((r) => other.has(r)))
    this.dropExcluded(candidates)
    const terms = this.weightedTerms()
    const out = new Map<string, number>()
    for (const ref of candidates) {
      let score = 0
      for (const w of terms) {
        for (const f of w.fields) {
          if (!w.posting[f]?.[ref]) continue
          this.matched.add(w.t)
          const vector = this.vectors[`${f}/${ref}`]
          if (vector) score += vectorValue(vector.elements, w.posting._index) * w.ratio
        }
      }
      // A match whose weights are all zero (a term in every document) still belongs in the results.
      out.set(ref, score || 1e-9)
    }
    return out
  }
}

/** Runs a query's clauses on one segment; `matched` collects the index terms that matched. */
export function executeOn(seg: Segment, clauses: Clause[], globalIdf: (t: string) => number, matched: Set<string>): Map<string, number> {
  const expanded = expansions(seg, clauses)
  if (cannotMatch(expanded)) return new Map()
  return new SegmentQuery(seg, termGroups(clauses, expanded), globalIdf, matched).run()
}

/** The documents a query matches in one Lunr index, best first (compared with Lunr's own query in the tests). */
export function matchingRefs(index: lunr.Index, clauses: Clause[]): string[] {
  const seg: Segment = { id: 0, index, docCount: Object.keys(internals(index).fieldVectors).length }
  return [...executeOn(seg, clauses, () => 1, new Set())].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0])).map(([ref]) => ref)
}

/** Lunr vectors are [index, value, index, value, …] sorted by index. */
function vectorValue(elements: number[], index: number): number {
  let lo = 0
  let hi = elements.length / 2 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = elements[mid * 2]!
    if (at === index) return elements[mid * 2 + 1]!
    if (at < index) lo = mid + 1
    else hi = mid - 1
  }
  return 0
}

/**
 * The ids ranked by score (ties: newer id first), enough of them for the page asked; the rest
 * follow unranked (only their count is used). Selecting the top k of tens of thousands of
 * matches beats sorting them all.
 */
export function topByScore(ids: number[], scores: Map<number, number>, k: number): number[] {
  const better = (a: number, b: number): boolean => {
    const d = scores.get(a)! - scores.get(b)!
    return d > 0 || (d === 0 && a > b)
  }
  if (ids.length <= 4 * k) return ids.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
  // One pass with a small sorted buffer of the best k so far.
  const top: number[] = []
  for (const id of ids) {
    if (top.length === k && !better(id, top[k - 1]!)) continue
    let i = top.length === k ? k - 1 : top.length
    if (top.length === k) top.pop()
    while (i > 0 && better(id, top[i - 1]!)) i--
    top.splice(i, 0, id)
  }
  const inTop = new Set(top)
  return [...top, ...ids.filter((id) => !inTop.has(id))]
}
