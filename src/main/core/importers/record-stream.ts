/**
 * Batch exports (JSON array, NDJSON, CSV) read record by record instead of parsed whole: the
 * main thread only splits the file into records (cheap, linear), and the records go to the
 * parser in small groups, each group under its own time limit. So an export of a million small
 * records imports, with progress, where one whole-file parse would run out of time.
 */
import { parse as parseCsv } from 'csv-parse'
import type { SourceFormat } from '../../../shared/contract'
import { decodeText } from './decode'
import type { Parser } from './prepare'
import type { PreparedArticle, PreparedRecord } from './prepare'
import { ImportFailure } from './types'

/** One record as found in the file, before the importer reads its fields. */
/** `size`: about how many characters the record takes in the file (groups are bounded by it). */
export type RawRecord = { label: string; value: unknown; size: number } | { label: string; error: string }

export const RECORD_FORMATS: ReadonlySet<SourceFormat> = new Set(['json', 'ndjson', 'csv'])

/**
 * Records per parser call, and the most bytes of them: small enough to parse well inside the time
 * limit (a record takes about a millisecond), large enough that storing a group in one
 * transaction amortises its commit (the LSH band rows land all over their table).
 */
const GROUP_RECORDS = 500
const GROUP_BYTES = 2 << 20

/**
 * The file's records, prepared by `parser` in groups (sent as a JSON array, the importer's own
 * field matching applies) and labelled as in the file. Up to `ahead` groups are parsed at once
 * (one per worker) while the caller stores the one before. A group the parser fails on fails its
 * records alone.
 */
export function parseRecordGroups(format: SourceFormat, name: string, bytes: Uint8Array, parser: Parser, ahead = 1): AsyncGenerator<PreparedRecord[]> {
  return parseRawRecords(rawRecords(format, name, bytes), name, parser, ahead)
}

/** As parseRecordGroups, for records however they are read (large-export.ts reads them from disk). */
export async function* parseRawRecords(records: AsyncIterable<RawRecord>, name: string, parser: Parser, ahead = 1): AsyncGenerator<PreparedRecord[]> {
  const pending: Promise<PreparedRecord[]>[] = []
  try {
    for await (const group of recordGroups(records)) {
      pending.push(parseGroup(group, name, parser))
      if (pending.length > Math.max(1, ahead)) yield await pending.shift()!
    }
  } catch (err) {
    while (pending.length) yield await pending.shift()!
    throw err
  }
  while (pending.length) yield await pending.shift()!
}

async function* recordGroups(records: AsyncIterable<RawRecord>): AsyncGenerator<RawRecord[]> {
  let group: RawRecord[] = []
  let size = 0
  try {
    for await (const r of records) {
      group.push(r)
      size += 'value' in r ? r.size : 0
      if (group.length >= GROUP_RECORDS || size >= GROUP_BYTES) {
        yield group
        group = []
        size = 0
      }
    }
  } catch (err) {
    // The records read before the file broke off still go in; then the failure is reported.
    if (group.length > 0) yield group
    throw err
  }
  if (group.length > 0) yield group
}

async function parseGroup(group: RawRecord[], name: string, parser: Parser): Promise<PreparedRecord[]> {
  const values = group.filter((r) => 'value' in r).map((r) => r.value)
  const parsed = await parseValues(values, name, parser)
  let next = 0
  return group.map((r): PreparedRecord => {
    if ('error' in r) return r
    const p = parsed[next++]!
    return { ...p, label: r.label }
  })
}

type Parsed = { article: PreparedArticle } | { error: string } | { skipped: string }

/**
 * The values prepared in order. A group the parser fails on (a record that breaks it, or a group
 * that runs out of time on a busy machine) is split in two and each half tried again, down to
 * single records: only a record that fails alone is reported as failed.
 */
async function parseValues(values: unknown[], name: string, parser: Parser): Promise<Parsed[]> {
  if (values.length === 0) return []
  try {
    const out = await parser('json', name, new TextEncoder().encode(JSON.stringify(values)))
    const records = 'records' in out ? out.records : []
    return values.map((_, i): Parsed => {
      const r = records[i]
      if (!r) return { error: 'could not be parsed' }
      const { label: _label, ...parsed } = r
      return parsed
    })
  } catch (err) {
    if (values.length === 1) return [{ error: err instanceof ImportFailure ? err.message : `could not be parsed: ${(err as Error).message}` }]
    const half = values.length >> 1
    return [...(await parseValues(values.slice(0, half), name, parser)), ...(await parseValues(values.slice(half), name, parser))]
  }
}

/** The records of a batch file in order. Throws ImportFailure where the file itself breaks. */
export async function* rawRecords(format: SourceFormat, name: string, bytes: Uint8Array): AsyncGenerator<RawRecord> {
  const text = decodeText(bytes).text
  if (format === 'ndjson') yield* ndjsonRecords(text)
  else if (format === 'json') yield* jsonRecords(text)
  else yield* csvRecords(text, name.toLowerCase().endsWith('.tsv') ? '\t' : ',')
}

