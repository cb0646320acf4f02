/**
 * News feeds (RSS, Atom, JSON Feed): each item that carries its article's text becomes an
 * article, with the feed's title as outlet. An item with only a link (or a teaser) is listed as
 * skipped with that reason: the article itself is not in the file. A feed is read up to
 * MAX_ITEMS items; the rest are listed as one skip, so a giant feed cannot outrun the time limit.
 */
import { decodeHTML } from 'entities'
import iconv from 'iconv-lite'
import { decodeText } from './decode'
import { readJsonFeed } from './feed-json'
import type { Feed, FeedItem } from './feed-types'
import { readXmlFeed } from './feed-xml'
import { isoFromDate } from './html'
import { htmlToParagraphs } from './html-text'
import { cleanAuthor, parseDate } from './metadata'
import { textToParagraphs } from './text'
import { ImportFailure, type Importer, type ImportInput, type ParsedRecord, type ParseOutput } from './types'

export { isJsonFeed } from './feed-json'

export const FEED_LIMITS = {
  /** Items read from one feed. */
  items: 2000,
  /** One item's content, in characters. */
  itemChars: 2 * 1024 * 1024,
  /** A summary with at least this many words is the article (some feeds put the whole text there). */
  substantialWords: 120
} as const

export const feedImporter: Importer = {
  format: 'feed',
  extensions: ['rss', 'atom', 'xml'],
  async parse(input: ImportInput): Promise<ParseOutput> {
    const text = decodeFeed(input.bytes)
    const feed = /^\s*[[{]/.test(text) ? readJsonFeed(text, FEED_LIMITS.items) : await readXmlFeed(text, FEED_LIMITS.items)
    const total = feed.total
    if (total === 0) throw new ImportFailure('the feed has no items')
    const records = feed.items.map((item, i) => itemRecord(item, i + 1, feed))
    if (total > FEED_LIMITS.items) {
      records.push({ label: `items ${FEED_LIMITS.items + 1} to ${total}`, skipped: `not read: a feed is read up to ${FEED_LIMITS.items.toLocaleString('en')} items, this one has ${total.toLocaleString('en')}` })
    }
    return { records }
  }
}

function itemRecord(item: FeedItem, n: number, feed: Feed): ParsedRecord {
  // The label names the result (`feed.rss (item 4: …)`): references decoded, control and bidi characters out.
  // eslint-disable-next-line no-control-regex
  const shown = item.title ? decodeHTML(item.title).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').slice(0, 80) : ''
  const label = shown ? `item ${n}: ${shown}` : `item ${n}`
  const size = (item.html?.length ?? 0) + (item.text?.length ?? 0) + (item.summary?.length ?? 0)
  if (size > FEED_LIMITS.itemChars) return { label, error: `item too large: ${Math.round(size / 1024)} KB of content, limit ${FEED_LIMITS.itemChars / 1024} KB` }
  const full = item.html ? fragmentParagraphs(item.html) : item.text ? textToParagraphs(item.text) : []
  const summary = full.length === 0 && item.summary ? fragmentParagraphs(item.summary) : []
  const fromSummary = full.length === 0 && wordCount(summary) >= FEED_LIMITS.substantialWords
  const paragraphs = full.length > 0 ? full : fromSummary ? summary : []
  if (paragraphs.length === 0) {
    const teaser = summary.length > 0 ? ' and a short summary' : ''
    return { label, skipped: item.link ? `only a link${teaser}: the feed does not carry the article's text (${item.link})` : `no text and no link${teaser}` }
  }
  const title = item.title ?? paragraphs.shift()!
  if (paragraphs[0] === title) paragraphs.shift()
  if (paragraphs.length === 0) return { label, error: 'no article text besides the title' }
  return {
    label,
    article: {
      title: title.slice(0, 500),
      author: cleanAuthor(item.author),
      outlet: feed.title,
      publishedAt: item.date ? parseDate(item.date) ?? isoFromDate(item.date) : null,
      url: item.link && /^https?:\/\/\S+$/i.test(item.link) ? item.link : null,
      language: feed.language ? (/^([a-z]{2,3})\b/i.exec(feed.language)?.[1]?.toLowerCase() ?? null) : null,
      text: paragraphs.join('\n\n'),
      warnings: fromSummary ? ["the feed's summary: the full article may be longer"] : []
    }
  }
}

/** An item body's paragraphs: through the HTML reader when it has markup or references, else as plain text (cheaper). */
function fragmentParagraphs(html: string): string[] {
  return /[<&]/.test(html) ? htmlToParagraphs(html) : textToParagraphs(html)
}

function wordCount(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0)
}

/** An XML declaration's encoding is honoured (when the bytes are not plainly UTF-8); else as plain text. */
function decodeFeed(bytes: Uint8Array): string {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(Buffer.from(bytes.subarray(0, 256)).toString('latin1'))?.[1]?.toLowerCase()
  if (!declared || /^utf-?(?:8|16)$/.test(declared) || !iconv.encodingExists(declared)) return decodeText(bytes).text
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return iconv.decode(Buffer.from(bytes), declared)
  }
}
