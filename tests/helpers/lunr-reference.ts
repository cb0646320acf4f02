/** Lunr's own query (lunr.Index.query) over the same clauses: the reference the search executor is tested against. */
import lunr from 'lunr'
import { cannotMatch, expansions, type Segment } from '../../src/main/core/search/expand'
import type { Clause } from '../../src/main/core/search/query'
import { isStopWord } from '../../src/main/core/text/tokenize'

export function lunrMatchingRefs(index: lunr.Index, clauses: Clause[]): string[] {
  const seg: Segment = { id: 0, index, docCount: 0 }
  const expanded = expansions(seg, clauses)
  if (cannotMatch(expanded)) return []
  const required = [...expanded].filter(([c]) => c.presence === 'required').map(([, terms]) => terms)
  return index
    .query((q) => addClauses(q, clauses, expanded))
    .filter((r) => !required.some((terms) => !terms.some((t) => t in r.matchData.metadata)))
    .map((r) => r.ref)
}

function addClauses(q: lunr.Query, clauses: Clause[], expanded: Map<Clause, string[]>): void {
  for (const c of clauses) {
    const presence =
      c.presence === 'excluded' ? lunr.Query.presence.PROHIBITED : c.presence === 'required' || c.kind === 'phrase' ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL
    // An excluded phrase is checked against the text afterwards; Lunr would exclude its words one by one.
    if (c.kind === 'phrase' && c.presence === 'excluded') continue
    // Lunr tests `'fields' in clause`: the key must be absent, never undefined.
    const fields = c.field ? { fields: [c.field] } : {}
    // Stop words are not in the index; a phrase's stop words are checked against the text afterwards.
    const terms = expanded.get(c) ?? (c.kind === 'phrase' ? c.terms.filter((t) => !isStopWord(t)) : c.terms)
    // A required expansion matches if any of its terms does (checked after the query).
    const each = expanded.has(c) && presence === lunr.Query.presence.REQUIRED ? lunr.Query.presence.OPTIONAL : presence
    for (const term of terms) q.term(term, { ...fields, presence: each, usePipeline: false, wildcard: lunr.Query.wildcard.NONE })
  }
}
