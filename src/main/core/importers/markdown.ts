/**
 * Markdown articles, with or without front matter. The body is stored as plain text (the
 * reader never renders imported markup): headings, emphasis and link syntax are reduced to
 * their words. Front matter is read as flat `key: value` lines (and simple lists) only, never
 * evaluated as YAML, so anchors, aliases and tags in it cannot do anything. The keys read-later
 * tools write (Omnivore, Readwise, Pocket exporters) are understood beside Parallax's own.
 */
import { decodeText } from './decode'
import { cleanAuthor, parseDate } from './metadata'
import { parsePlainText } from './text'
import type { Importer, ImportInput, ParsedArticle } from './types'

export const markdownImporter: Importer = {
  format: 'md',
  extensions: ['md', 'markdown'],
  parse(input: ImportInput): ParsedArticle {
    const { text, warnings } = decodeText(input.bytes)
    const { meta, body } = splitFrontMatter(text.replace(/\r\n?/g, '\n'))
    const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body)
    const headingText = heading ? stripInline(heading[1]!) : undefined
    // The first heading is the title unless front matter names another one.
    const title = meta.title ?? headingText
    const headingIsTitle = heading && headingText?.toLowerCase() === title?.toLowerCase()
    const plain = markdownToText(headingIsTitle ? body.slice(0, heading.index) + body.slice(heading.index + heading[0].length) : body)
    // Without a title in front matter or a heading, the first line is the title, as in .txt.
    const parsed = parsePlainText(title ? `${title}\n\n${plain}` : plain, warnings)
    const published = firstOf(meta, KEYS.published)
    const saved = published ? null : firstOf(meta, KEYS.saved)
    const source = meta.source && !isUrl(meta.source) ? meta.source : null
    return {
      ...parsed,
      author: cleanAuthor(firstOf(meta, KEYS.author)) ?? parsed.author,
      outlet: firstOf(meta, KEYS.outlet) ?? source ?? meta.publisher ?? null,
      publishedAt: (published && parseDate(published)) ?? parsed.publishedAt ?? (saved && parseDate(saved)) ?? null,
      url: KEYS.url.map((k) => meta[k]).find(isUrl) ?? null,
      language: meta.lang ?? meta.language ?? null,
      warnings: saved && !parsed.publishedAt && parseDate(saved) ? [...parsed.warnings, 'no publication date: dated by when it was saved'] : parsed.warnings
    }
  }
}

/**
 * Front-matter keys, in order of preference, as Parallax and read-later tools write them
 * (Omnivore: date_saved, site_name; Readwise: source, saved; Pocket exporters: url, time_added).
 */
const KEYS = {
  author: ['author', 'authors', 'byline', 'creator'],
  outlet: ['outlet', 'site_name', 'sitename', 'site'],
  published: ['date_published', 'published', 'published_at', 'publish_date', 'pubdate', 'date'],
  saved: ['date_saved', 'saved', 'saved_at', 'savedat', 'time_added', 'date_added', 'created'],
  url: ['url', 'source_url', 'original_url', 'canonical_url', 'link', 'source']
}

function firstOf(meta: Record<string, string>, keys: string[]): string | null {
  for (const k of keys) if (meta[k]) return meta[k]
  return null
}

function isUrl(v: string | undefined): v is string {
  return !!v && /^https?:\/\/\S+$/i.test(v)
}

/** A value as written: quotes and Obsidian's `[[wiki links]]` taken off. */
function scalar(v: string): string {
  return v.trim().replace(/^(["'])(.*)\1$/, '$2').replace(/^\[\[(.*)\]\]$/, '$1').trim()
}

function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const m = /^\uFEFF?---[ \t]*\n([\s\S]{0,65536}?)\n---[ \t]*(?:\n|$)/.exec(text)
  if (!m) return { meta: {}, body: text }
  const meta: Record<string, string> = {}
  let listKey: string | null = null
  for (const line of m[1]!.split('\n')) {
    const item = /^[ \t]*-[ \t]+(.+)$/.exec(line)
    if (item && listKey) {
      // A block list (`authors:` then `- A`, `- B`) is read as "A, B".
      const v = scalar(item[1]!)
      if (v && !/^[*!&]/.test(v)) meta[listKey] = meta[listKey] ? `${meta[listKey]}, ${v}` : v
      continue
    }
    const kv = /^([A-Za-z_][\w-]{0,40})[ \t]*:[ \t]*(.*)$/.exec(line)
    listKey = kv && !kv[2]!.trim() ? kv[1]!.toLowerCase() : null
    if (!kv) continue
    // An anchor (`&a`) is dropped and its value kept; aliases (`*a`) and tags (`!!x`) are ignored.
    const raw = kv[2]!.trim().replace(/^&[\w-]+\s+/, '')
    const flow = /^\[(.*)\]$/.exec(raw)
    const value = flow && !raw.startsWith('[[') ? flow[1]!.split(',').map(scalar).filter(Boolean).join(', ') : scalar(raw)
    if (value && !value.startsWith('*') && !value.startsWith('!')) meta[kv[1]!.toLowerCase()] = value
  }
  return { meta, body: text.slice(m[0].length) }
}

function markdownToText(md: string): string {
  return md
    .split('\n')
    .map((line) => {
      const unquoted = line
        .replace(/^[ \t]{0,3}(?:>[ \t]?)+/, '') // block quotes
        .replace(/^#{1,6}[ \t]+/, '') // headings keep their words
        .replace(/^[ \t]*(?:```|~~~).*$/, '') // code fences
        .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/, '') // rules
      const item = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/.exec(unquoted)
      // Each list item becomes a paragraph of its own.
      return item ? `\n${stripInline(item[1]!)}\n` : stripInline(unquoted)
    })
    .join('\n')
}

/** Inline markup to words. Every pattern is linear: no nested quantifiers. */
function stripInline(s: string): string {
  return s
    .replace(/!\[[^\]\n]{0,1000}\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)/g, '') // images
    .replace(/\[([^\]\n]{0,1000})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)/g, '$1') // links: keep the words only
    .replace(/\[([^\]\n]{0,1000})\]\[[^\]\n]{0,200}\]/g, '$1') // reference links
    .replace(/<\/?[A-Za-z][^<>\n]{0,2000}>/g, '') // inline HTML tags
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .trim()
}
