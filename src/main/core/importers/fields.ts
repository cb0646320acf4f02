/**
 * Last tidy-up of an article's metadata fields, whatever format they came from: HTML character
 * references decoded (`&#163;1.8m` → `£1.8m`, `AT&amp;T` → `AT&T`), control characters dropped
 * (also those a reference decodes to), whitespace collapsed.
 */
import { decodeHTML } from 'entities/decode'
import { cleanField } from './sanitize'
import type { ParsedArticle } from './types'


export function tidyField(value: string | null): string | null {
  if (value === null) return null
  const clean = cleanField(decodeHTML(value)).replace(/\s+/g, ' ')
  return clean === '' ? null : clean
}

export function tidyMetadata(a: ParsedArticle): ParsedArticle {
  return {
    ...a,
    // A title is required: keep the raw one rather than none.
    title: tidyField(a.title) ?? a.title,
    author: tidyField(a.author),
    outlet: tidyField(a.outlet),
    url: tidyField(a.url),
    language: tidyField(a.language)
  }
}
