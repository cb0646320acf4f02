/**
 * The words a comparison is told in, shared by the comparison view and the reports so both say the
 * same thing: names that tell articles apart, column headers, the timeline and copying sentences.
 * Plain text only; the caller escapes or renders it as text.
 */
import type { Comparison } from './contract'

type Articles = Pick<Comparison, 'articles'>
type Copy = Comparison['overview']['copying'][number]

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A publication time in milliseconds, and whether it knows the hour (a bare date does not). */
export function publicationTime(iso: string | null): { at: number; hasTime: boolean } | null {
  if (!iso) return null
  const dateOnly = DATE_ONLY.test(iso)
  const at = Date.parse(dateOnly ? `${iso}T00:00:00Z` : iso)
  return Number.isNaN(at) ? null : { at, hasTime: !dateOnly }
}

/** The articles that published first among several dated ones (none when all share one time). */
export function firstPublished(articles: { id: number; publishedAt: string | null }[]): Set<number> {
  const dated = articles.flatMap((a) => {
    const t = publicationTime(a.publishedAt)
    return t ? [{ id: a.id, at: t.at }] : []
  })
  const first = Math.min(...dated.map((d) => d.at))
  const firsts = dated.filter((d) => d.at === first)
  return new Set(firsts.length < dated.length ? firsts.map((d) => d.id) : [])
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2025-03-04…` -> `4 Mar 2025` (the date as written, no time zone shift). */
export function shortDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : ''
}

/** A headline cut to its first words. */
export function shortHeadline(title: string, words = 5): string {
  const w = title.split(/\s+/).filter(Boolean)
  return w.length <= words ? w.join(' ') : `${w.slice(0, words).join(' ')}…`
}

/**
 * One name per article: its outlet, or "Article 2" without one; an outlet that appears twice gets
 * its date, and its short headline if the date does not tell them apart either.
 */
export function articleLabels(c: Articles): string[] {
  const base = c.articles.map((a, i) => a.outlet?.trim() || `Article ${i + 1}`)
  const count = (xs: string[], x: string): number => xs.filter((y) => y === x).length
  const dated = base.map((b, i) => (count(base, b) > 1 ? [b, shortDate(c.articles[i]!.publishedAt)].filter(Boolean).join(', ') : b))
  return dated.map((d, i) => (count(dated, d) > 1 ? `${d}: “${shortHeadline(c.articles[i]!.title)}”` : d))
}

const pct = (x: number): string => `${Math.round(x * 100)}%`

/** Column header lines: "shares 16% of its text with HuffPost", one per other article. */
export function sharesLines(c: Articles, i: number, labels = articleLabels(c)): string[] {
  return c.articles[i]!.sharedWith.flatMap((s, j) => (j === i ? [] : [`shares ${pct(s)} of its text with ${labels[j]}`]))
}

/** "14 h", "2 days", "40 min": a time apart, in hours when known, else in days. */
export function hoursApart(h: number, hoursKnown: boolean): string {
  if (!hoursKnown) {
    const d = Math.round(h / 24)
    return d === 0 ? 'the same day' : `${d} day${d === 1 ? '' : 's'}`
  }
  if (h < 1) return `${Math.round(h * 60)} min`
  return h < 48 ? `${Math.round(h)} h` : `${Math.round(h / 24)} days`
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`

/**
 * "HuffPost repeats 3 paragraphs (84 words) of The New York Times verbatim, published 14 h later";
 * without a known order it says so instead of guessing.
 */
export function copyingSentence(k: Copy, labels: string[]): string {
  const amount = `${plural(k.paragraphs, 'paragraph')} (${plural(k.words, 'word')})`
  const how = k.verbatim ? 'verbatim' : 'verbatim or lightly reworded'
  const [first, then] = [labels[k.earlier]!, labels[k.later]!]
  if (k.order === 'unknown') return `${first} and ${then} share ${amount}, ${how}; which came first is unknown (a publication date is missing)`
  if (k.order === 'same-time') return `${first} and ${then} share ${amount}, ${how}, published at the same time`
  const gap = hoursApart(k.hoursApart ?? 0, k.hoursKnown)
  const when = gap === 'the same day' ? 'published the same day' : `published ${gap} later`
  return `${then} repeats ${amount} of ${first} ${how}, ${when}`
}

/** A timeline entry's offset: "first", "+14 h", "+2 days", "no date" (in hours when it and the first both know theirs). */
export function timelineOffset(t: Comparison['overview']['timeline'][number], firstHasTime: boolean, position = 0): string {
  if (t.hoursAfterFirst === null) return 'no date'
  // Several published at the first time: one is "first", the others "same day" (or "same time").
  if (t.hoursAfterFirst === 0) return position === 0 ? 'first' : firstHasTime && t.hasTime ? 'same time' : 'same day'
  const gap = hoursApart(t.hoursAfterFirst, firstHasTime && t.hasTime)
  return gap === 'the same day' ? 'same day' : `+${gap}`
}
