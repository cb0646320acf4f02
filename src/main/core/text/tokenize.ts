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

const STOP = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with he she his her him we you i has have had were been its our'.split(' ')
)

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
function memoize(fn: (s: string) => string, max = 200_000): (s: string) => string {
  const cache = new Map<string, string>()
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

/** Every word of a text with its offsets; stop words are kept here (phrases and highlights need them). */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  const re = new RegExp(WORD) // own lastIndex: tokenize may be re-entered
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index
    const after = start + m[0].length
    const norm = termOf(m[0])
    if (norm) addToken(out, norm, start, start + m[0].replace(/['’.]+$/u, '').length)
    // Cut at the length cap: the rest of an over-long run is skipped, except in Chinese/Japanese,
    // where a long run without spaces is ordinary text and its bigrams go on from the cut.
    if (WORD_CHAR.test(text.charAt(after)) && !CJK.test(norm)) {
      RUN_END.lastIndex = after
      re.lastIndex = RUN_END.exec(text)?.index ?? text.length
    }
  }
  return out
}

/** A trailing full stop or apostrophe belongs to the sentence, not to the highlighted word (end). */
function addToken(out: Token[], norm: string, start: number, end: number): void {
  if (CJK.test(norm) && norm.length > 1) {
    // No spaces between words: index overlapping character pairs.
    const chars = Array.from(norm)
    for (let i = 0; i + 1 < chars.length; i++) out.push({ term: chars[i]! + chars[i + 1]!, start, end })
    return
  }
  out.push({ term: cachedStem(norm), start, end })
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
  // No position metadata: snippets and phrases are computed from the stored text.
  builder.metadataWhitelist = []
}
