/**
 * The whole library as one JSON archive, and back: every article (text and metadata), its tags
 * and notes, every collection and saved comparison. Importing into an empty library keeps every
 * id, so an export, an import and a second export are identical; importing into a library that
 * already has articles merges by content hash (the same text is one article) and renumbers.
 */
import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import { contentHash, countWords } from './importers/metadata'
import { prepareArticle } from './importers/prepare'
import { NoteColor, SourceFormat } from '../../shared/contract'
import type { ArticleRecord } from './store/article-rows'
import type { Library } from './store/library'
import type { StoredVersion } from './store/article-versions'
import type { StoredNote } from './store/notes'

const ArchiveNote = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.int(),
  end: z.int(),
  color: NoteColor,
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
})

const ArchiveArticle = z.object({
  id: z.int().positive(),
  title: z.string().min(1),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  /** Empty for a metadata-only entry. */
  text: z.string(),
  sourceName: z.string(),
  sourceFormat: SourceFormat,
  importedAt: z.string(),
  warnings: z.array(z.string()),
  /** Text read by OCR: its confidence (absent in archives written before OCR). */
  ocrConfidence: z.number().min(0).max(100).nullable().optional(),
  tags: z.array(z.string()),
  notes: z.array(ArchiveNote),
  /** Earlier versions (headline and text), oldest first; archives written before versions have none. */
  versions: z
    .array(z.object({ number: z.int().positive(), title: z.string(), text: z.string(), publishedAt: z.string().nullable(), sourceName: z.string(), importedAt: z.string() }))
    .default([])
})

export const Archive = z.object({
  format: z.literal('parallax-archive'),
  version: z.literal(1),
  exportedAt: z.string(),
  articles: z.array(ArchiveArticle),
  collections: z.array(z.object({ id: z.int().positive(), name: z.string().min(1), createdAt: z.string(), articleIds: z.array(z.int()) })),
  comparisons: z.array(z.object({ title: z.string(), articleIds: z.array(z.int()), notes: z.string(), createdAt: z.string(), updatedAt: z.string() }))
})
export type Archive = z.infer<typeof Archive>

type ArchiveArticle = z.infer<typeof ArchiveArticle>

/** The archive form of stored articles, with their notes (read in two queries, not one per article). */
export function archiveArticles(library: Library, ids: readonly number[]): ArchiveArticle[] {
  const notes = library.notes.storedFor(ids)
  return library.articles.records(ids).map((a) => toArchiveArticle(a, notes.get(a.id) ?? [], library.versions.older(a.id)))
}

function toArchiveArticle(a: ArticleRecord, notes: StoredNote[], versions: StoredVersion[]): ArchiveArticle {
  return {
    id: a.id,
    title: a.title,
    author: a.author,
    outlet: a.outlet,
    publishedAt: a.publishedAt,
    url: a.url,
    language: a.language,
    text: a.text,
    sourceName: a.sourceName,
    sourceFormat: a.sourceFormat,
    importedAt: a.importedAt,
    warnings: a.warnings,
    ocrConfidence: a.ocrConfidence,
    tags: a.tags,
    notes,
    versions: versions.map((v) => ({ number: v.number, title: v.title, text: v.text, publishedAt: v.publishedAt, sourceName: v.sourceName, importedAt: v.importedAt }))
  }
}

/** The archive of the whole library, or of some articles (with their notes, tags and collections). */
export function exportArchive(library: Library, only?: number[]): Archive {
  const wanted = only ? new Set(only) : null
  const ids = library.articles.ids().filter((id) => !wanted || wanted.has(id))
  const collections = library.collections
    .all()
    .map((c) => ({ id: c.id, name: c.name, createdAt: c.createdAt, articleIds: library.collections.articleIds(c.id).filter((id) => !wanted || wanted.has(id)) }))
    .filter((c) => !wanted || c.articleIds.length > 0)
  // Saved comparisons belong to the whole library: a partial archive leaves them out.
  const comparisons = wanted ? [] : library.comparisons.all().map((c) => ({ title: c.title, notes: c.notes, createdAt: c.createdAt, updatedAt: c.updatedAt, articleIds: c.articleIds }))
  return { format: 'parallax-archive', version: 1, exportedAt: new Date().toISOString(), articles: archiveArticles(library, ids), collections, comparisons }
}

export type ArchiveCounts = { articles: number; notes: number; collections: number; duplicates: number }

export function parseArchive(content: string): Archive {
  let raw: unknown
  try {
    raw = JSON.parse(content)
  } catch {
    throw new ApiError('invalid_argument', 'The archive is not valid JSON.', 'content')
  }
  const parsed = Archive.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ApiError('invalid_argument', `Not a Parallax archive: ${issue.path.join('.') || 'file'} ${issue.message}`, 'content')
  }
  return parsed.data
}

/** Restores an archive in one transaction: whole, or not at all. */
export function importArchive(library: Library, content: string): ArchiveCounts {
  const archive = parseArchive(content)
  const counts = { articles: 0, notes: 0, collections: 0, duplicates: 0 }
  library.transaction(() => {
    const idMap = restoreArticles(library, archive.articles, counts)
    for (const c of archive.collections) {
      const id = library.collections.create(c.name, c.createdAt, c.id).id
      library.collections.add(id, c.articleIds.flatMap((a) => idMap.get(a) ?? []))
      counts.collections++
    }
    for (const c of archive.comparisons) {
      const articleIds = c.articleIds.flatMap((a) => idMap.get(a) ?? [])
      if (articleIds.length >= 2) library.comparisons.create({ ...c, articleIds })
    }
  })
  return counts
}

/** Stores the archive's articles with their tags and notes; returns the archive's ids mapped to the library's. */
function restoreArticles(library: Library, articles: ArchiveArticle[], counts: ArchiveCounts): Map<number, number> {
  const idMap = new Map<number, number>()
  for (const a of articles) {
    const prepared = prepareArticle({ title: a.title, author: a.author, outlet: a.outlet, publishedAt: a.publishedAt, url: a.url, language: a.language, text: a.text, warnings: a.warnings, ocrConfidence: a.ocrConfidence ?? null })
    // Ids are kept wherever they are free (always in an empty library; when undoing a delete, too).
    const outcome = library.articles.insert({ ...prepared, sourceName: a.sourceName, sourceFormat: a.sourceFormat }, a.importedAt, library.articles.has(a.id) ? undefined : a.id)
    idMap.set(a.id, outcome.id)
    if (outcome.status === 'duplicate') {
      counts.duplicates++
      continue
    }
    counts.articles++
    if (a.tags.length) library.tags.change([outcome.id], a.tags, [])
    for (const n of a.notes) library.notes.add(outcome.id, n)
    counts.notes += a.notes.length
    library.versions.restore(outcome.id, a.versions.map((v) => ({ ...v, wordCount: countWords(v.text), contentHash: contentHash(v.text) })))
  }
  return idMap
}
