/**
 * Batch exports from other tools: a JSON array, NDJSON (one object a line) or CSV with a header
 * row, one article per record. Field names are matched loosely (text/body/content, date/published,
 * outlet/source/publisher, …). A bad record gets its own error; the others still import.
 * The batch runner splits these files into records itself (record-stream.ts) and hands them here
 * in groups as JSON arrays; the whole-file parsers below serve direct calls.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import { decodeText } from './decode'
import { cslRecord, isCslItem } from './references'
import { cleanAuthor, parseDate } from './metadata'
import { unclosedQuoteLine } from './record-stream'
import { textToParagraphs } from './text'
import { ImportFailure, type Importer, type ImportInput, type ParsedRecord, type ParseOutput } from './types'

export const FIELDS = {
  title: ['title', 'headline', 'name'],
  text: ['text', 'body', 'content', 'article', 'fulltext', 'full_text', 'maintext'],
  date: ['date', 'published', 'publishedat', 'published_at', 'datepublished', 'date_publish', 'pubdate', 'time'],
  author: ['author', 'authors', 'byline', 'creator'],
  outlet: ['outlet', 'source', 'publisher', 'site', 'site_name', 'sitename', 'domain'],
  url: ['url', 'link', 'href', 'source_url'],
  language: ['language', 'lang']
} as const

export function pick(record: Record<string, unknown>, names: readonly string[]): string | null {
  for (const [key, value] of Object.entries(record)) {
    if (!names.includes(key)) continue
    if (typeof value === 'string' && value.trim()) return value.trim()
    if (typeof value === 'number') return String(value)
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ')
  }
  return null
}

function toRecord(raw: unknown, label: string): ParsedRecord {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { label, error: 'not an object' }
  const r = raw as Record<string, unknown>
  if (isCslItem(r)) return cslRecord(r, label)
  const lower = Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase().replace(/[\s-]/g, '_'), v]))
  const text = pick(lower, FIELDS.text)
  if (!text) return { label, error: 'no text (expected a "text", "body" or "content" field)' }
  const paragraphs = textToParagraphs(text)
  // Without a title field, the first paragraph is the title (as in a .txt file).
  const title = pick(lower, FIELDS.title) ?? paragraphs.shift() ?? null
  if (!title || paragraphs.length === 0) return { label, error: 'no article text besides the title' }
  const url = pick(lower, FIELDS.url)
  const date = pick(lower, FIELDS.date)
  return {
    label,
    article: {
      title: title.slice(0, 500),
      text: paragraphs.join('\n\n'),
      warnings: [],
      author: cleanAuthor(pick(lower, FIELDS.author)),
      outlet: pick(lower, FIELDS.outlet),
      publishedAt: date ? parseDate(date) ?? isoFromDate(date) : null,
      url: url && /^https?:\/\//i.test(url) ? url : null,
      language: pick(lower, FIELDS.language)?.slice(0, 2).toLowerCase() ?? null
    }
  }
}

export function isoFromDate(v: string): string | null {
  const d = new Date(v)
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1800 || d.getUTCFullYear() > 2200 ? null : d.toISOString().slice(0, 10)
}

export const jsonImporter: Importer = {
  format: 'json',
  extensions: ['json'],
  parse(input: ImportInput): ParseOutput {
    let data: unknown
    try {
      data = JSON.parse(decodeText(input.bytes).text)
    } catch (err) {
      throw new ImportFailure(`invalid JSON: ${(err as Error).message}`)
    }
    const list = Array.isArray(data) ? data : Array.isArray((data as { articles?: unknown })?.articles) ? (data as { articles: unknown[] }).articles : [data]
    if (list.length === 0) throw new ImportFailure('the JSON file holds no records')
    return { records: list.map((r, i) => toRecord(r, `record ${i + 1}`)) }
  }
}

export const ndjsonImporter: Importer = {
  format: 'ndjson',
  extensions: ['ndjson', 'jsonl'],
  parse(input: ImportInput): ParseOutput {
    const records: ParsedRecord[] = []
    decodeText(input.bytes)
      .text.split(/\r?\n/)
      .forEach((line, i) => {
        if (!line.trim()) return
        try {
          records.push(toRecord(JSON.parse(line), `line ${i + 1}`))
        } catch (err) {
          records.push({ label: `line ${i + 1}`, error: `invalid JSON: ${(err as Error).message}` })
        }
      })
    if (records.length === 0) throw new ImportFailure('empty file')
    return { records }
  }
}

export const csvImporter: Importer = {
  format: 'csv',
  extensions: ['csv', 'tsv'],
  parse(input: ImportInput): ParseOutput {
    let rows: Record<string, string>[]
    const delimiter = input.name.toLowerCase().endsWith('.tsv') ? '\t' : ','
    try {
      rows = parseCsv<Record<string, string>>(decodeText(input.bytes).text, {
        columns: true,
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
        relax_quotes: true,
        delimiter
      })
    } catch (err) {
      const open = (err as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(decodeText(input.bytes).text, delimiter) : null
      throw new ImportFailure(open === null ? `invalid CSV: ${(err as Error).message}` : `invalid CSV: the quote opening on line ${open} is never closed`)
    }
    if (rows.length === 0) throw new ImportFailure('the CSV file holds no records')
    return { records: rows.map((r, i) => toRecord(r, `row ${i + 2}`)) }
  }
}
