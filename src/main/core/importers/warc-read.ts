/**
 * The HTML pages of a WARC file (ISO 28500), read with warcio. Every `response` record whose HTTP
 * payload is HTML becomes an entry: a page when its status was 200, else a skip with the status.
 * Hostile archives are bounded: the gzip layer is inflated here, by zlib, through a running byte
 * count (a gzip bomb stops at the archive's budget, whatever its headers say), a run of bytes with
 * no line end is refused before warcio's header reader would gather it all, and each page is
 * capped (its own Content-Encoding is inflated with zlib's output limit).
 */
import { Readable } from 'node:stream'
import { brotliDecompressSync, createGunzip, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib'
import type { WARCRecord } from 'warcio'
import { ImportFailure } from './types'

export const WARC_LIMITS = {
  /** Everything one archive inflates to (every WARC in a WACZ together). */
  inflatedBytes: 512 * 1024 * 1024,
  /** One page's HTML, after its own Content-Encoding. */
  pageBytes: 16 * 1024 * 1024,
  /** Bytes without a line end: header lines are gathered whole, so a huge "line" must be refused first. */
  lineBytes: 16 * 1024 * 1024
} as const

/** What the archive's reader has spent, shared by every WARC of one WACZ. */
export interface InflateBudget {
  inflated: number
}

export interface ArchivedPage {
  html: Uint8Array
  /** The charset the HTTP response declared, if any. */
  charset: string | null
  /** WARC-Target-URI: the address the page was archived from. */
  url: string | null
  /** WARC-Date: when it was archived. */
  capturedAt: string | null
}

/** One HTML response of the archive: a page to import, or why it is not imported. */
export type ArchiveEntry = { label: string; page: ArchivedPage } | { label: string; error: string } | { label: string; skipped: string }

const MB = 1024 * 1024
const SLICE = 64 * 1024

/** Loaded on first use: most commands never read a WARC, and warcio brings hash-wasm with it. */
let warcio: typeof import('warcio') | undefined

/** The file's bytes as a stream of slices (warcio reads from an async iterable). */
export async function* slicesOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += SLICE) yield bytes.subarray(i, i + SLICE)
}

