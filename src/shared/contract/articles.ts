/** The contract's domain: articles, imports, outlets, preferences, the library and search results. */
import { z } from 'zod'
export const ArticleId = z.int().positive()

export const SourceFormat = z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'eml', 'json', 'ndjson', 'csv', 'bibtex', 'ris', 'mhtml', 'warc', 'wacz', 'feed', 'image'])
export type SourceFormat = z.infer<typeof SourceFormat>

/** An article as listed: everything but its text. */
export const ArticleSummary = z.object({
  id: ArticleId,
  title: z.string(),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  /** ISO 8601 date (`2025-03-01`) or date-time, as precise as the source said. */
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  wordCount: z.int().nonnegative(),
  sourceName: z.string(),
  sourceFormat: SourceFormat,
  /** SHA-256 of the normalised text: the identity used for de-duplication. */
  contentHash: z.string(),
  importedAt: z.string(),
  tags: z.array(z.string()),
  /** Ids of the collections the article is in. */
  collections: z.array(z.int())
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const NearDuplicate = z.object({
  id: ArticleId,
  title: z.string(),
  outlet: z.string().nullable(),
  /** Estimated share of wording in common (Jaccard over 5-word shingles), 0-1. */
  similarity: z.number()
})
export type NearDuplicate = z.infer<typeof NearDuplicate>

export const Article = ArticleSummary.extend({
  /** Plain text; paragraphs separated by one blank line. Never HTML. */
  text: z.string(),
  /** Notes on how the text was recovered, e.g. "encoding repaired (Windows-1252)". */
  warnings: z.array(z.string()),
  /** Set when the text was read by OCR (a scan): the recogniser's mean word confidence, 0-100. */
  ocrConfidence: z.number().min(0).max(100).nullable(),
  /** Other articles sharing most of this one's text (e.g. the same wire story), most similar first. */
  nearDuplicates: z.array(NearDuplicate)
})
export type Article = z.infer<typeof Article>

/**
 * `metadata`: a file read as another file's metadata (`story.json` beside `story.txt`); its
 * `articleId` is the article it describes.
 */
export const ImportStatus = z.enum(['imported', 'duplicate', 'metadata', 'skipped', 'failed'])
export type ImportStatus = z.infer<typeof ImportStatus>

/** What happened to one file of an import batch: every file gets exactly one. */
export const ImportResult = z.object({
  name: z.string(),
  status: ImportStatus,
  articleId: ArticleId.nullable(),
  title: z.string().nullable(),
  /** Why it was skipped or failed, which article it duplicates, or which fields it gave its article. */
  reason: z.string().nullable(),
  /** For imported articles: the existing articles it was linked to as near-duplicates. */
  nearDuplicates: z.array(ArticleId),
  /** Imported as a new version of the stored article `articleId` (or, for a duplicate, the same as its earlier version `number`). */
  version: z.object({ number: z.int().positive(), change: z.enum(['headline', 'text', 'headline and text']).nullable() }).optional()
})
export type ImportResult = z.infer<typeof ImportResult>

/** An import's id, chosen by the caller to match progress events and cancels to its calls. */
export const JobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -')

/** A user's import as a whole, when it is sent in several `import.files` calls. */
export const ImportOverall = z
  .object({
    /** The whole import's id, shared by its calls. */
    id: JobId,
    /** Files of the whole import finished before this call. */
    before: z.int().nonnegative(),
    /** Files in the whole import. */
    total: z.int().positive()
  })
  .strict()
  .refine((o) => o.before < o.total, { message: 'before must be less than total', path: ['before'] })
export type ImportOverall = z.infer<typeof ImportOverall>

/**
 * Where the outlet of a file that does not name its own comes from: one name for everything
 * imported, or the name of the sub-folder it was found in ("Quay Times/2024/a.txt": Quay Times).
 * Without it a folder's name is never taken for an outlet (`bbc/tech` is a topic, not an outlet).
 */
export const FolderOutlet = z.discriminatedUnion('from', [
  z.object({ from: z.literal('subfolders') }).strict(),
  z.object({ from: z.literal('name'), name: z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters') }).strict()
])
export type FolderOutlet = z.infer<typeof FolderOutlet>

const outletName = z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters')

/** Another spelling of an outlet's name, stored as the outlet's name when articles arrive. */
export const OutletAlias = z.object({ alias: outletName, outlet: outletName }).strict()
export type OutletAlias = z.infer<typeof OutletAlias>

export const Theme = z.enum(['system', 'light', 'dark'])
/** A tesseract language code (`eng`, `deu`); only installed ones are accepted. */
export const OcrLanguage = z.string().regex(/^[a-z]{3}$/, 'must be a three-letter tesseract language code such as eng')
export const Preferences = z.object({
  theme: Theme,
  /** The languages scans are read in by OCR (English by default); more languages are slower. */
  ocrLanguages: z.array(OcrLanguage).min(1, 'must name at least one language').max(3, 'names more than 3 languages')
})
export type Preferences = z.infer<typeof Preferences>

export const LibraryInfo = z.object({
  path: z.string(),
  schemaVersion: z.int(),
  articleCount: z.int().nonnegative(),
  appVersion: z.string()
})
export type LibraryInfo = z.infer<typeof LibraryInfo>

export const SearchHit = z.object({
  id: ArticleId,
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  score: z.number(),
  /** A passage around the best match; highlights are [start, end) offsets into `text`. */
  snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([z.int(), z.int()])) })
})
export type SearchHit = z.infer<typeof SearchHit>

export const SearchStatus = z.object({
  state: z.enum(['ready', 'indexing']),
  documents: z.int(),
  segments: z.int(),
  pending: z.int()
})
export type SearchStatus = z.infer<typeof SearchStatus>

/** One version of an article: its headline and dates (the text is read with `articles.version`). */
export const ArticleVersion = z.object({
  /** 1 for the first imported; the highest is the current one, the one the library shows and searches. */
  number: z.int().positive(),
  title: z.string(),
  publishedAt: z.string().nullable(),
  importedAt: z.string(),
  wordCount: z.int().nonnegative(),
  sourceName: z.string(),
  current: z.boolean()
})
export type ArticleVersion = z.infer<typeof ArticleVersion>
