/**
 * Web pages saved from a browser. The main text comes from Mozilla Readability (navigation, ads,
 * comments and other boilerplate left out); metadata from `og:`/`article:` meta tags, JSON-LD,
 * the canonical link and `<html lang>`. Only text is stored: imported markup is never shown.
 */
import iconv from 'iconv-lite'
import { decodeText } from './decode'
import { extractMainText } from './extract'
import { parseDocument, preStrip } from './html-text'
import { cleanAuthor, parseDate } from './metadata'
import { ImportFailure, type Importer, type ImportInput, type ParsedArticle } from './types'
import type { DomDocument } from './dom'

export const htmlImporter: Importer = {
  format: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  parse(input: ImportInput): ParsedArticle {
    const { text, warnings } = decodeHtml(input.bytes)
    return parseHtmlArticle(text, warnings)
  }
}

/**
 * Honours a declared charset when it is real. A page whose bytes are valid UTF-8 (with some
 * non-ASCII in them) is UTF-8 whatever it declares: the declared single-byte charset would turn
 * every accented letter into two letters of mojibake. A meta tag that says UTF-16 is never true
 * (the tag itself was readable as ASCII). Otherwise the same detection as plain text.
 */
export function decodeHtml(bytes: Uint8Array): { text: string; warnings: string[] } {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase()
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe
  if (!declared || hasBom || /^utf-?8$/.test(declared) || !iconv.encodingExists(declared)) return decodeText(bytes)
  if (/^utf-?16/.test(declared) || isNonAsciiUtf8(bytes)) {
    const decoded = decodeText(bytes)
    return { text: decoded.text, warnings: [...decoded.warnings, `declared charset ignored: the page says ${declared}, its bytes are ${decoded.encoding}`] }
  }
  return { text: iconv.decode(Buffer.from(bytes), declared), warnings: [] }
}

/** Valid UTF-8 holding at least one multi-byte sequence (all-ASCII decodes the same either way). */
function isNonAsciiUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

export function parseHtmlArticle(html: string, warnings: string[] = [], fallback: Partial<ParsedArticle> = {}): ParsedArticle {
  const stripped = preStrip(html)
  const doc = parseDocument(stripped)
  const meta = readMetadata(doc, jsonLdBlocks(html))

  const main = extractMainText(() => parseDocument(stripped))
  const paragraphs = main.paragraphs
  if (main.method === 'classifier') warnings = [...warnings, 'main text read paragraph by paragraph: the page has no single article container']
  if (main.method === 'every paragraph') warnings = [...warnings, 'main text not recognised: every paragraph of the page kept']
  const title = meta.title ?? fallback.title ?? paragraphs[0]
  if (!title || paragraphs.length === 0) throw new ImportFailure('no article text found in the page')
  if (paragraphs[0] === title) paragraphs.shift()
  if (paragraphs.length === 0) throw new ImportFailure('no article text found in the page')

  return {
    title: title.slice(0, 500),
    author: meta.author ?? cleanAuthor(main.byline) ?? fallback.author ?? null,
    outlet: meta.outlet ?? main.siteName ?? fallback.outlet ?? null,
    publishedAt: meta.publishedAt ?? fallback.publishedAt ?? null,
    url: meta.url ?? fallback.url ?? null,
    language: meta.language ?? fallback.language ?? null,
    text: paragraphs.join('\n\n'),
    warnings
  }
}

interface PageMeta {
  title: string | null
  author: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
}