/** The entries of one WARC (plain or gzip), in order; `prefix` names the WARC inside a WACZ. */
export async function* warcEntries(source: AsyncIterable<Uint8Array>, budget: InflateBudget, prefix = ''): AsyncGenerator<ArchiveEntry> {
  warcio ??= await import('warcio')
  const parser = new warcio.WARCParser(new warcio.AsyncIterReader(guarded(inflated(source), budget), null))
  for (let n = 1; ; n++) {
    let record: WARCRecord | null
    try {
      record = await parser.parse()
    } catch (err) {
      throw rethrown(err, `malformed WARC record ${prefix}#${n}`)
    }
    if (!record) return
    const malformed = malformation(record)
    if (malformed) throw new ImportFailure(`malformed WARC record ${prefix}#${n}: ${malformed}`)
    let entry: ArchiveEntry | null
    let cutShort: boolean
    try {
      entry = await htmlEntry(record, `${prefix}${labelOf(record, n)}`)
      cutShort = await drained(record)
    } catch (err) {
      throw rethrown(err, `unreadable WARC record ${prefix}#${n}`)
    }
    if (entry) yield entry
    // Nothing follows a record the file ends inside (and warcio's own skip would wait on it forever).
    if (cutShort && entry) return
    if (cutShort) throw new ImportFailure(`the archive is cut short inside record ${prefix}#${n} (truncated file?)`)
    // Splitting runs on the main thread: let HTTP, IPC and the UI in between records.
    if (n % 20 === 0) await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

function malformation(record: WARCRecord): string | null {
  if (!record.warcHeaders.statusline.startsWith('WARC/')) return `it begins with “${record.warcHeaders.statusline.slice(0, 40)}”, not a WARC/1.x line`
  if (!/^\d{1,15}$/.test(record.warcHeaders.headers.get('Content-Length') ?? '')) return 'its Content-Length is missing or not a number'
  return null
}

function labelOf(record: WARCRecord, n: number): string {
  const url = httpUrl(record.warcTargetURI)
  return url ? url.slice(0, 300) : `record ${n}`
}

/**
 * Reads what is left of the record, so warcio finds nothing to skip. True when the file ended
 * before the record did.
 */
async function drained(record: WARCRecord): Promise<boolean> {
  const reader = record.reader
  if (!(reader instanceof warcio!.LimitReader)) return false
  for await (const chunk of reader) void chunk
  return reader.limit > 0
}

/** Plain bytes pass through; a gzip stream (one member per record, or one for all) is inflated by zlib. */
async function* inflated(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]()
  const first = await it.next()
  if (first.done) return
  const rest = (async function* () {
    yield first.value
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value
  })()
  if (first.value[0] !== 0x1f || first.value[1] !== 0x8b) return yield* rest
  const gunzip = createGunzip({ chunkSize: 256 * 1024 })
  // pipe() does not carry a source's failure (a broken zip entry) on: without this the read would wait forever.
  const from = Readable.from(rest).on('error', (err) => gunzip.destroy(err))
  from.pipe(gunzip)
  try {
    for await (const chunk of gunzip) yield chunk as Buffer
  } catch (err) {
    throw rethrown(err, 'corrupt gzip data')
  } finally {
    from.destroy()
    gunzip.destroy()
  }
}

/** Counts every inflated byte against the budget, checks the start and the longest line. */
async function* guarded(source: AsyncIterable<Uint8Array>, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  let line = 0
  let first = true
  for await (const chunk of source) {
    if (first && chunk.length >= 5 && Buffer.from(chunk.subarray(0, 5)).toString('latin1') !== 'WARC/') {
      throw new ImportFailure('not a WARC file: it does not begin with a WARC/1.0 or WARC/1.1 record')
    }
    first = false
    budget.inflated += chunk.length
    if (budget.inflated > WARC_LIMITS.inflatedBytes) {
      throw new ImportFailure(`refused: the archive inflates to more than ${WARC_LIMITS.inflatedBytes / MB} MB (gzip bomb?)`)
    }
    const nl = chunk.lastIndexOf(0x0a)
    line = nl < 0 ? line + chunk.length : chunk.length - nl - 1
    if (line > WARC_LIMITS.lineBytes) throw new ImportFailure(`malformed WARC: more than ${WARC_LIMITS.lineBytes / MB} MB without a line end`)
    yield chunk
  }
}

/** The record as an entry when it is an HTML response; null for every other record. */
async function htmlEntry(record: WARCRecord, label: string): Promise<ArchiveEntry | null> {
  const http = record.httpHeaders
  if (record.warcType !== 'response' || !http) return null
  const type = http.headers.get('content-type') ?? ''
  if (!/^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(type)) return null
  const status = Number(http.statusCode)
  if (status !== 200) return { label, skipped: `HTTP ${status || 'status unreadable'}: only pages archived with status 200 are imported` }
  if (record.warcContentLength > WARC_LIMITS.pageBytes) {
    return { label, skipped: `page too large: ${Math.round(record.warcContentLength / MB)} MB, limit ${WARC_LIMITS.pageBytes / MB} MB` }
  }
  const body = await rawPayload(record, http.headers.get('transfer-encoding'))
  if ('error' in body) return { label, error: body.error }
  const html = decodeContent(body.bytes, http.headers.get('content-encoding'))
  if ('error' in html) return { label, error: html.error }
  return {
    label,
    page: { html: html.bytes, charset: /charset\s*=\s*["']?([\w.:-]+)/i.exec(type)?.[1] ?? null, url: httpUrl(record.warcTargetURI), capturedAt: isoDate(record.warcDate) }
  }
}

/** The payload as stored (de-chunked, not yet inflated); bounded by the record's checked length. */
async function rawPayload(record: WARCRecord, transfer: string | null | undefined): Promise<{ bytes: Uint8Array } | { error: string }> {
  const reader = record.reader
  const chunked = /chunked/i.test(transfer ?? '')
  const bytes = await warcio!.BaseAsyncIterReader.readFully(chunked ? new warcio!.AsyncIterReader(reader, null, true) : reader)
  // A LimitReader with bytes still owed: the file ended inside this record.
  if (await drained(record)) return { error: 'the record is cut short (truncated file?)' }
  return { bytes }
}

function decodeContent(bytes: Uint8Array, encoding: string | null | undefined): { bytes: Uint8Array } | { error: string } {
  const coding = (encoding ?? 'identity').trim().toLowerCase()
  const opts = { maxOutputLength: WARC_LIMITS.pageBytes }
  try {
    if (coding === 'identity' || coding === '') return { bytes }
    if (coding === 'gzip' || coding === 'x-gzip') return { bytes: gunzipSync(bytes, opts) }
    if (coding === 'br') return { bytes: brotliDecompressSync(bytes, opts) }
    if (coding === 'deflate') return { bytes: bytes[0] === 0x78 ? inflateSync(bytes, opts) : inflateRawSync(bytes, opts) }
  } catch (err) {
    if (err instanceof RangeError) return { error: `refused: the page inflates to more than ${WARC_LIMITS.pageBytes / MB} MB (gzip bomb?)` }
    return { error: `the page's ${coding} content is corrupt: ${(err as Error).message}` }
  }
  return { error: `the page's content encoding "${coding.slice(0, 40)}" cannot be read` }
}

function httpUrl(v: string | null | undefined): string | null {
  // eslint-disable-next-line no-control-regex
  return v && /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/i.test(v) ? v : null
}

function isoDate(v: string | null | undefined): string | null {
  return v && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? v : null
}

/** An ImportFailure passes through; anything else becomes one that says where it happened. */
export function rethrown(err: unknown, where: string): ImportFailure {
  if (err instanceof ImportFailure) return err
  const message = (err as Error)?.message ?? String(err)
  const truncated = /unexpected end of file/i.test(message) ? ' (truncated file?)' : ''
  return new ImportFailure(`${where}: ${message.split('\n')[0]!.slice(0, 200)}${truncated}`)
}
