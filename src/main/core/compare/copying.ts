/**
 * Who published first and who repeats whom: the compared articles on a timeline by publication
 * time, and for each pair the long passages they share (runs of verbatim or lightly reworded
 * sentences of at least RUN_WORDS words), oriented from the earlier article to the later one.
 * Long shared runs are what wire copy and churnalism leave behind; a shared sentence here and
 * there is only two reporters covering the same event.
 */
import { publicationTime } from '../../../shared/compare-text'
import type { Comparison, Overview } from '../../../shared/contract'
export { publicationTime }

/** A shared passage counts as copied text from this many words on (about two sentences of news prose). */
export const RUN_WORDS = 25
/** Aligned sentences this similar (cosine of stemmed content words) or closer are "lightly reworded". */
export const LIGHT_REWORDING = 0.7

type Core = Pick<Comparison, 'articles' | 'pairs'>
type Timeline = Overview['timeline']
type Copying = Overview['copying']

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length
/** The articles by publication time (those without one last, in their order), with hours after the first. */
export function timeline(c: Pick<Comparison, 'articles'>): Timeline {
  const times = c.articles.map((a) => publicationTime(a.publishedAt))
  const first = Math.min(...times.flatMap((t) => (t ? [t.at] : [])))
  return c.articles
    .map((a, article) => {
      const t = times[article]
      return { article, publishedAt: a.publishedAt, hasTime: t?.hasTime ?? false, hoursAfterFirst: t ? Math.round(((t.at - first) / 3_600_000) * 10) / 10 : null }
    })
    .sort((x, y) => (x.hoursAfterFirst ?? Infinity) - (y.hoursAfterFirst ?? Infinity) || x.article - y.article)
}

interface Link {
  sentencesA: number[]
  sentencesB: number[]
}

/**
 * Runs of close links between two articles: links that follow each other in both articles
 * (the next sentences on both sides, one skipped sentence allowed on each).
 */
function runs<L extends Link>(links: L[]): L[][] {
  const sorted = [...links].sort((x, y) => x.sentencesA[0]! - y.sentencesA[0]!)
  const out: L[][] = []
  for (const l of sorted) {
    const run = out.at(-1)
    const prev = run?.at(-1)
    const follows = prev && l.sentencesA[0]! - prev.sentencesA.at(-1)! <= 2 && l.sentencesB[0]! - prev.sentencesB.at(-1)! >= 1 && l.sentencesB[0]! - prev.sentencesB.at(-1)! <= 2
    if (run && follows) run.push(l)
    else out.push([l])
  }
  return out
}

/** The long passages two articles share, as seen from article `a`: words, sentences, paragraphs, and whether all verbatim. */
function sharedPassages(c: Core, a: number, b: number): { words: number; sentences: number; paragraphs: number; verbatim: boolean } | null {
  const close = c.pairs.filter((p) => p.a === a && p.b === b && (p.alignment === 'same' || p.similarity >= LIGHT_REWORDING))
  const sentences = c.articles[a]!.sentences
  const long = runs(close)
    .map((run) => ({ run, n: run.flatMap((l) => l.sentencesA).reduce((n, i) => n + words(sentences[i]!.text), 0) }))
    .filter((r) => r.n >= RUN_WORDS)
  if (long.length === 0) return null
  const links = long.flatMap((r) => r.run)
  const idx = links.flatMap((l) => l.sentencesA)
  return {
    words: long.reduce((n, r) => n + r.n, 0),
    sentences: idx.length,
    paragraphs: new Set(idx.map((i) => sentences[i]!.paragraph)).size,
    verbatim: links.every((l) => l.alignment === 'same')
  }
}

/**
 * For each pair of articles with long shared passages: which came first (by publication time,
 * `order` says when it cannot tell) and how much of the earlier one the later one repeats.
 */
export function copying(c: Core): Copying {
  const times = c.articles.map((a) => publicationTime(a.publishedAt))
  const out: Copying = []
  for (let a = 0; a < c.articles.length; a++) {
    for (let b = a + 1; b < c.articles.length; b++) {
      const ta = times[a]
      const tb = times[b]
      const known = ta && tb && ta.at !== tb.at
      const [earlier, later] = known && tb.at < ta.at ? [b, a] : [a, b]
      // Seen from the earlier article: how much of it the later one carries.
      const shared = earlier === a ? sharedPassages(c, a, b) : sharedPassagesFromB(c, a, b)
      if (!shared) continue
      const hours = ta && tb ? Math.round((Math.abs(tb.at - ta.at) / 3_600_000) * 10) / 10 : null
      const order = !ta || !tb ? ('unknown' as const) : ta.at === tb.at ? ('same-time' as const) : ('known' as const)
      out.push({ earlier, later, ...shared, hoursApart: hours, hoursKnown: Boolean(ta?.hasTime && tb?.hasTime), order })
    }
  }
  return out.sort((x, y) => y.words - x.words)
}

/** Pairs run from the lower position to the higher; read from b's side by swapping them. */
function sharedPassagesFromB(c: Core, a: number, b: number): ReturnType<typeof sharedPassages> {
  const swapped = c.pairs.filter((p) => p.a === a && p.b === b).map((p) => ({ ...p, a: b, b: a, sentencesA: p.sentencesB, sentencesB: p.sentencesA }))
  return sharedPassages({ articles: c.articles, pairs: swapped }, b, a)
}
