/**
 * Plain-text articles as users have them: a title line, then paragraphs separated by blank
 * lines, optionally with a date/byline line after the title (`March 1, 2025 by No Comments`).
 */
import { decodeText } from './decode'
import { parseBylineLine } from './metadata'
import { ImportFailure, type Importer, type ImportInput, type ParsedArticle } from './types'

/** Longest first line still taken as a title; longer ones are the body of a title-less file. */
const MAX_TITLE = 300

export const textImporter: Importer = {
  format: 'txt',
  extensions: ['txt', 'text'],
  parse(input: ImportInput): ParsedArticle {
    const { text, warnings } = decodeText(input.bytes)
    return parsePlainText(text, warnings)
  }
}

/** Shared with other importers whose body ends up as plain text. */
export function parsePlainText(raw: string, warnings: string[] = []): ParsedArticle {
  const blocks = toBlocks(raw)
  if (blocks.length === 0) throw new ImportFailure('empty file: there is no text in it')

  let title: string
  const first = blocks[0]!
  if (first[0]!.length <= MAX_TITLE) {
    title = first.shift()!
    if (first.length === 0) blocks.shift()
  } else {
    // Twelve words, and never longer than a title line may be (a 49 MB word is one word).
    title = first[0]!.slice(0, MAX_TITLE).split(/\s+/).slice(0, 12).join(' ') + '…'
    warnings = [...warnings, 'no title line: title taken from the first words']
  }

  let publishedAt: string | null = null
  let author: string | null = null
  let outlet: string | null = null
  const next = blocks[0]
  if (next && next.length === 1) {
    const byline = parseBylineLine(next[0]!)
    if (byline) {
      ;({ publishedAt, author, outlet } = byline)
      blocks.shift()
    }
  }

  const body = blocks.map((lines) => lines.join(' ').replace(/[ \t\u00a0]+/g, ' ').trim()).filter(Boolean)
  if (body.length === 0) throw new ImportFailure('no article text: the file has a title line and nothing else')
  return { title, author, outlet, publishedAt, url: null, language: null, text: body.join('\n\n'), warnings }
}

/** Body text (no title line) to paragraphs, the way the text importer reads it. */
export function textToParagraphs(raw: string): string[] {
  return toBlocks(raw)
    .map((lines) => lines.join(' ').replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
}

/** Lines grouped into blocks at blank lines; control characters and NULs dropped. */
function toBlocks(raw: string): string[][] {
  return raw
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split(/\n[ \t\u00a0\u3000]*\n/)
    .map((block) => block.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
}
