/** Snippets and highlights, computed from the stored text for the results shown (no positions in the index). */
import type { Clause } from './query'
import { tokenize, type Token } from './tokenize'

const SNIPPET_WORDS = 36

/** A phrase as typed, matched in raw text: its words adjacent, separated by anything but letters or digits. */
export function phraseRegex(raw: string): RegExp {
  const words = raw.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
  // ASCII phrases take the fast path: no Unicode mode, plain word boundaries.
  if (words.every((w) => /^[A-Za-z0-9]+$/.test(w))) return new RegExp(`\\b${words.join('[^A-Za-z0-9\\u0080-\\uffff]+')}\\b`, 'i')
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu')
}

function matcher(clauses: Clause[], matchedTerms: string[]): (t: Token) => boolean {
  const exact = new Set<string>(matchedTerms)
  const prefixes: string[] = []
  for (const c of clauses) {
    if (c.presence === 'excluded' || c.field) continue
    if (c.kind === 'prefix') prefixes.push(c.terms[0]!)
    else if (c.kind !== 'fuzzy') c.terms.forEach((t) => exact.add(t))
  }
  return (t) => exact.has(t.term) || prefixes.some((p) => t.term.startsWith(p))
}

export function highlightRanges(text: string, clauses: Clause[], matchedTerms: string[]): [number, number][] {
  const hit = matcher(clauses, matchedTerms)
  return tokenize(text)
    .filter(hit)
    .map((t) => [t.start, t.end] as [number, number])
}

/** The window of the text with the most matches, with the matched words' ranges inside it. */
export function makeSnippet(text: string, clauses: Clause[], matchedTerms: string[]): { text: string; highlights: [number, number][] } {
  const tokens = tokenize(text)
  const hit = matcher(clauses, matchedTerms)
  const hits = tokens.map(hit)
  let best = 0
  let bestCount = -1
  let count = 0
  for (let i = 0; i < tokens.length; i++) {
    if (hits[i]) count++
    if (i >= SNIPPET_WORDS && hits[i - SNIPPET_WORDS]) count--
    if (count > bestCount) {
      bestCount = count
      best = Math.max(0, i - SNIPPET_WORDS + 1)
    }
  }
  // Start a few words before the first match in the window, for context.
  const firstHit = hits.indexOf(true, best)
  const startTok = firstHit >= 0 ? Math.max(0, Math.min(best, firstHit - 6)) : 0
  const endTok = Math.min(tokens.length - 1, startTok + SNIPPET_WORDS - 1)
  if (tokens.length === 0) return { text: text.slice(0, 200), highlights: [] }
  const start = startTok === 0 ? 0 : tokens[startTok]!.start
  const end = endTok >= tokens.length - 1 ? text.length : tokens[endTok]!.end
  const prefix = start > 0 ? '… ' : ''
  const suffix = end < text.length ? ' …' : ''
  const body = text.slice(start, end).replace(/\s+/g, ' ')
  // Offsets are recomputed on the whitespace-collapsed body.
  const highlights: [number, number][] = []
  for (const t of tokenize(body)) if (hit(t)) highlights.push([t.start + prefix.length, t.end + prefix.length])
  return { text: prefix + body + suffix, highlights }
}
