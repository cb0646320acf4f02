/**
 * Everything derived from an article's text before it is stored: word count, content hash,
 * MinHash signature and (when the source did not say) its language. Done where the parsing is
 * done, in the worker threads, so the main thread only writes to SQLite. Every field is stripped of
 * control characters here, the one place all importers' output passes through.
 */
import { lazyRequire } from '../platform/lazy-require'
import type { SourceFormat } from '../../../shared/contract'
import { signature } from '../dedupe/minhash'
import { tidyMetadata } from './fields'
import { contentHash, countWords } from './metadata'
import { sanitizeArticle } from './sanitize'
import { isOcrRequest, isRecords, type OcrRequest, type ParsedArticle, type ParsedRecord, type ParseOutput } from './types'

/** Runs an importer on one file's bytes and prepares its output (in-process, or in a worker). */
export type Parser = (format: SourceFormat, name: string, bytes: Uint8Array) => Promise<PreparedOutput | OcrRequest>

export type PreparedArticle = ParsedArticle & { wordCount: number; contentHash: string; signature: Uint32Array | null }
export type PreparedRecord = { label: string; article: PreparedArticle } | { label: string; error: string } | { label: string; skipped: string }
export type PreparedOutput = PreparedArticle | { records: PreparedRecord[] }

export function prepareArticle(parsed: ParsedArticle): PreparedArticle {
  // Character references decoded first, so a decoded `&#27;` is stripped with the other controls.
  const a = sanitizeArticle(tidyMetadata(parsed))
  return {
    ...a,
    language: a.language ?? guessLanguage(a.text),
    wordCount: countWords(a.text),
    contentHash: a.text.trim() ? contentHash(a.text) : metadataHash(a),
    signature: signature(a.text)
  }
}

/** A scan (an OCR request) passes through: the OCR worker prepares what it reads. */
export function prepareOutput(out: ParseOutput): PreparedOutput | OcrRequest {
  if (isOcrRequest(out)) return out
  if (!isRecords(out)) return prepareArticle(out)
  return { records: out.records.map((r: ParsedRecord) => ('article' in r ? { label: r.label, article: prepareArticle(r.article) } : r)) }
}

/**
 * A metadata-only entry has no text to be identified by: it is the same entry when its title,
 * author, outlet, date and URL are the same (importing one export twice adds nothing), and never
 * the same as an article with text.
 */
function metadataHash(a: ParsedArticle): string {
  return `metadata:${contentHash([a.title, a.author, a.outlet, a.publishedAt, a.url].map((f) => f ?? '').join('\n'))}`
}

/**
 * Constructed languages tinyld knows but no news is written in: its n-grams took English articles
 * about a town called "Lindqvarn" for Klingon. Such a guess is made again among the other
 * languages (only then: tinyld's `only` option makes a guess about 15 times slower).
 */
/** tinyld's n-gram tables take a few hundred milliseconds to load: only a parse pays it. */
const tinyld = lazyRequire<typeof import('tinyld')>('tinyld')
const CONSTRUCTED = new Set(['tlh', 'vo'])
let newsLanguages: string[] | null = null

/** ISO 639-1 code from the start of the text, or null when there is too little to tell. */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 1500)
  if (sample.length < 40) return null
  const { detect: detectLanguage, supportedLanguages } = tinyld()
  const guess = detectLanguage(sample)
  if (!CONSTRUCTED.has(guess)) return guess || null
  newsLanguages ??= supportedLanguages.filter((l) => !CONSTRUCTED.has(l))
  return detectLanguage(sample, { only: newsLanguages }) || null
}
