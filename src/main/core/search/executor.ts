/**
 * The query executor over one segment: straight on the query terms' postings, with Lunr's
 * semantics and Lunr's BM25 weights (scoring.ts). lunr.Index.query computes the same set but
 * builds a query vector, a similarity and a MatchData object per document and field.
 */
import type lunr from 'lunr'
import { cannotMatch, expansions } from './expand'
import { LunrSegment } from './lunr-segment'
import { FIELDS, type Clause, type Presence } from './query'
import { findDoc, type FieldPostings } from './postings'
import { Scoring } from './scoring'
import type { SegmentReader } from './segment-reader'
import { isStopWord } from '../text/tokenize'

/**
 * What a query asks of a segment: groups of index terms, each matched in some fields with a
 * presence. A group holds one term, or the expansion of a prefix or fuzzy word (any of which
 * satisfies it). Phrases ask for each of their words (stop words are not indexed; the phrase
 * itself is checked from the positions afterwards, phrases.ts); an excluded phrase is left to that check.
 */
interface TermGroup {
  terms: string[]
  /** Field numbers (FIELDS order). */
  fields: number[]
  presence: Presence
  /** The clause a filter group comes from: a filter clause matches when all its groups do. */
  clause: Clause
}

const ALL_FIELDS = FIELDS.map((_, i) => i)

export function termGroups(clauses: Clause[], expanded: Map<Clause, string[]>): TermGroup[] {
  const groups: TermGroup[] = []
  for (const c of clauses) {
    if (c.kind === 'phrase' && c.presence === 'excluded') continue
    const presence = c.kind === 'phrase' && c.presence === 'optional' ? 'required' : c.presence
    const fields = c.field ? [FIELDS.indexOf(c.field)] : ALL_FIELDS
    const expansion = expanded.get(c)
    if (expansion) groups.push({ terms: expansion, fields, presence, clause: c })
    else for (const t of c.kind === 'phrase' ? c.terms.filter((x) => !isStopWord(x)) : c.terms) groups.push({ terms: [t], fields, presence, clause: c })
  }
  return groups
}

/** A term to score: its postings in each field it is asked in, with that field's weigher. */
interface WeightedTerm {
  t: string
  fields: { fp: FieldPostings; weigh: (fp: FieldPostings, i: number) => number }[]
}

/** Executes term groups on one segment: its matches and their scores. */
class SegmentQuery {
  constructor(
    private readonly seg: SegmentReader,
    private readonly groups: TermGroup[],
    private readonly scoring: Scoring,
    private readonly matched: Set<string>
  ) {}

  private docsOf(g: TermGroup): Set<number> {
    const out = new Set<number>()
    for (const t of g.terms) {
      const posting = this.seg.postings(t)
      if (!posting) continue
      for (const f of g.fields) for (const doc of posting.fields[f]?.docs ?? []) out.add(doc)
    }
    return out
  }

  /** Each term once, with the union of the fields it is asked in. */
  private weightedTerms(): WeightedTerm[] {
    const weighted = new Map<string, Set<number>>()
    for (const g of this.groups) {
      if (g.presence === 'excluded' || g.presence === 'filter') continue
      for (const t of g.terms) {
        const fields = weighted.get(t) ?? new Set<number>()
        for (const f of g.fields) fields.add(f)
        weighted.set(t, fields)
      }
    }
    const out: WeightedTerm[] = []
    for (const [t, fields] of weighted) {
      const posting = this.seg.postings(t)
      if (!posting) continue
      const present = [...fields].filter((f) => posting.fields[f]).sort((a, b) => a - b)
      out.push({ t, fields: present.map((f) => ({ fp: posting.fields[f]!, weigh: this.scoring.weigher(t, f) })) })
    }
    return out
  }

  private dropExcluded(refs: { delete(ref: number): unknown }): void {
    for (const g of this.groups) if (g.presence === 'excluded') for (const r of this.docsOf(g)) refs.delete(r)
  }

  run(): Map<number, number> {
    const out = this.groups.some((g) => g.presence === 'required') ? this.required() : this.optional()
    const allowed = this.filtered()
    if (allowed) for (const ref of out.keys()) if (!allowed.has(ref)) out.delete(ref)
    return out
  }

  /**
   * The documents the filter clauses allow (null: no filter). A clause matches when all its
   * groups do (each word of outlet:"new york times"); clauses of one field are alternatives,
   * different fields all apply.
   */
  private filtered(): Set<number> | null {
    const byField = new Map<string, Set<number>>()
    for (const c of new Set(this.groups.filter((g) => g.presence === 'filter').map((g) => g.clause))) {
      const docs = intersect(this.groups.filter((g) => g.clause === c).map((g) => this.docsOf(g)))
      const field = c.field ?? ''
      byField.set(field, new Set([...(byField.get(field) ?? []), ...docs]))
    }
    return byField.size ? intersect([...byField.values()]) : null
  }

  /**
   * Optional words only (also related coverage's query): the matches are exactly the documents
   * in the terms' postings, so one walk over them finds and scores them together. A match whose
   * weights are all zero (a term in every document) still belongs in the results.
   */
  private optional(): Map<number, number> {
    const out = new Map<number, number>()
    for (const w of this.weightedTerms()) {
      if (w.fields.length) this.matched.add(w.t)
      for (const { fp, weigh } of w.fields) {
        for (let i = 0; i < fp.docs.length; i++) {
          const ref = fp.docs[i]!
          out.set(ref, (out.get(ref) ?? 1e-9) + weigh(fp, i))
        }
      }
    }
    this.dropExcluded(out)
    return out
  }

  /** Every required group matched, no excluded one; optional ones only add to the score. */
  private required(): Map<number, number> {
    const candidates = intersect(this.groups.filter((g) => g.presence === 'required').map((g) => this.docsOf(g)))
    this.dropExcluded(candidates)
    const terms = this.weightedTerms()
    const out = new Map<number, number>()
    for (const ref of candidates) {
      let score = 0
      for (const w of terms) {
        for (const { fp, weigh } of w.fields) {
          const i = findDoc(fp, ref)
          if (i < 0) continue
          this.matched.add(w.t)
          score += weigh(fp, i)
        }
      }
      // A match whose weights are all zero (a term in every document) still belongs in the results.
      out.set(ref, score || 1e-9)
    }
    return out
  }
}

/** Runs a query's clauses on one segment; `matched` collects the index terms that matched. */
export function executeOn(seg: SegmentReader, clauses: Clause[], scoring: Scoring, matched: Set<string>): Map<number, number> {
  const expanded = expansions(seg, clauses)
  if (cannotMatch(expanded)) return new Map()
  return new SegmentQuery(seg, termGroups(clauses, expanded), scoring, matched).run()
}

/** The documents a query matches in one Lunr index, best first (compared with Lunr's own query in the tests). */
export function matchingRefs(index: lunr.Index, clauses: Clause[]): string[] {
  const seg = new LunrSegment(index)
  return [...executeOn(seg, clauses, new Scoring([seg]), new Set())].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([ref]) => String(ref))
}

/** The documents in every set (smallest first, so the filtering is short). */
function intersect(sets: Set<number>[]): Set<number> {
  const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size)
  let out = new Set(smallest)
  for (const other of others) out = new Set([...out].filter((r) => other.has(r)))
  return out
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
