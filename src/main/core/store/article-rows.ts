/**
 * How an articles row becomes a contract type. Every repository maps rows the same way: SQL
 * selects columns under the table's own names (a computed one under a plain name) into a `…Row`
 * type, and one `to…` function per contract type maps it; no renaming in SQL.
 */
import type { ArticleSummary, SourceFormat } from '../../../shared/contract'

/** The summary columns, with the article's tags (sorted) and collections as JSON arrays. */
export const SUMMARY_COLUMNS = `id, title, author, outlet, published_at, url, language, word_count,
  source_name, source_format, content_hash, imported_at,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags t WHERE t.article_id = articles.id ORDER BY tag)) AS tags,
  (SELECT json_group_array(collection_id) FROM collection_articles c WHERE c.article_id = articles.id) AS collections`

export interface SummaryRow {
  id: number
  title: string
  author: string | null
  outlet: string | null
  published_at: string | null
  url: string | null
  language: string | null
  word_count: number
  source_name: string
  source_format: string
  content_hash: string
  imported_at: string
  tags: string
  collections: string
}

export interface TextRow extends SummaryRow {
  text: string
  warnings: string
  ocr_confidence: number | null
}

/** The columns of a TextRow beyond the summary's. */
export const TEXT_COLUMNS = 'text, warnings, ocr_confidence'

/** An article's summary with its text and import warnings: everything but its links. */
export type ArticleRecord = ArticleSummary & { text: string; warnings: string[]; ocrConfidence: number | null }

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    author: r.author,
    outlet: r.outlet,
    publishedAt: r.published_at,
    url: r.url,
    language: r.language,
    wordCount: r.word_count,
    sourceName: r.source_name,
    sourceFormat: r.source_format as SourceFormat,
    contentHash: r.content_hash,
    importedAt: r.imported_at,
    tags: JSON.parse(r.tags) as string[],
    collections: JSON.parse(r.collections) as number[]
  }
}

export function toRecord(r: TextRow): ArticleRecord {
  return { ...toSummary(r), text: r.text, warnings: JSON.parse(r.warnings) as string[], ocrConfidence: r.ocr_confidence }
}

/** Rows fetched by a list of ids, returned in that order (ids not found left out). */
export function inOrder<R extends { id: number }>(ids: readonly number[], rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
