/**
 * Web pages saved by Chrome or Edge as one file (.mhtml, .mht): a MIME message (multipart/related)
 * whose first HTML part is the page, the other parts its images, styles and frames. The top
 * headers are read by postal-mime (encoded words, dates); the parts are split here on the
 * boundary, because postal-mime joins every HTML part (frames and ads too) into one. The page
 * is then read like any saved page; the address it was saved from is its URL when it names none.
 */
import PostalMime from 'postal-mime'
import iconv from 'iconv-lite'
import { capHeaders } from './eml'
import { decodeHtml, isoFromDate, parseHtmlArticle } from './html'
import { ImportFailure, type Importer, type ImportInput, type ParsedArticle } from './types'

/** Parts looked at before giving up on finding the page (a saved page has tens, maybe hundreds). */
const MAX_PARTS = 10_000

interface MimePart {
  headers: Map<string, string>
  body: Buffer
}

export const mhtmlImporter: Importer = {
  format: 'mhtml',
  extensions: ['mhtml', 'mht'],
  binary: true,
  async parse(input: ImportInput): Promise<ParsedArticle> {
    const buf = capHeaders(Buffer.from(input.bytes))
    const split = splitHeaders(buf)
    if (!split || !split.headers.has('content-type')) throw new ImportFailure('not an MHTML file: no MIME headers with a Content-Type')
    const top = await PostalMime.parse(Buffer.concat([buf.subarray(0, split.headerEnd), Buffer.from('\r\n\r\n')]))
    const location = httpUrl(split.headers.get('snapshot-content-location') ?? split.headers.get('content-location'))
    const page = findPage(split, location)
    if (!page) throw new ImportFailure('no HTML page in the MHTML file (no text/html part)')
    const { text, warnings } = decodePart(page)
    const address = location ?? httpUrl(page.headers.get('content-location'))
    const savedAt = top.date ? isoFromDate(top.date) : null
    const article = parseHtmlArticle(text, warnings, { title: top.subject?.trim() || undefined })
    if (article.publishedAt || !savedAt) return { ...article, url: article.url ?? address }
    return { ...article, url: article.url ?? address, publishedAt: savedAt, warnings: [...article.warnings, 'no publication date in the page: dated by when it was saved'] }
  }
}

/** The header block (folded lines joined, names lower-cased) and where the body starts. */
function splitHeaders(buf: Buffer): (MimePart & { headerEnd: number }) | null {
  const crlf = buf.indexOf('\r\n\r\n')
  const lf = buf.indexOf('\n\n')
  const [end, gap] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : lf >= 0 ? [lf, 2] : [buf.length, 0]
  const headers = new Map<string, string>()
  for (const line of buf.subarray(0, end).toString('latin1').replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([\x21-\x39\x3b-\x7e]+):\s*(.*)$/.exec(line)
    if (m && !headers.has(m[1]!.toLowerCase())) headers.set(m[1]!.toLowerCase(), m[2]!.trim())
  }
  return headers.size > 0 ? { headers, body: buf.subarray(end + gap), headerEnd: end } : null
}

/** The part saved from the snapshot's own address, else the first HTML part. */
function findPage(top: MimePart, location: string | null): MimePart | null {
  const type = top.headers.get('content-type') ?? ''
  if (/^\s*text\/html\b/i.test(type)) return top
  const boundary = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(type)
  if (!/^\s*multipart\//i.test(type) || !boundary) return null
  let first: MimePart | null = null
  for (const part of parts(top.body, boundary[1] ?? boundary[2]!)) {
    if (!/^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(part.headers.get('content-type') ?? '')) continue
    if (location && httpUrl(part.headers.get('content-location')) === location) return part
    first ??= part
  }
  return first
}

/** The parts between boundary lines; a file cut short ends its last part where the bytes end. */
function* parts(body: Buffer, boundary: string): Generator<MimePart> {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1')
  let at = body.indexOf(delimiter)
  for (let n = 0; at >= 0 && n < MAX_PARTS; n++) {
    const start = at + delimiter.length
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return // the closing delimiter
    const next = body.indexOf(delimiter, start)
    const lineEnd = body.indexOf('\n', start)
    const part = splitHeaders(body.subarray(lineEnd < 0 ? start : lineEnd + 1, next < 0 ? body.length : next))
    if (part) yield part
    at = next
  }
}

/** The part's bytes after its transfer encoding, as text in its declared charset (or as a page says). */
function decodePart(part: MimePart): { text: string; warnings: string[] } {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase()
  const bytes = encoding === 'base64' ? Buffer.from(part.body.toString('latin1'), 'base64') : encoding === 'quoted-printable' ? decodeQuotedPrintable(part.body) : part.body
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(part.headers.get('content-type') ?? '')?.[1]?.toLowerCase()
  if (charset && !/^utf-?8$/.test(charset) && iconv.encodingExists(charset)) return { text: iconv.decode(bytes, charset), warnings: [] }
  return decodeHtml(bytes)
}

/** RFC 2045 quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next. */
export function decodeQuotedPrintable(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length)
  let n = 0
  const hex = (c: number | undefined): number => (c === undefined ? -1 : c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1)
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== 0x3d) {
      out[n++] = c
    } else if (body[i + 1] === 0x0d && body[i + 2] === 0x0a) {
      i += 2 // soft line break
    } else if (body[i + 1] === 0x0a) {
      i += 1
    } else if (hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
      out[n++] = hex(body[i + 1]) * 16 + hex(body[i + 2])
      i += 2
    } else {
      out[n++] = c // a stray "=" is kept, as decoders are told to
    }
  }
  return out.subarray(0, n)
}

function httpUrl(v: string | null | undefined): string | null {
  const u = v?.trim().replace(/^<(.*)>$/, '$1')
  return u && /^https?:\/\/\S+$/i.test(u) ? u : null
}
