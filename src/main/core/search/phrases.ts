/**
 * Phrases checked from the index: a phrase matches an article when its indexed words are at
 * consecutive positions in one field (title or text, or the field it names), the stop words
 * between them counted as words and checked by what the places record beside each word
 * ("opened the bridge": `the` after opened, before bridge; 東京都: one run's bigrams, not
 * 東京、京都). That is the stored-text check it replaced, but for words only stemming or folding
 * makes equal (rates/rate, café/cafe), which a phrase now matches as a word does. A stop word
 * with no indexed word beside it in the phrase (`to` in "to the end", "to be") cannot be checked
 * so: the engine checks those phrases against the stored text, after this has narrowed the
 * candidates.
 */
import { FIELDS, type Clause } from './query'
import { keep, type Matches } from './accumulate'
import { findDoc, type TermPostings } from './postings'
import { adjacent, placesAt, type FieldPositions, type TermPositions } from './positions'
import type { SegmentReader } from './segment-reader'
import { isStopWord, JOINED, stopWordId, tokenize } from '../text/tokenize'

const UNFIELDED = [FIELDS.indexOf('title'), FIELDS.indexOf('text')]

/** Phrases the index can check: with an indexed word, and not a filter (outlet:"new york times" asks for its words in any order). */
export function positionalPhrases(clauses: readonly Clause[]): Clause[] {
  return clauses.filter((c) => c.kind === 'phrase' && c.presence !== 'filter' && c.terms.some((t) => !isStopWord(t)))
}

/** Whether a phrase holds a stop word with no indexed word beside it (then only the text can tell). */
export function needsText(phrase: Clause): boolean {
  const t = phrase.terms
  return t.some((term, j) => isStopWord(term) && (j === 0 || isStopWord(t[j - 1]!)) && (j === t.length - 1 || isStopWord(t[j + 1]!)))
}

/**
 * One indexed word of a phrase: its offset in the phrase, what must stand beside it (as indexTerms
 * records it; EDGE: the phrase ends there, anything but the same run's next bigram), its postings
 * and places.
 */
interface PhraseWord {
  gap: number
  before: number
  after: number
  postings: TermPostings | undefined
  positions: TermPositions | undefined
}

const EDGE = -1

function phraseWords(seg: SegmentReader, phrase: Clause): PhraseWord[] {
  const t = phrase.terms
  const tokens = tokenize(phrase.raw)
  const starts = tokens.length === t.length ? tokens.map((k) => k.start) : t.map((_, i) => i)
  const beside = (j: number, k: number): number => (k < 0 || k >= t.length ? EDGE : starts[j] === starts[k] ? JOINED : stopWordId(t[k]!))
  return t.flatMap((term, gap) =>
    isStopWord(term) ? [] : [{ gap, before: beside(gap, gap - 1), after: beside(gap, gap + 1), postings: seg.postings(term), positions: seg.positions?.(term) }]
  )
}

/** Whether what stands beside a place is what the phrase asks for. */
const fits = (wanted: number, found: number): boolean => (wanted === EDGE ? found !== JOINED : found === wanted)

/** The word's positions in one article's field that have the stop words the phrase puts beside it (null: not there). */
function positionsOf(w: PhraseWord, f: number, doc: number): number[] | null {
  const fp = w.postings?.fields[f]
  const at = fp ? findDoc(fp, doc) : -1
  const pos: FieldPositions | undefined = w.positions?.fields[f]
  if (at < 0 || !pos) return null
  const places = placesAt(pos, at, fp!.tf[at]!)
  const out: number[] = []
  for (let i = 0; i < places.length; i += 3) {
    if (fits(w.before, places[i + 1]!) && fits(w.after, places[i + 2]!)) out.push(places[i]!)
  }
  return out
}

/** Whether one article of the segment holds the phrase, adjacent and in order, in one of its fields. */
function holdsPhrase(seg: SegmentReader, phrase: Clause): (doc: number) => boolean {
  const words = phraseWords(seg, phrase)
  const fields = phrase.field ? [FIELDS.indexOf(phrase.field)] : UNFIELDED
  const gaps = words.map((w) => w.gap)
  return (doc) =>
    fields.some((f) => {
      const lists: number[][] = []
      for (const w of words) {
        const list = positionsOf(w, f, doc)
        if (!list?.length) return false
        lists.push(list)
      }
      return adjacent(lists, gaps)
    })
}

/**
 * Keeps the segment's matches that hold each required phrase and no excluded one, read from the
 * phrase words' places in this segment (never from the articles' texts). An excluded phrase the
 * places cannot settle (needsText) is left to the text check.
 */
export function keepPhrases(seg: SegmentReader, phrases: readonly Clause[], found: Matches): Matches {
  let m = found
  for (const phrase of phrases) {
    const excluded = phrase.presence === 'excluded'
    if (excluded && needsText(phrase)) continue
    const holds = holdsPhrase(seg, phrase)
    m = keep(m, Uint8Array.from(m.docs, (doc) => (holds(doc) === excluded ? 0 : 1)))
  }
  return m
}
