/**
 * The conclusion of a comparison, in data: per article its share of content found elsewhere,
 * headline words, loaded words and who it names first and most; then, ranked, what each article
 * alone reports, the facts that disagree, the quotes carried, altered or left out, and whether the
 * articles seem to cover one story at all.
 */
import type { Comparison, Overview } from '../../../shared/contract'
import { copying, timeline } from './copying'
import { headlineWords, loadedWords, namedFirstAndMost, type Lexicon, LEXICON } from './framing'
import { terms } from './similarity'

/**
 * Two articles seem to cover different stories when all three are low: the share of words in aligned
 * sentences, the cosine of their content words (stemmed, stop words out) and the share of names
 * they both mention. Tuned on ../shared/corpus/coverage: no full-text BASIL group (50) and 8% of
 * the AllSides excerpt groups (252) fall below all three; 60% of pairs across groups do.
 */
export const APART = { share: 0.08, cosine: 0.22, names: 0.25 }
/** "Only here" sentences kept per article, best first. */
const ONLY_HERE_PER_ARTICLE = 10

type Core = Omit<Comparison, 'overview'>

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length

/** Share of an article's words whose sentences have a counterpart in at least one other article. */
function sharedShare(c: Core, a: number): number {
  const art = c.articles[a]!
  const shared = art.sentences.filter((s) => s.alignment !== 'only').reduce((n, s) => n + wordCount(s.text), 0)
  return Math.round((shared / (art.words || 1)) * 1000) / 1000
}

function termCosine(x: string, y: string): number {
  const tf = (t: string): Map<string, number> => {
    const m = new Map<string, number>()
    for (const w of terms(t)) m.set(w, (m.get(w) ?? 0) + 1)
    return m
  }
  const a = tf(x)
  const b = tf(y)
  let dot = 0
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0)
  const norm = (m: Map<string, number>): number => Math.sqrt([...m.values()].reduce((n, v) => n + v * v, 0))
  return dot / (norm(a) * norm(b) || 1)
}

/** Whether two articles (by position) share almost nothing: no aligned text, few words, few names. */
function apart(c: Core, texts: string[], a: number, b: number): boolean {
  if (Math.max(c.articles[a]!.sharedWith[b]!, c.articles[b]!.sharedWith[a]!) >= APART.share) return false
  const names = c.entities.filter((e) => e.kind !== 'number' && e.kind !== 'date')
  const inA = names.filter((e) => e.counts[a]! > 0).length
  const inB = names.filter((e) => e.counts[b]! > 0).length
  const both = names.filter((e) => e.counts[a]! > 0 && e.counts[b]! > 0).length
  if (both / (Math.min(inA, inB) || 1) >= APART.names) return false
  return termCosine(texts[a]!, texts[b]!) < APART.cosine
}

type Carry = 'quote' | 'number' | 'name'

/** "Only here" sentences, those carrying quotes, numbers and names first. */
function onlyHere(c: Core): Overview['onlyHere'] {
  const quoted = new Set(c.quotes.flatMap((q) => q.carriers.map((k) => `${k.article}:${k.sentence}`)))
  const lower = c.entities.map((e) => ({ kind: e.kind, text: e.text.toLowerCase() }))
  return c.articles.flatMap((art, a) =>
    art.sentences
      .filter((s) => s.alignment === 'only')
      .map((s) => {
        const t = s.text.toLowerCase()
        const found = lower.filter((e) => t.includes(e.text))
        const carries: Carry[] = []
        if (quoted.has(`${a}:${s.index}`)) carries.push('quote')
        if (found.some((e) => e.kind === 'number' || e.kind === 'date')) carries.push('number')
        const names = found.filter((e) => e.kind !== 'number' && e.kind !== 'date').length
        if (names) carries.push('name')
        const score = (carries.includes('quote') ? 3 : 0) + (carries.includes('number') ? 2 : 0) + Math.min(names, 2) + Math.min(wordCount(s.text) / 40, 1)
        return { article: a, sentence: s.index, text: s.text, carries, score: Math.round(score * 100) / 100 }
      })
      .sort((x, y) => y.score - x.score || x.sentence - y.sentence)
      .slice(0, ONLY_HERE_PER_ARTICLE)
  )
}

/** Each quote: carried verbatim by several articles, altered by some, or in one article only; and who leaves it out. */
function quoteStatus(c: Core): Overview['quotes'] {
  return c.quotes.map((q, i) => {
    const carriers = q.carriers.map((k) => k.article)
    const status = carriers.length === 1 ? ('only' as const) : q.carriers.every((k) => k.verbatim) ? ('shared' as const) : ('altered' as const)
    return { quote: i, status, carriers, missingFrom: c.articles.map((_, a) => a).filter((a) => !carriers.includes(a)) }
  })
}

export function buildOverview(c: Core, lexicon: Lexicon = LEXICON): Overview {
  const texts = c.articles.map((a) => a.sentences.map((s) => s.text).join('\n'))
  const headlines = headlineWords(c.articles.map((a) => a.title))
  const named = namedFirstAndMost(texts, c.entities)
  const articles = c.articles.map((art, a) => {
    return {
      article: a,
      shared: sharedShare(c, a),
      onlyHere: art.adds,
      headline: headlines[a]!,
      loaded: loadedWords(texts[a]!, lexicon),
      namesFirst: named[a]!.first,
      namesMost: named[a]!.most,
      apart: c.articles.length > 1 && c.articles.every((_, o) => o === a || apart(c, texts, a, o))
    }
  })
  return {
    articles,
    onlyHere: onlyHere(c),
    // A disagreement: both sides state a name, number or date there, and they differ (a drop is not one).
    disagreements: c.changes.filter((ch) => ch.inA.length > 0 && ch.inB.length > 0),
    quotes: quoteStatus(c),
    unrelated: c.articles.length > 1 && c.articles.every((_, a) => c.articles.every((__, b) => a === b || apart(c, texts, a, b))),
    timeline: timeline(c),
    copying: copying(c)
  }
}
