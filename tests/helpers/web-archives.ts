/**
 * Web archives written for the tests: WARC records built by hand (as ISO 28500 lays them out),
 * plain or gzipped one member per record as crawlers write them, and WACZ packages around them.
 * The pages are invented news stories long enough for main-text extraction.
 */
import JSZip from 'jszip'
import { gzipSync } from 'node:zlib'

const CRLF = '\r\n'

export interface PageSpec {
  title: string
  outlet: string
  paragraphs: string[]
  /** Written as article:published_time when given. */
  published?: string
  canonical?: string
}

/** A news page with navigation and a footer around the article, as a site serves it. */
export function newsPage(p: PageSpec): string {
  const meta = [`<meta property="og:site_name" content="${p.outlet}">`, p.published ? `<meta property="article:published_time" content="${p.published}">` : '', p.canonical ? `<link rel="canonical" href="${p.canonical}">` : ''].join('')
  const body = p.paragraphs.map((t) => `<p>${t}</p>`).join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${p.title}</title>${meta}</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>${p.title}</h1>\n${body}\n</article>
<footer>Copyright ${p.outlet}. All rights reserved.</footer></body></html>`
}

/** One WARC record: version line, headers (Content-Length computed), block, two line ends. */
export function warcRecord(headers: Record<string, string>, block: Buffer | string): Buffer {
  const data = Buffer.from(block)
  const lines = ['WARC/1.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${data.length}`]
  return Buffer.concat([Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'latin1'), data, Buffer.from(CRLF + CRLF)])
}

export interface ResponseSpec {
  url: string
  date?: string
  status?: number
  contentType?: string
  body: Buffer | string
  httpHeaders?: Record<string, string>
}

/** A `response` record: an HTTP response (status line, headers, payload) archived from `url`. */
export function responseRecord(r: ResponseSpec): Buffer {
  const payload = Buffer.from(r.body)
  const status = r.status ?? 200
  const http = [`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Other'}`, `Content-Type: ${r.contentType ?? 'text/html; charset=utf-8'}`, ...Object.entries(r.httpHeaders ?? {}).map(([k, v]) => `${k}: ${v}`)]
  const block = Buffer.concat([Buffer.from(http.join(CRLF) + CRLF + CRLF, 'latin1'), payload])
  return warcRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': r.url, 'WARC-Date': r.date ?? '2025-02-03T04:05:06Z', 'WARC-Record-ID': `<urn:uuid:${r.url.length}-${payload.length}>`, 'Content-Type': 'application/http; msgtype=response' }, block)
}

export function warcinfoRecord(): Buffer {
  return warcRecord({ 'WARC-Type': 'warcinfo', 'WARC-Date': '2025-02-03T04:05:00Z', 'Content-Type': 'application/warc-fields' }, 'software: parallax-tests\r\nformat: WARC File Format 1.1\r\n')
}

export function requestRecord(url: string): Buffer {
  return warcRecord({ 'WARC-Type': 'request', 'WARC-Target-URI': url, 'WARC-Date': '2025-02-03T04:05:06Z', 'Content-Type': 'application/http; msgtype=request' }, `GET / HTTP/1.1\r\nHost: ${new URL(url).host}\r\n\r\n`)
}

/** A WARC file of the records; gzipped one member per record (the usual .warc.gz) when asked. */
export function makeWarc(records: Buffer[], opts: { gzip?: boolean } = {}): Buffer {
  return Buffer.concat(opts.gzip ? records.map((r) => gzipSync(r)) : records)
}

/** A WACZ package: the WARCs under archive/, with the datapackage.json and index a real one carries. */
export async function makeWacz(warcs: { name: string; bytes: Buffer }[], extra?: (zip: JSZip) => void): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('datapackage.json', JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', resources: warcs.map((w) => ({ name: w.name, path: `archive/${w.name}` })) }))
  zip.file('indexes/index.cdx', '')
  for (const w of warcs) zip.file(`archive/${w.name}`, w.bytes, { compression: 'STORE' })
  extra?.(zip)
  return zip.generateAsync({ type: 'nodebuffer' })
}

/** Invented paragraphs: distinct per seed, long enough to be an article. */
export function storyParagraphs(seed: string, n = 4): string[] {
  return Array.from({ length: n }, (_, i) => `${seed} paragraph ${i + 1}: the district council of Ambleford met on Tuesday evening and discussed the ${seed.toLowerCase()} plan at length, with residents asking how the ${i + 3} proposed changes would affect their streets, their buses and their local shops over the coming years.`)
}
