/**
 * The query executor over one segment: straight on the query terms' postings, with Lunr's
 * semantics and Lunr's BM25 weights (scoring.ts). lunr.Index.query computes the same set but
 * builds a query vector, a similarity and a MatchData object per document and field.
 */
import type lunr from 'lunr'
import { cannotMatch, expansions } from './expand'
import { LunrSegment } from './lunr-segment'
import { FIELDS, type Clause, type Presence } from './query'
import { accumulate, keep, scoreCandidates, type Matches, type WeightedList } from './accumulate'
import { EMPTY, inside, intersect, outside, subtract, union, type DocSet } from './doc-sets'
import { rankTop } from './score-table'
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
  fields: WeightedList[]
}

/** Executes term groups on one segment: its matches and their scores. */
class SegmentQuery {
  constructor(
    private readonly seg: SegmentReader,
    private readonly groups: TermGroup[],
    private readonly scoring: Scoring,
    private readonly matched: Set<string>
  ) {}

  private docsOf(g: TermGroup): DocSet {
    const lists: Int32Array[] = []
    for (const t of g.terms) {
      const posting = this.seg.postings(t)
      if (!posting) continue
      for (const f of g.fields) {
        const fp = posting.fields[f]
        if (fp) lists.push(fp.docs)
      }
    }
    return union(lists)
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

  /** The excluded groups' documents (null: none excluded). */
  private excluded(): DocSet | null {
    const groups = this.groups.filter((g) => g.presence === 'excluded')
    return groups.length ? union(groups.map((g) => this.docsOf(g))) : null
  }

  run(): Matches {
    const out = this.groups.some((g) => g.presence === 'required') ? this.required() : this.optional()
    const allowed = this.filtered()
    return allowed ? keep(out, inside(out.docs, allowed)) : out
  }

  /**
   * The documents the filter clauses allow (null: no filter). A clause matches when all its
   * groups do (each word of outlet:"new york times"); clauses of one field are alternatives,
   * different fields all apply.
   */
  private filtered(): DocSet | null {
    const byField = new Map<string, DocSet[]>()
    for (const c of new Set(this.groups.filter((g) => g.presence === 'filter').map((g) => g.clause))) {
      const docs = intersect(this.groups.filter((g) => g.clause === c).map((g) => this.docsOf(g)))
      const field = c.field ?? ''
      byField.set(field, [...(byField.get(field) ?? []), docs])
    }
    return byField.size ? intersect([...byField.values()].map(union)) : null
  }

  /**
   * Optional words only (also related coverage's query): the matches are exactly the documents
   * in the terms' postings, so one walk over them finds and scores them together.
   */
  private optional(): Matches {
    const terms = this.weightedTerms()
    for (const w of terms) if (w.fields.length) this.matched.add(w.t)
    const out = accumulate(terms.flatMap((w) => w.fields))
    const excluded = this.excluded()
    return excluded ? keep(out, outside(out.docs, excluded)) : out
  }

  /** Every required group matched, no excluded one; optional ones only add to the score. */
  private required(): Matches {
    let candidates = intersect(this.groups.filter((g) => g.presence === 'required').map((g) => this.docsOf(g)))
    const excluded = this.excluded()
    if (excluded) candidates = subtract(candidates, excluded)
    const terms = this.weightedTerms()
    const lists = terms.flatMap((w) => w.fields)
    const { scores, hit } = scoreCandidates(candidates, lists)
    let k = 0
    for (const w of terms) for (let i = 0; i < w.fields.length; i++) if (hit[k++]) this.matched.add(w.t)
    return { docs: candidates, scores }
  }
}

/** Runs a query's clauses on one segment: its matches, ascending, with their scores; `matched` collects the index terms that matched. */
export function matchesIn(seg: SegmentReader, clauses: Clause[], scoring: Scoring, matched: Set<string>): Matches {
  const expanded = expansions(seg, clauses)
  if (cannotMatch(expanded)) return { docs: EMPTY, scores: new Float64Array(0) }
  return new SegmentQuery(seg, termGroups(clauses, expanded), scoring, matched).run()
}

/** As matchesIn, as a map from article to score. */
export function executeOn(seg: SegmentReader, clauses: Clause[], scoring: Scoring, matched: Set<string>): Map<number, number> {
  const { docs, scores } = matchesIn(seg, clauses, scoring, matched)
  return new Map(Array.from(docs, (d, i) => [d, scores[i]!]))
}

/** The documents a query matches in one Lunr index, best first (compared with Lunr's own query in the tests). */
export function matchingRefs(index: lunr.Index, clauses: Clause[]): string[] {
  const seg = new LunrSegment(index)
  return [...executeOn(seg, clauses, new Scoring([seg]), new Set())].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([ref]) => String(ref))
}

/** The ids ranked by score (ties: newer id first), the best k first (see rankTop), then the rest unranked. */
export function topByScore(ids: number[], scores: Map<number, number>, k: number): number[] {
  const top = rankTop(ids.length, (p) => ids[p]!, (p) => scores.get(ids[p]!)!, k).map((p) => ids[p]!)
  const inTop = new Set(top)
  return [...top, ...ids.filter((id) => !inTop.has(id))]
}
