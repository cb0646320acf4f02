/**
 * Reference-library records (CSL-JSON items, and BibTeX and RIS entries read into CSL-JSON by
 * Citation.js) as articles: title, the container (newspaper, magazine, site) as outlet, the names
 * as byline, the issued date, URL and language. Their text comes from an attached file when the
 * record names one; without it the article is kept as a metadata-only entry.
 */
import type { CslDate, CslItem, CslName } from '@citation-js/core'
import type { ParsedRecord } from './types'

export const METADATA_ONLY = 'metadata only: no text yet (a reference-library record without an attached file)'

/** CSL item types a reference manager writes for what Parallax holds, and the rest it may meet. */
const CSL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'webpage', 'post', 'post-weblog', 'report', 'book', 'chapter', 'document', 'broadcast', 'interview', 'speech', 'paper-conference', 'thesis', 'manuscript', 'personal_communication', 'legislation', 'legal_case', 'entry-encyclopedia', 'entry-dictionary', 'review', 'motion_picture', 'dataset'])

/**
 * Whether a JSON object is a CSL-JSON item rather than an article record of another tool: a CSL
 * type with CSL's own fields (container-title, issued, names as objects) and no article text.
 */
export function isCslItem(r: Record<string, unknown>): boolean {
  if (typeof r.type !== 'string' || !CSL_TYPES.has(r.type)) return false
  if (['text', 'body', 'content'].some((k) => typeof r[k] === 'string')) return false
  const names = Array.isArray(r.author) && r.author.length > 0 && r.author.every((n) => n && typeof n === 'object')
  const issued = !!r.issued && typeof r.issued === 'object'
  return names || issued || typeof r['container-title'] === 'string'
}

export function cslRecord(item: CslItem, label: string, attachment?: string): ParsedRecord {
  const title = typeof item.title === 'string' ? item.title.trim() : ''
  if (!title) return { label, error: 'the record has no title' }
  const container = [item['container-title'], item.publisher].find((v): v is string => typeof v === 'string' && v.trim() !== '')
  const url = typeof item.URL === 'string' && /^https?:\/\//i.test(item.URL) ? item.URL : null
  return {
    label,
    article: {
      title: title.slice(0, 500),
      author: byline(item.author),
      outlet: container?.trim() ?? null,
      publishedAt: isoDate(item.issued),
      url,
      language: languageCode(item.language),
      text: '',
      warnings: [METADATA_ONLY],
      ...(attachment ? { attachment } : {})
    }
  }
}

/** "Jane Doe, John Smith and Ann Lee" (the form the byline parser splits again for citations). */
function byline(names: CslName[] | undefined): string | null {
  const parts = (Array.isArray(names) ? names : []).map((n) => n.literal ?? [n.given, n['non-dropping-particle'], n.family].filter(Boolean).join(' ')).filter(Boolean)
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

/** CSL date parts as ISO 8601, as precise as the record is (`2025`, `2025-03`, `2025-03-01`). */
export function isoDate(date: CslDate | undefined): string | null {
  const parts = date?.['date-parts']?.[0]?.map(Number)
  if (!parts?.length || parts.some((p) => !Number.isInteger(p)) || parts[0]! < 1000 || parts[0]! > 2999) return null
  const [y, m, d] = parts
  const pad = (n: number): string => String(n).padStart(2, '0')
  if (m === undefined || m < 1 || m > 12) return String(y)
  return d === undefined || d < 1 || d > 31 ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`
}

/** `en`, `en-US`, `en_GB` give `en`; a language written out ("English") is left for detection. */
function languageCode(language: unknown): string | null {
  const m = typeof language === 'string' ? language.trim().match(/^([a-z]{2})(?:[-_]|$)/i) : null
  return m ? m[1]!.toLowerCase() : null
}
