/** The one interface every importer implements, and the failure they all throw. */
import type { SourceFormat } from '../../../shared/contract'

/** A file handed to an importer: already read, size-checked and sniffed. */
export interface ImportInput {
  /** The file's display name (never used as a path). */
  name: string
  bytes: Uint8Array
}

/** What an importer extracts; the batch runner adds hash, word count, language and source fields. */
export interface ParsedArticle {
  title: string
  author: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
  /** Empty for a metadata-only entry (a reference-library record with no text yet). */
  text: string
  warnings: string[]
  /** Set when the text was read by OCR: the mean word confidence (0-100) over the pages read. */
  ocrConfidence?: number | null
  /**
   * A file the record names as its text (Zotero's BibTeX `file`, RIS `L1`), relative to the
   * export's folder; the batch reads it from there, never from outside that folder.
   */
  attachment?: string
}

/**
 * One record of a batch file (JSON, NDJSON, CSV, a feed's item, an archived page): an article,
 * why that record is unusable (a failure), or why it was left out on purpose (a feed item
 * with only a link).
 */
export type ParsedRecord = { label: string; article: ParsedArticle } | { label: string; error: string } | { label: string; skipped: string }

/**
 * A scan: an image, or a PDF with pages that have no text layer. The parse worker only checks
 * it; the OCR worker reads it (slow work kept out of the parse pool).
 */
export interface OcrRequest {
  ocr: { kind: 'image' | 'pdf'; pages: number; warnings: string[] }
}

/** Most formats hold one article; batch exports hold many records; scans need OCR. */
export type ParseOutput = ParsedArticle | { records: ParsedRecord[] } | OcrRequest

export interface Importer {
  format: SourceFormat
  /** Lower-case file extensions without the dot. */
  extensions: readonly string[]
  /** Whether the file is binary by nature (PDF, DOCX): then the text-type sniffing is skipped. */
  binary?: boolean
  parse(input: ImportInput): ParseOutput | Promise<ParseOutput>
}

/** A file that cannot be imported, with the specific reason shown to the user. */
export class ImportFailure extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'ImportFailure'
  }
}

export function isRecords(out: ParseOutput): out is { records: ParsedRecord[] } {
  return 'records' in out
}

export function isOcrRequest(out: object): out is OcrRequest {
  return 'ocr' in out
}

/** One article read from the file (not a batch's records, not a scan for OCR). */
export function isArticle(out: ParseOutput): out is ParsedArticle {
  return !isRecords(out) && !isOcrRequest(out)
}
