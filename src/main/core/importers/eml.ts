/**
 * E-mail newsletters (.eml): subject as title, sender as outlet, Date header as date, and the
 * HTML body read like a web page (plain-text body otherwise). Parsed by postal-mime; headers are
 * capped before parsing so a megabyte-long header line cannot become a megabyte-long title.
 */
import PostalMime from 'postal-mime'
import { parseHtmlArticle } from './html'
import { textToParagraphs } from './text'
import { ImportFailure, type Importer, type ImportInput, type ParsedArticle } from './types'

const MAX_HEADER_LINE = 4096

export const emlImporter: Importer = {
  format: 'eml',
  extensions: ['eml'],
  binary: true,
  async parse(input: ImportInput): Promise<ParsedArticle> {
    const raw = capHeaders(Buffer.from(input.bytes))
    if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(raw.subarray(0, 2048).toString('latin1'))) {
      throw new ImportFailure('not an e-mail message: no headers found')
    }
    let email
    try {
      email = await PostalMime.parse(raw)
    } catch (err) {
      throw new ImportFailure(`malformed e-mail: ${(err as Error).message}`)
    }
    const contentType = email.headers.find((h) => h.key === 'content-type')?.value ?? ''
    if (/multipart\/encrypted|application\/(?:x-)?pkcs7-mime/i.test(contentType)) {
      throw new ImportFailure('encrypted message: S/MIME or PGP mail cannot be read')
    }
    const subject = (email.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 500)
    const outlet = email.from?.name?.trim() || email.from?.address?.split('@')[1] || null
    const publishedAt = email.date ? isoDate(email.date) : null
    const fallback = { title: subject || undefined, outlet, publishedAt }
    if (email.html) {
      const article = parseHtmlArticle(email.html, [], fallback)
      // The subject is the newsletter's title, whatever the HTML's <title> says.
      return { ...article, title: subject || article.title, outlet: outlet ?? article.outlet, publishedAt: publishedAt ?? article.publishedAt }
    }
    const paragraphs = email.text ? textToParagraphs(email.text) : []
    if (paragraphs.length > 0) {
      return { title: subject || 'Untitled message', author: null, outlet, publishedAt, url: null, language: null, text: paragraphs.join('\n\n'), warnings: [] }
    }
    throw new ImportFailure('e-mail has no readable body (no text or HTML part)')
  }
}

/** Truncates absurdly long header lines (only in the header block) before the parser sees them. */
export function capHeaders(buf: Buffer): Buffer {
  const text = buf.toString('latin1')
  const end = text.search(/\r?\n\r?\n/)
  const headerEnd = end < 0 ? text.length : end
  const header = text.slice(0, headerEnd)
  if (!header.split(/\r?\n/).some((l) => l.length > MAX_HEADER_LINE)) return buf
  const capped = header
    .split(/(\r?\n)/)
    .map((l) => (l.length > MAX_HEADER_LINE ? l.slice(0, MAX_HEADER_LINE) : l))
    .join('')
  return Buffer.concat([Buffer.from(capped, 'latin1'), buf.subarray(Buffer.byteLength(header, 'latin1'))])
}

function isoDate(value: string): string | null {
  const d = new Date(value)
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) return null
  return d.toISOString().replace('.000Z', 'Z')
}

