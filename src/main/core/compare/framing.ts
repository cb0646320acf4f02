/**
 * Framing and word choice across the articles of a comparison: the words each headline adds to or
 * drops from the others; the evaluative and loaded words each article uses in its own voice
 * (outside direct quotations), from the lexicon in lexicon/loaded-words.json; and which people and
 * organisations each article names first and most.
 */
import defaultLexicon from './lexicon/loaded-words.json'
import { fold } from './fold'
import { terms } from './similarity'

export type LexiconCategory = 'neutral-attribution' | 'loaded-attribution' | 'intensifier' | 'label'

export interface Lexicon {
  about: string
  source: string
  categories: Record<LexiconCategory, { description: string; terms: string[] }>
}

export const LEXICON = defaultLexicon

export interface HeadlineWords {
  /** Words of this headline no other headline has. */
  adds: string[]
  /** Words most other headlines share that this one leaves out. */
  drops: string[]
}

export interface LoadedWord {
  term: string
  category: LexiconCategory
  count: number
}

/** Headline words each article adds and drops against the others (compared as stemmed content words). */
export function headlineWords(titles: string[]): HeadlineWords[] {
  const sets = titles.map((t) => {
    const surface = new Map<string, string>()
    // Words as written (`U.S.-Mexico`, `$8B`), compared by their stems.
    for (const w of t.split(/\s+/).map((x) => x.replace(/^[^\p{L}\p{N}$€£]+|[^\p{L}\p{N}]+$/gu, '')).filter((x) => /[\p{L}\p{N}]/u.test(x))) {
      const stem = terms(w).join(' ')
      if (stem && !surface.has(stem)) surface.set(stem, w)
    }
    return surface
  })
  return sets.map((own, i) => {
    const others = sets.filter((_, j) => j !== i)
    const adds = [...own].filter(([stem]) => !others.some((o) => o.has(stem))).map(([, w]) => w)
    const inOthers = new Map<string, { word: string; n: number }>()
    for (const o of others) for (const [stem, w] of o) inOthers.set(stem, { word: inOthers.get(stem)?.word ?? w, n: (inOthers.get(stem)?.n ?? 0) + 1 })
    const drops = [...inOthers]
      .filter(([stem, { n }]) => !own.has(stem) && n * 2 >= others.length)
      .map(([, { word }]) => word)
    return { adds, drops }
  })
}

/** Text outside direct quotations: the outlet's own words. */
export function ownVoice(text: string): string {
  return text.replace(/“[^”]*”|"[^"\n]*"|«[^»]*»|„[^“”]*[“”]/g, ' ')
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Compiled once per lexicon: one alternation per category, longest terms first. */
const compiled = new WeakMap<Lexicon, [LexiconCategory, RegExp][]>()
function patterns(lexicon: Lexicon): [LexiconCategory, RegExp][] {
  let p = compiled.get(lexicon)
  if (!p) {
    p = (Object.keys(lexicon.categories) as LexiconCategory[]).map((c) => {
      const ts = [...lexicon.categories[c].terms].sort((a, b) => b.length - a.length).map((t) => escape(fold(t).toLowerCase()))
      return [c, new RegExp(`(?<![\\p{L}\\p{N}-])(?:${ts.join('|')})(?![\\p{L}\\p{N}-])`, 'gu')]
    })
    compiled.set(lexicon, p)
  }
  return p
}

/** The lexicon's words in an article's own voice, most frequent first. */
export function loadedWords(text: string, lexicon: Lexicon = LEXICON): LoadedWord[] {
  const own = fold(ownVoice(text)).toLowerCase()
  const out: LoadedWord[] = []
  for (const [category, re] of patterns(lexicon)) {
    const counts = new Map<string, number>()
    for (const m of own.matchAll(re)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1)
    for (const [term, count] of counts) out.push({ term, category, count })
  }
  return out.sort((x, y) => y.count - x.count || x.term.localeCompare(y.term))
}

export interface NamedFirst {
  /** People and organisations in the order the article first names them (at most five). */
  first: string[]
  /** The ones it names most, with their mentions (at most five). */
  most: { text: string; count: number }[]
}

/**
 * Who each article puts first and most: `entities` are the comparison's people and organisations
 * with their mentions per article; the first mention is found in each article's text.
 */
export function namedFirstAndMost(texts: string[], entities: { kind: string; text: string; counts: number[] }[]): NamedFirst[] {
  const named = entities.filter((e) => e.kind === 'person' || e.kind === 'organization' || e.kind === 'name')
  // A surname alone (Trump) is the person named in full (Donald Trump): one row, under the full name.
  const full = (e: { text: string }): { text: string } | undefined => (e.text.includes(' ') ? undefined : named.find((o) => o.text.endsWith(` ${e.text}`)))
  const actors = named
    .filter((e) => !full(e))
    .map((e) => {
      const parts = named.filter((o) => o === e || full(o) === e)
      return { text: e.text, counts: texts.map((_, a) => Math.max(...parts.map((o) => o.counts[a] ?? 0))) }
    })
  return texts.map((text, a) => {
    const mine = actors.filter((e) => (e.counts[a] ?? 0) > 0)
    const at = (e: { text: string }): number => {
      // First mention of the full name or of its surname.
      const last = e.text.split(' ').at(-1)!
      const m = new RegExp(`(?<![\\p{L}])(?:${escape(e.text)}|${escape(last)})(?![\\p{L}])`, 'u').exec(text)
      return m ? m.index : Infinity
    }
    const first = [...mine].sort((x, y) => at(x) - at(y)).slice(0, 5).map((e) => e.text)
    const most = [...mine]
      .sort((x, y) => y.counts[a]! - x.counts[a]! || at(x) - at(y))
      .slice(0, 5)
      .map((e) => ({ text: e.text, count: e.counts[a]! }))
    return { first, most }
  })
}