function readMetadata(doc: DomDocument, jsonLd: string[]): PageMeta {
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)
      const v = el?.getAttribute('content')?.trim()
      if (v) return v
    }
    return null
  }
  const ld = readJsonLd(jsonLd)
  const httpUrl = (u: string | null | undefined): string | null => (u && /^https?:\/\/[^\s]+$/i.test(u.trim()) ? u.trim() : null)
  const date = (v: string | null | undefined): string | null => (v ? parseDate(v) ?? isoFromDate(v) : null)
  const authorMeta = metaContent('author', 'article:author', 'byl', 'dc.creator', 'parsely-author')
  const docTitle = doc.querySelector('title')?.textContent?.trim() || null

  return {
    title: ld.headline ?? metaContent('og:title', 'twitter:title', 'headline') ?? (doc.querySelector('h1')?.textContent?.trim() || docTitle),
    author: cleanAuthor(ld.author) ?? (authorMeta && !/^https?:/i.test(authorMeta) ? cleanAuthor(authorMeta) : null),
    outlet: ld.publisher ?? metaContent('og:site_name', 'application-name', 'publisher'),
    publishedAt: date(ld.datePublished) ?? date(metaContent('article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date', 'sailthru.date')) ??
      date(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
    url: httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? httpUrl(metaContent('og:url')),
    language: normaliseLang(doc.documentElement?.getAttribute('lang') ?? metaContent('og:locale', 'language'))
  }
}

interface JsonLdArticle {
  headline?: string
  author?: string
  publisher?: string
  datePublished?: string
}

/**
 * The page's JSON-LD blocks, read from the source because preStrip removes every script. At most
 * 20 blocks of up to 512 KB each: metadata, not a place to spend a hostile page's time.
 */
function jsonLdBlocks(html: string): string[] {
  const blocks: string[] = []
  for (const m of html.matchAll(/<script\b[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script/gi)) {
    if (m[1]!.length <= 512 * 1024) blocks.push(m[1]!)
    if (blocks.length === 20) break
  }
  return blocks
}

type LdNode = Record<string, unknown>

/**
 * Names of JSON-LD entities: strings, objects with a name, or {"@id"} references to a node
 * elsewhere in the graph (Yoast writes authors that way). Every author of an array is kept.
 */
function ldNames(v: unknown, byId: Map<string, LdNode>): string[] {
  return ([] as unknown[]).concat(v ?? []).flatMap((e) => {
    if (typeof e === 'string') return [e]
    if (!e || typeof e !== 'object') return []
    const o = e as LdNode
    const named = typeof o.name === 'string' ? o : typeof o['@id'] === 'string' ? byId.get(o['@id']) : undefined
    return typeof named?.name === 'string' && named.name.trim() ? [named.name.trim()] : []
  })
}

function parseLdNodes(block: string): LdNode[] {
  let data: unknown
  try {
    data = JSON.parse(block)
  } catch {
    return []
  }
  const nodes: unknown[] = Array.isArray(data) ? data : [data]
  for (const n of [...nodes]) {
    const graph = (n as { '@graph'?: unknown })?.['@graph']
    if (Array.isArray(graph)) nodes.push(...graph)
  }
  return nodes.filter((n): n is LdNode => !!n && typeof n === 'object')
}

/** The first JSON-LD object that describes an article (also inside @graph arrays). */
function readJsonLd(blocks: string[]): JsonLdArticle {
  const nodes = blocks.flatMap(parseLdNodes)
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]))
  for (const o of nodes) {
    const type = ([] as unknown[]).concat(o['@type'] ?? []).map(String)
    if (!type.some((t) => /Article|Posting|Report|BlogPosting/i.test(t))) continue
    const authors = ldNames(o.author, byId)
    return {
      headline: typeof o.headline === 'string' ? o.headline.trim() : undefined,
      author: authors.length ? authors.join(', ') : undefined,
      publisher: ldNames(o.publisher, byId)[0],
      datePublished: typeof o.datePublished === 'string' ? o.datePublished : undefined
    }
  }
  return {}
}

export function isoFromDate(v: string): string | null {
  const d = new Date(v)
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1800 || d.getUTCFullYear() > 2200) return null
  return d.toISOString().replace('.000Z', 'Z')
}

function normaliseLang(v: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(v?.trim() ?? '')
  return m ? m[1]!.toLowerCase() : null
}
