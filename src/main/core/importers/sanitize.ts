/**
 * Control characters out of everything an importer extracts. A title, outlet or author holding
 * ESC, BEL or a C1 control (from a JSON field, an HTML `&#27;`, an e-mail encoded word) would
 * retitle or clear the terminal of anyone who lists the library, so none survives import.
 */
import type { ParsedArticle } from './types'

// C0 and C1 controls and DEL, plus the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
// The same, keeping tab and newline, which a body's layout needs.
// eslint-disable-next-line no-control-regex
const BODY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** One line of metadata: tabs and line breaks become spaces, every other control is dropped. */
export function cleanField(value: string): string {
  return value
    .replace(/[\t\n\r\u2028\u2029]+/g, ' ')
    .replace(CONTROLS, '')
    .trim()
}

function cleanOptional(value: string | null): string | null {
  if (value === null) return null
  return cleanField(value) || null
}

/** The article with controls stripped from every field (the body keeps tabs and newlines). */
export function sanitizeArticle(a: ParsedArticle): ParsedArticle {
  return {
    ...a,
    title: cleanField(a.title) || 'Untitled',
    author: cleanOptional(a.author),
    outlet: cleanOptional(a.outlet),
    publishedAt: cleanOptional(a.publishedAt),
    url: cleanOptional(a.url),
    language: cleanOptional(a.language),
    text: a.text.replace(/\r\n?/g, '\n').replace(BODY_CONTROLS, ''),
    warnings: a.warnings.map(cleanField)
  }
}
