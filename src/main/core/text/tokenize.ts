/**
 * The search text pipeline, the same for indexing, querying, phrases and highlights:
 * words in any script (letters, digits, combining marks), NFKC-normalised and case-folded,
 * diacritics folded (café = cafe), possessives and abbreviations handled (Blair's -> blair,
 * U.S. -> us), Chinese/Japanese runs split into character bigrams, English stemming for Latin
 * words only. Registered with Lunr so that saved indexes load again.
 */
import lunr from 'lunr'

export interface Token {
  /** Normalised, stemmed term as indexed. */
  term: string
  start: number
  end: number
}

/**
 * Words longer than this (in code points) are no words: like Elasticsearch's max_token_length,
 * a longer run is cut here. Bounded quantifiers also keep the regex's backtracking bounded, which
 * an unbounded `+` over a 49 MB run of letters is not (it overflowed the stack).
 */
export const MAX_TOKEN_LENGTH = 128
const WORD = /[\p{L}\p{N}\p{M}]{1,128}(?:['’.][\p{L}\p{N}\p{M}]{1,128}){0,16}['’.]?/gu
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const RUN_END = /[^\p{L}\p{N}\p{M}]/gu
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const LATIN_ONLY = /^[a-z]+$/

/** Stop words: not indexed; their number (1…) is stored beside their neighbours' positions, so append only, never reorder. */
const STOP_LIST = 'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with he she his her him we you i has have had were been its our'.split(' ')
const STOP = new Set(STOP_LIST)
const STOP_ID = new Map(STOP_LIST.map((w, i) => [w, i + 1]))

/** Case, width, compatibility forms and diacritics folded; possessive and abbreviation dots removed. */
export function normalize(raw: string): string {
  let w = raw.normalize('NFKC').toLowerCase()
  w = w.replace(/['’]s$/u, '').replace(/['’.]$/u, '')
  if (/^(?:\p{L}\.)+\p{L}$/u.test(w)) w = w.replace(/\./g, '') // u.s -> us, u.k -> uk
  w = w.replace(/['’.]/gu, '')
  return w.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC')
}

const stemmer = lunr.stemmer

export function stem(term: string): string {
  if (!LATIN_ONLY.test(term) || term.length < 3) return term
  return stemmer(new lunr.Token(term, {})).toString()
}

/**
 * Normalising and stemming a word costs far more than matching it; words repeat, so results are
 * memoised (bounded: a full cache is dropped, which keeps memory flat on huge inputs).
 */
function memoize<T>(fn: (s: string) => T, max = 200_000): (s: string) => T {
  const cache = new Map<string, T>()
  return (s) => {
    let v = cache.get(s)
    if (v === undefined) {
      v = fn(s)
      if (cache.size >= max) cache.clear()
      cache.set(s, v)
    }
    return v
  }
}

const termOf = memoize(normalize)
const cachedStem = memoize(stem)

/** The terms one word stands for (none, one, or a Chinese/Japanese run's bigrams), each at its own position. */
function wordTerms(raw: string): string[] {
  const norm = termOf(raw)
  if (!norm) return []
  if (CJK.test(norm) && norm.length > 1) {
    // No spaces between words: index overlapping character pairs.
    const chars = Array.from(norm)
    const out: string[] = []
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!)
    return out
  }
  return [cachedStem(norm)]
}

/** One look-up per word: its terms memoised whole (building a million articles spends most of its time here). */
const termsOfWord = memoize(wordTerms)

const isAsciiWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/** Whether a character may be a word's (an ASCII one is told here: the Unicode test for every word cost much). */
function mayContinue(c: number): boolean {
  return c >= 0x80 || isAsciiWordChar(c)
}

type Emit = (term: string, start: number, end: number) => void

/**
 * The end of a plain ASCII word starting at `i` (letters and digits up to a space or ASCII
 * punctuation other than an apostrophe or a full stop), or -1: then only WORD can tell where the
 * word ends. Most words of most texts are such, and skip the regular expression.
 */
function plainWordEnd(text: string, i: number): number {
  let j = i + 1
  while (j < text.length && isAsciiWordChar(text.charCodeAt(j))) j++
  const t = j < text.length ? text.charCodeAt(j) : 32
  return j - i < MAX_TOKEN_LENGTH && t < 0x80 && t !== 39 && t !== 46 ? j : -1
}

/** The word WORD finds from `re.lastIndex` on: its terms emitted; returns where to go on from (-1: no more words). */
function regexWord(text: string, re: RegExp, emit: Emit): number {
  const m = re.exec(text)
  if (!m) return -1
  const start = m.index
  const word = m[0]
  const after = start + word.length
  const terms = termsOfWord(word)
  if (terms.length) {
    const last = word.charCodeAt(word.length - 1)
    const end = last === 46 || last === 39 || last === 0x2019 ? start + word.replace(/['’.]+$/u, '').length : after
    for (const t of terms) emit(t, start, end)
  }
  // Cut at the length cap: the rest of an over-long run is skipped, except in Chinese/Japanese,
  // where a long run without spaces is ordinary text and its bigrams go on from the cut.
  if (after < text.length && mayContinue(text.charCodeAt(after)) && WORD_CHAR.test(text.charAt(after)) && !(terms.length && CJK.test(word))) {
    RUN_END.lastIndex = after
    return RUN_END.exec(text)?.index ?? text.length
  }
  return after
}

/**
 * Every word of a text in order: its terms, and where the word is (`end` without a trailing full
 * stop or apostrophe, which belong to the sentence). The one scanner behind tokenize and indexing:
 * the words WORD matches, plain ASCII ones found without it.
 */
function scan(text: string, emit: Emit): void {
  const re = new RegExp(WORD) // own lastIndex: tokenize may be re-entered
  for (let i = 0; i >= 0 && i < text.length; ) {
    const c = text.charCodeAt(i)
    if (c < 0x80 && !isAsciiWordChar(c)) {
      i++
      continue
    }
    const end = c < 0x80 ? plainWordEnd(text, i) : -1
    if (end >= 0) {
      for (const t of termsOfWord(text.slice(i, end))) emit(t, i, end)
      i = end
      continue
    }
    re.lastIndex = i
    i = regexWord(text, re, emit)
  }
}

/** Every word of a text with its offsets; stop words are kept here (phrases and highlights need them). */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  scan(text, (term, start, end) => out.push({ term, start, end }))
  return out
}

/** What stands beside a term for indexTerms: the next bigram of the same Chinese/Japanese run (stop words are 1…49). */
export const JOINED = 127

/**
 * The indexed terms of a text with their positions: a position is the token's number in
 * tokenize's output (stop words counted, though not indexed), so a phrase's words are at
 * consecutive positions whatever stop words it holds. `before` and `after` tell what is right
 * beside the term: a stop word (stopWordId), the same run's next bigram (JOINED) or anything else
 * (0), which tells "opened the bridge" from "opened a bridge", and 東京都 from 東京、京都.
 * Returns how many terms were indexed.
 */
export function indexTerms(text: string, emit: (term: string, position: number, before: number, after: number) => void): number {
  let position = 0
  let count = 0
  // The last indexed term waits for the next token, to know what follows it.
  let held: string | null = null
  let heldAt = 0
  let heldBefore = 0
  let previous = 0
  let previousStart = -1
  scan(text, (term, start) => {
    const stop = STOP_ID.get(term) ?? 0
    const beside = start === previousStart ? JOINED : stop
    if (held !== null) emit(held, heldAt, heldBefore, beside)
    held = null
    if (!stop) {
      held = term
      heldAt = position
      heldBefore = start === previousStart ? JOINED : previous
      count++
    }
    previous = stop
    previousStart = start
    position++
  })
  if (held !== null) emit(held, heldAt, heldBefore, 0)
  return count
}

/** A stop word's number (1…), 0 for any other term. */
export function stopWordId(term: string): number {
  return STOP_ID.get(term) ?? 0
}

export function isStopWord(term: string): boolean {
  return STOP.has(term)
}

/** The terms Lunr indexes for a field: normalised, stemmed, without stop words, space-separated. */
export function indexText(text: string | null | undefined): string {
  if (!text) return ''
  return tokenize(text)
    .map((t) => t.term)
    .filter((t) => !STOP.has(t))
    .join(' ')
}

/**
 * A pipeline function Lunr serialises by name. Terms reach Lunr already normalised (indexText),
 * so it only guards against anything Lunr's whitespace tokenizer would let through unnormalised.
 */
export const PIPELINE_LABEL = 'parallaxNormalize'
const pipelineFn: lunr.PipelineFunction = (token) => token
lunr.Pipeline.registerFunction(pipelineFn, PIPELINE_LABEL)

export function configureBuilder(builder: lunr.Builder): void {
  builder.pipeline.reset()
  builder.searchPipeline.reset()
  builder.pipeline.add(pipelineFn)
  builder.searchPipeline.add(pipelineFn)
  // No position metadata in Lunr's reference index: positions are laid out by PostingsBuilder.
  builder.metadataWhitelist = []
}