function* ndjsonRecords(text: string): Generator<RawRecord> {
  let line = 0
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start)
    const end = nl < 0 ? text.length : nl
    const raw = text.slice(start, end)
    line++
    start = end + 1
    if (!raw.trim()) continue
    yield ndjsonRecord(raw, line)
  }
}

/** One NDJSON line as a record, labelled by its line number. */
export const ndjsonRecord = (raw: string, line: number): RawRecord => parseJsonRecord(raw, `line ${line}`)

function parseJsonRecord(raw: string, label: string): RawRecord {
  try {
    return { label, value: JSON.parse(raw), size: raw.length }
  } catch (err) {
    return { label, error: `invalid JSON: ${(err as Error).message}` }
  }
}

/** A top-level array is split element by element; anything else is one value (or `{articles: […]}`). */
function* jsonRecords(text: string): Generator<RawRecord> {
  const first = text.search(/\S/)
  if (text[first] !== '[') {
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (err) {
      throw new ImportFailure(`invalid JSON: ${(err as Error).message}`)
    }
    const articles = (data as { articles?: unknown })?.articles
    const list = Array.isArray(articles) ? articles : [data]
    for (const [i, value] of list.entries()) yield { label: `record ${i + 1}`, value, size: JSON.stringify(value)?.length ?? 0 }
    return
  }
  let n = 0
  for (const slice of arrayElements(text, first)) yield parseJsonRecord(slice, `record ${++n}`)
}

/**
 * The source text of each element of the JSON array opening at `open`: a scan that tracks only
 * strings and nesting depth, so it is linear and never recurses however deep the elements nest.
 */
function* arrayElements(text: string, open: number): Generator<string> {
  let depth = 0
  let inString = false
  let start = open + 1
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) depth++
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) {
        if (c === 0x5d) {
          if (text.slice(start, i).trim()) yield text.slice(start, i)
          if (text.slice(i + 1).trim()) throw new ImportFailure('invalid JSON: text after the end of the array')
          return
        }
        throw new ImportFailure(`invalid JSON: unexpected "}" at position ${i}`)
      }
      depth--
    } else if (c === 0x2c && depth === 0) {
      yield text.slice(start, i)
      start = i + 1
    }
  }
  throw new ImportFailure('invalid JSON: the file ends before the array is closed (truncated?)')
}

async function* csvRecords(text: string, delimiter: string): AsyncGenerator<RawRecord> {
  let row = 1
  try {
    for await (const value of csvRows(text, delimiter)) yield { label: `row ${++row}`, value, size: fieldsLength(value) }
  } catch (err) {
    const open = (err as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text, delimiter) : null
    if (open !== null) throw new ImportFailure(`invalid CSV: the quote opening on line ${open} is never closed (row ${row + 1} onwards not read)`)
    throw new ImportFailure(`invalid CSV: ${(err as Error).message}`)
  }
  if (row === 1) throw new ImportFailure('the CSV file holds no records')
}

/**
 * Rows as csv-parse reads them, the text fed a slice at a time and each slice's rows taken
 * before the next: rows come out as they are read, and the rows before an error are never
 * dropped with the stream's buffer.
 */
async function* csvRows(text: string, delimiter: string): AsyncGenerator<unknown> {
  const parser = parseCsv({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, delimiter })
  // Set by the parser's error event (a holder, so the checks below see the callback's write).
  const state: { failure: Error | null } = { failure: null }
  parser.on('error', (err) => (state.failure = err))
  const drain = function* (): Generator<unknown> {
    for (let r = parser.read(); r !== null; r = parser.read()) yield r
  }
  for (const slice of slices(text)) {
    parser.write(slice)
    yield* drain()
    if (state.failure) throw state.failure
  }
  parser.end()
  while (!state.failure && !parser.readableEnded) {
    yield* drain()
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  yield* drain()
  if (state.failure) throw state.failure
}

/** The characters of a CSV row's fields. */
function fieldsLength(row: unknown): number {
  let n = 0
  for (const v of Object.values(row as Record<string, unknown>)) n += typeof v === 'string' ? v.length : 0
  return n
}

function* slices(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += 1 << 16) yield text.slice(i, i + (1 << 16))
}

/** The line on which a quoted field opens and never closes, as csv-parse reads quotes (at a field's start only). */
export function unclosedQuoteLine(text: string, delimiter: string): number | null {
  let line = 1
  let openedOn = 0
  let inQuote = false
  let fieldStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inQuote) {
      if (c === '"' && text[i + 1] === '"') i++
      else if (c === '"') inQuote = false
    } else if (c === '"' && fieldStart) {
      inQuote = true
      openedOn = line
    }
    fieldStart = !inQuote && (c === delimiter || c === '\n')
  }
  return inQuote ? openedOn : null
}
