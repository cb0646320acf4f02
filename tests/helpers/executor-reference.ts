/**
 * The query executor's semantics written per document, the slow and obvious way: for each article
 * holding any of the query's terms, whether it matches and its score, with the weights added in
 * the executor's order (term by first appearance, then field). The fast executor (typed-array
 * accumulators, galloping intersections) is held to this, bit for bit.
 */
import { cannotMatch, expansions } from '../../src/main/core/search/expand'
import { termGroups } from '../../src/main/core/search/executor'
import { findDoc } from '../../src/main/core/search/postings'
import type { Clause } from '../../src/main/core/search/query'
import type { Scoring } from '../../src/main/core/search/scoring'
import type { SegmentReader } from '../../src/main/core/search/segment-reader'

type Group = ReturnType<typeof termGroups>[number]

export function referenceScores(seg: SegmentReader, clauses: Clause[], scoring: Scoring, matched: Set<string>): Map<number, number> {
  const expanded = expansions(seg, clauses)
  if (cannotMatch(expanded)) return new Map()
  const groups = termGroups(clauses, expanded)
  const postings = new Map<string, ReturnType<SegmentReader['postings']>>()
  const posting = (t: string): ReturnType<SegmentReader['postings']> => {
    if (!postings.has(t)) postings.set(t, seg.postings(t))
    return postings.get(t)
  }
  const holds = (t: string, f: number, doc: number): number => {
    const fp = posting(t)?.fields[f]
    return fp ? findDoc(fp, doc) : -1
  }
  const inGroup = (g: Group, doc: number): boolean => g.terms.some((t) => g.fields.some((f) => holds(t, f, doc) >= 0))
  // The scored terms, each once, in order of first appearance, with the fields it is asked in.
  const scored = new Map<string, Set<number>>()
  for (const g of groups) if (g.presence === 'optional' || g.presence === 'required') for (const t of g.terms) scored.set(t, new Set([...(scored.get(t) ?? []), ...g.fields]))
  const requiredMode = groups.some((g) => g.presence === 'required')

  const universe = new Set<number>()
  for (const g of groups) for (const t of g.terms) for (const fp of posting(t)?.fields ?? []) for (const d of fp?.docs ?? []) universe.add(d)
  const out = new Map<number, number>()
  for (const doc of [...universe].sort((a, b) => a - b)) {
    if (requiredMode ? !groups.every((g) => g.presence !== 'required' || inGroup(g, doc)) : ![...scored].some(([t, fs]) => [...fs].some((f) => holds(t, f, doc) >= 0))) continue
    if (groups.some((g) => g.presence === 'excluded' && inGroup(g, doc))) continue
    let score = requiredMode ? 0 : 1e-9
    for (const [t, fs] of scored) {
      for (const f of [...fs].sort((a, b) => a - b)) {
        const i = holds(t, f, doc)
        if (i < 0) continue
        score += scoring.weigher(t, f)(posting(t)!.fields[f]!, i)
        matched.add(t)
      }
    }
    // Filters apply last: a candidate they drop has still matched its terms (as highlights count them).
    if (passesFilters(groups, doc, inGroup)) out.set(doc, requiredMode ? score || 1e-9 : score)
  }
  // Optional words match by their postings alone: a term counts as matched wherever it is asked.
  if (!requiredMode) for (const [t, fs] of scored) if ([...fs].some((f) => posting(t)?.fields[f])) matched.add(t)
  return out
}

/** Filter clauses: every group of a clause; any clause of a field; every field. */
function passesFilters(groups: Group[], doc: number, inGroup: (g: Group, doc: number) => boolean): boolean {
  const byField = new Map<string, boolean>()
  for (const c of new Set(groups.filter((g) => g.presence === 'filter').map((g) => g.clause))) {
    const ok = groups.filter((g) => g.clause === c).every((g) => inGroup(g, doc))
    byField.set(c.field ?? '', (byField.get(c.field ?? '') ?? false) || ok)
  }
  return [...byField.values()].every(Boolean)
}
