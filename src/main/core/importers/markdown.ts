/**
 * Markdown articles, with or without front matter. The body is stored as plain text (the
 * reader never renders imported markup): headings, emphasis and link syntax are reduced to
 * their words. Front matter is read as flat `key: value` lines only, never evaluated as YAML,
 * so anchors, aliases and tags in it cannot do anything.
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
    return {
      ...parsed,
      author: cleanAuthor(meta.author) ?? parsed.author,
      outlet: meta.outlet ?? meta.source ?? meta.publisher ?? null,
      publishedAt: (meta.date && parseDate(meta.date)) ?? parsed.publishedAt,
      url: meta.url && /^https?:\/\//i.test(meta.url) ? meta.url : null,
      language: meta.lang ?? meta.language ?? null
    }
  }
}

function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const m = /^\uFEFF?---[ \t]*\n([\s\S]{0,65536}?)\n---[ \t]*(?:\n|$)/.exec(text)
  if (!m) return { meta: {}, body: text }
  const meta: Record<string, string> = {}
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w-]{0,40})[ \t]*:[ \t]*(.*)$/.exec(line)
    if (!kv) continue
    // An anchor (`&a`) is dropped and its value kept; aliases (`*a`) and tags (`!!x`) are ignored.
    const value = kv[2]!.trim().replace(/^&[\w-]+\s+/, '').replace(/^(["'])(.*)\1$/, '$2').trim()
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
