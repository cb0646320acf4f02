/** Snippets and highlights, computed from the stored text for the results shown (no positions in the index). */
import type { Clause } from './query'
import { tokenize, type Token } from '../text/tokenize'

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

/** Texts longer than this are probed for likely matches first, then only the best region tokenized. */
const PROBE_ABOVE = 1500
/** The region tokenized around the densest probe hits, in characters (a 36-word window is ~250). */
const REGION = 700

/**
 * A cheap pre-scan for long texts: a case-insensitive regex for the start of every word that can
 * match (a Porter stem is a prefix of its words but for its last letter: economi <- economy).
 * It may over-match; the region it picks is then tokenized and matched exactly. Null when a term
 * is not plain ASCII (folding and scripts make prefixes unreliable): the whole text is tokenized.
 */
function probeFor(clauses: Clause[], matchedTerms: string[]): RegExp | null {
  const stems = new Set<string>(matchedTerms)
  for (const c of clauses) if (c.presence !== 'excluded' && !c.field && c.kind !== 'fuzzy') c.terms.forEach((t) => stems.add(t))
  if (stems.size === 0 || [...stems].some((t) => !/^[a-z0-9]+$/.test(t))) return null
  const heads = [...stems].map((t) => (t.length > 3 ? t.slice(0, -1) : t))
  return new RegExp(`\\b(?:${heads.join('|')})`, 'gi')
}

/** The window of the text with the most matches, with the matched words' ranges inside it. */
export function makeSnippet(text: string, clauses: Clause[], matchedTerms: string[]): { text: string; highlights: [number, number][] } {
  const probe = text.length > PROBE_ABOVE ? probeFor(clauses, matchedTerms) : null
  if (probe) {
    const at: number[] = []
    for (const m of text.matchAll(probe)) if (at.push(m.index) >= 5000) break
    // The densest stretch of REGION / 2 characters, then a region around it on word boundaries.
    let best = at[0] ?? 0
    let bestCount = 0
    for (let i = 0, j = 0; i < at.length; i++) {
      while (at[i]! - at[j]! > REGION / 2) j++
      if (i - j + 1 > bestCount) {
        bestCount = i - j + 1
        best = at[j]!
      }
    }
    let from = Math.max(0, best - REGION / 4)
    let to = Math.min(text.length, from + REGION)
    if (from > 0) from = text.indexOf(' ', from) + 1 || from
    if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to
    const inner = snippetOf(text.slice(from, to), clauses, matchedTerms)
    const prefix = from > 0 && !inner.text.startsWith('… ') ? '… ' : ''
    const suffix = to < text.length && !inner.text.endsWith(' …') ? ' …' : ''
    return { text: prefix + inner.text + suffix, highlights: inner.highlights.map(([a, b]) => [a + prefix.length, b + prefix.length]) }
  }
  return snippetOf(text, clauses, matchedTerms)
}

function snippetOf(text: string, clauses: Clause[], matchedTerms: string[]): { text: string; highlights: [number, number][] } {
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
