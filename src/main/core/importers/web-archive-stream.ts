/**
 * Web archives (WARC, WACZ) imported page by page: the main thread reads the archive's records
 * (warc-read.ts, wacz-read.ts: cheap, streaming, bounded) and hands each HTML page to the parser
 * as a saved page of its own, so every page gets the HTML importer's main-text extraction under
 * its own time limit, a few at a time. Each page keeps the address it was archived from; a page
 * that states no publication date is dated by its capture.
 */
import type { SourceFormat } from '../../../shared/contract'
import type { Parser, PreparedArticle, PreparedRecord } from './prepare'
import { ImportFailure, isOcrRequest } from './types'
import { waczEntries } from './wacz-read'
import { slicesOf, warcEntries, type ArchiveEntry, type ArchivedPage } from './warc-read'

export const ARCHIVE_FORMATS: ReadonlySet<SourceFormat> = new Set(['warc', 'wacz'])

/** Pages parsed ahead of the one being stored (the worker pool has two threads). */
const AHEAD = 4

export function archiveEntries(format: SourceFormat, bytes: Uint8Array): AsyncGenerator<ArchiveEntry> {
  const budget = { inflated: 0 }
  return format === 'wacz' ? waczEntries(bytes, budget) : warcEntries(slicesOf(bytes), budget)
}

/**
 * The archive's HTML responses as records, one per group, in the archive's order. The pages read
 * before the archive breaks off still come out; then the failure is thrown.
 */
export async function* parseArchivedPages(format: SourceFormat, bytes: Uint8Array, parser: Parser): AsyncGenerator<PreparedRecord[]> {
  const pending: Promise<PreparedRecord>[] = []
  let entries = 0
  try {
    for await (const entry of archiveEntries(format, bytes)) {
      entries++
      pending.push('page' in entry ? parsePage(entry.label, entry.page, parser) : Promise.resolve(entry))
      if (pending.length > AHEAD) yield [await pending.shift()!]
    }
  } catch (err) {
    // What was read before the archive broke off is stored, then the failure is reported.
    while (pending.length > 0) yield [await pending.shift()!]
    throw err
  }
  while (pending.length > 0) yield [await pending.shift()!]
  if (entries === 0) throw new ImportFailure('no HTML page in the archive (it holds no HTML response record)')
}

async function parsePage(label: string, page: ArchivedPage, parser: Parser): Promise<PreparedRecord> {
  try {
    const out = await parser('html', label, withDeclaredCharset(page))
    if ('records' in out || isOcrRequest(out)) return { label, error: 'could not be parsed as a page' }
    return { label, article: archivedArticle(out, page) }
  } catch (err) {
    return { label, error: err instanceof ImportFailure ? err.message : `could not be parsed: ${(err as Error).message}` }
  }
}

/**
 * The HTTP response's charset, told to the HTML importer the way a page tells it: a meta tag in
 * front (ASCII, so readable in any charset the header can name). A page's own tag comes later
 * and loses; the importer still ignores a claim its bytes contradict.
 */
function withDeclaredCharset(page: ArchivedPage): Uint8Array {
  if (!page.charset || /^utf-?8$/i.test(page.charset)) return page.html
  return Buffer.concat([Buffer.from(`<meta charset="${page.charset}">`, 'latin1'), page.html])
}

/** The archived address is the article's URL; the capture date stands in for a missing publication date. */
export function archivedArticle(a: PreparedArticle, page: ArchivedPage): PreparedArticle {
  const dated = a.publishedAt ?? page.capturedAt
  const warnings = !a.publishedAt && page.capturedAt ? [...a.warnings, 'no publication date in the page: dated by when it was archived'] : a.warnings
  return { ...a, url: page.url ?? a.url, publishedAt: dated, warnings }
}
