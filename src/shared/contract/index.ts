/**
 * THE API contract between the renderer and the core.
 *
 * Every method names a schema for its argument and one for its result; every event names a
 * schema for its payload. The `Api` type the renderer programs against is derived from these
 * schemas, and `dispatch` (the single entry point of both transports) validates every argument
 * against them, so the two sides cannot drift apart and no unchecked value reaches the core.
 * The domain's schemas are in articles.ts, citations.ts, compare.ts and notes.ts beside this file.
 */
import { z } from 'zod'
import { Article, ArticleId, JobId, ArticleSummary, FolderOutlet, ImportOverall, ImportResult, LibraryInfo, OutletAlias, Preferences, SearchHit, SearchStatus } from './articles'
import { CitationFormat } from './citations'
import { Comparison, SavedComparison } from './compare'
import { ArticlePatch, Collection, isoDay, Note, NoteColor, tagName } from './notes'
import { LIMITS } from '../limits'
import { FacetsArgs, FacetsResult, PageArgs, PageResult } from '../library-page'
import { SHELL_COMMANDS, type EventName, type MethodName } from '../methods'
import { versionMethods } from './versions'

export * from './articles'
export * from './citations'
export * from './compare'
export * from './notes'
export * from './versions'
// ---------------------------------------------------------------------------------------------
// Limits and errors live in dependency-free modules the renderer can import without zod.

export { LIMITS } from '../limits'
export { ApiError, ERROR_CODES, type ApiErrorShape, type Envelope, type ErrorCode } from '../errors'

const base64 = z
  .string()
  .max(Math.ceil(LIMITS.maxFileBytes / 3) * 4 + 4, 'file too large')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')

const fileName = z
  .string()
  .min(1, 'must not be empty')
  .max(1024, 'is longer than 1024 characters')

/** A file's bytes as they arrive over IPC or in the browser mode's binary upload (never base64). */
const rawBytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= LIMITS.maxFileBytes, 'file too large')

/**
 * A file for `import.paths` named by its path on this machine and by the name the user sees (a
 * dropped folder's files are "Folder/…/name": its folders can name the outlet, its README is the
 * folder's documentation).
 */
const namedPath = z
  .object({ path: z.string().min(1, 'must not be empty').max(4096, 'is longer than 4096 characters'), name: fileName })
  .strict()

// ---------------------------------------------------------------------------------------------
// Methods

export const methods = {
  'library.info': {
    args: z.object({}).strict(),
    result: LibraryInfo
  },
  'articles.list': {
    args: z
      .object({
        limit: z.int().min(1).max(LIMITS.maxListLimit).optional(),
        offset: z.int().min(0).optional(),
        sort: z.enum(['importedAt', 'publishedAt', 'title', 'outlet', 'author', 'wordCount']).optional(),
        direction: z.enum(['asc', 'desc']).optional(),
        tag: z.string().max(100).optional(),
        collection: z.int().positive().optional()
      })
      .strict(),
    result: z.object({ items: z.array(ArticleSummary), total: z.int().nonnegative() })
  },
  'articles.page': { args: PageArgs, result: PageResult },
  'articles.facets': { args: FacetsArgs, result: FacetsResult },
  'articles.get': {
    args: z.object({ id: ArticleId }).strict(),
    result: Article
  },
  'articles.update': {
    args: z.object({ id: ArticleId, patch: ArticlePatch }).strict(),
    result: Article
  },
  /** One metadata change (outlet, author, language) and/or tags added, on many articles at once, in one transaction. */
  'articles.updateMany': {
    args: z
      .object({
        ids: z.array(ArticleId).min(1, 'must hold at least one article').max(LIMITS.maxListLimit),
        patch: ArticlePatch.pick({ author: true, outlet: true, language: true }),
        addTags: z.array(tagName).max(50).optional()
      })
      .strict()
      .refine((a) => Object.values(a.patch).some((v) => v !== undefined) || (a.addTags?.length ?? 0) > 0, { message: 'must change a field or add a tag', path: ['patch'] }),
    result: z.object({ updated: z.int().nonnegative() })
  },
  'articles.delete': {
    args: z.object({ ids: z.array(ArticleId).min(1).max(LIMITS.maxListLimit) }).strict(),
    result: z.object({ deleted: z.int().nonnegative() })
  },
  /** Gives a metadata-only entry (a reference-library record imported without a file) its text from a file. */
  'articles.attachFile': {
    args: z.object({ id: ArticleId, file: z.object({ name: fileName, data: base64 }).strict() }).strict(),
    result: Article
  },
  'search.query': {
    args: z
      .object({
        q: z.string().max(1000, 'is longer than 1000 characters'),
        limit: z.int().min(1).max(200).optional(),
        offset: z.int().min(0).max(100_000).optional(),
        sort: z.enum(['relevance', 'date']).optional(),
        filters: z
          .object({
            from: isoDay.optional(),
            to: isoDay.optional(),
            outlet: z.string().max(200).optional(),
            language: z.string().max(8).optional(),
            tag: z.string().max(100).optional(),
            collection: z.int().positive().optional()
          })
          .strict()
          .optional()
      })
      .strict(),
    result: z.object({
      total: z.int(),
      hits: z.array(SearchHit),
      /** A message for a query that could not be read (then there are no hits). */
      error: z.string().nullable(),
      terms: z.array(z.string())
    })
  },
  'search.locate': {
    args: z.object({ id: ArticleId, q: z.string().max(1000) }).strict(),
    result: z.object({ ranges: z.array(z.tuple([z.int(), z.int()])) })
  },
  'search.status': {
    args: z.object({}).strict(),
    result: SearchStatus
  },
  'library.facets': {
    args: z.object({}).strict(),
    result: z.object({
      outlets: z.array(z.object({ name: z.string(), count: z.int() })),
      languages: z.array(z.object({ name: z.string(), count: z.int() }))
    })
  },
  'compare.run': {
    args: z.object({ ids: z.array(ArticleId).min(2, 'pick at least 2 articles').max(6, 'pick at most 6 articles') }).strict(),
    result: Comparison
  },
  'compare.report': {
    args: z.object({ ids: z.array(ArticleId).min(2).max(6), format: z.enum(['markdown', 'html']) }).strict(),
    result: z.object({ fileName: z.string(), mime: z.string(), content: z.string() })
  },
  /**
   * The report as a PDF (`content` in base64): printed by the desktop app's shell with Electron's
   * printToPDF. The core alone cannot print, so elsewhere it is refused; a browser prints the
   * HTML report instead (Save as PDF in its print dialog).
   */
  'compare.pdf': {
    args: z.object({ ids: z.array(ArticleId).min(2).max(6) }).strict(),
    result: z.object({ fileName: z.string(), mime: z.literal('application/pdf'), content: z.string() })
  },
  'comparisons.save': {
    args: z
      .object({
        /** Present to update a saved comparison, absent to save a new one. */
        id: z.int().positive().optional(),
        ids: z.array(ArticleId).min(2).max(6),
        title: z.string().trim().min(1, 'must not be empty').max(300),
        notes: z.string().max(200_000)
      })
      .strict(),
    result: SavedComparison
  },
  'comparisons.list': {
    args: z.object({}).strict(),
    result: z.object({ items: z.array(SavedComparison) })
  },
  'comparisons.delete': {
    args: z.object({ id: z.int().positive() }).strict(),
    result: z.object({ deleted: z.boolean() })
  },
  'tags.change': {
    args: z.object({ ids: z.array(ArticleId).min(1).max(LIMITS.maxListLimit), add: z.array(tagName).max(50).optional(), remove: z.array(tagName).max(50).optional() }).strict(),
    result: z.object({ updated: z.int() })
  },
  'tags.list': {
    args: z.object({}).strict(),
    result: z.object({ items: z.array(z.object({ name: z.string(), count: z.int() })) })
  },
  'collections.list': {
    args: z.object({}).strict(),
    result: z.object({ items: z.array(Collection) })
  },
  'collections.create': {
    args: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) }).strict(),
    result: Collection
  },
  'collections.delete': {
    args: z.object({ id: z.int().positive() }).strict(),
    result: z.object({ deleted: z.boolean() })
  },
  'collections.add': {
    args: z.object({ id: z.int().positive(), articleIds: z.array(ArticleId).min(1).max(LIMITS.maxListLimit) }).strict(),
    result: z.object({ added: z.int() })
  },
  'collections.remove': {
    args: z.object({ id: z.int().positive(), articleIds: z.array(ArticleId).min(1).max(LIMITS.maxListLimit) }).strict(),
    result: z.object({ removed: z.int() })
  },
  'collections.export': {
    args: z.object({ id: z.int().positive(), format: z.enum(['markdown', 'json']) }).strict(),
    result: z.object({ fileName: z.string(), mime: z.string(), content: z.string() })
  },
  /**
   * Citations of some articles (a selection, search results, a comparison) or of a collection:
   * CSL-JSON, BibTeX or RIS to save, or references formatted in APA or Chicago author-date.
   */
  'citations.export': {
    args: z
      .object({
        ids: z.array(ArticleId).min(1, 'must hold at least one article').max(LIMITS.maxListLimit).optional(),
        collection: z.int().positive().optional(),
        format: CitationFormat
      })
      .strict()
      .refine((a) => (a.ids === undefined) !== (a.collection === undefined), { message: 'give either ids or a collection', path: ['ids'] }),
    result: z.object({ fileName: z.string(), mime: z.string(), content: z.string(), count: z.int().nonnegative() })
  },
  'archive.export': {
    /** Some articles only (e.g. to undo their deletion), or the whole library. */
    args: z.object({ ids: z.array(ArticleId).max(LIMITS.maxListLimit).optional() }).strict(),
    result: z.object({ fileName: z.string(), mime: z.string(), content: z.string() })
  },
  'archive.import': {
    args: z.object({ content: z.string().max(LIMITS.maxBatchBytes) }).strict(),
    result: z.object({ articles: z.int(), notes: z.int(), collections: z.int(), duplicates: z.int() })
  },
  'notes.list': {
    args: z.object({ articleId: ArticleId.optional() }).strict(),
    result: z.object({ items: z.array(Note) })
  },
  'notes.create': {
    args: z
      .object({
        articleId: ArticleId,
        start: z.int().min(0),
        end: z.int().min(1),
        color: NoteColor,
        body: z.string().max(100_000)
      })
      .strict()
      .refine((a) => a.end > a.start, { message: 'must come after start', path: ['end'] })
      .refine((a) => a.end - a.start <= 20_000, { message: 'a quote is at most 20,000 characters', path: ['end'] }),
    result: Note
  },
  'notes.update': {
    args: z.object({ id: z.int().positive(), body: z.string().max(100_000).optional(), color: NoteColor.optional() }).strict(),
    result: Note
  },
  'notes.delete': {
    args: z.object({ id: z.int().positive() }).strict(),
    result: z.object({ deleted: z.boolean() })
  },
  'notes.export': {
    args: z.object({ articleId: ArticleId }).strict(),
    result: z.object({ fileName: z.string(), mime: z.string(), content: z.string() })
  },
  'stories.list': {
    args: z.object({ limit: z.int().min(1).max(1000).optional() }).strict(),
    result: z.object({
      /** Stories of two or more articles, newest first (stories with no dated article last); all of them unless `limit`. */
      items: z.array(
        z.object({
          title: z.string(),
          from: z.string().nullable(),
          to: z.string().nullable(),
          outlets: z.array(z.string()),
          articles: z.array(z.object({ id: ArticleId, title: z.string(), outlet: z.string().nullable(), publishedAt: z.string().nullable() }))
        })
      ),
      /** Articles not yet linked into stories (a large import): the stories are those linked so far, and grow as the rest are. */
      linking: z.int().min(1).optional()
    })
  },
  'articles.related': {
    args: z.object({ id: ArticleId, limit: z.int().min(1).max(50).optional() }).strict(),
    result: z.object({
      items: z.array(
        z.object({
          id: ArticleId,
          title: z.string(),
          outlet: z.string().nullable(),
          publishedAt: z.string().nullable(),
          score: z.number(),
          nearDuplicate: z.boolean(),
          /** Why it is related: the article's distinctive words both share, as this article writes them (empty for a near-duplicate found only by its text's signature). */
          terms: z.array(z.string())
        })
      )
    })
  },
  'import.files': {
    args: z
      .object({
        /** Lets the caller match progress events to this call. */
        jobId: JobId,
        /** Where this call sits in a larger import sent in several calls (for overall progress). */
        overall: ImportOverall.optional(),
        /** The outlet for files that do not name their own (see FolderOutlet). */
        folderOutlet: FolderOutlet.optional(),
        files: z
          // Raw bytes (IPC, the browser's binary upload); base64 for JSON callers (scripts, tests).
          .array(z.object({ name: fileName, data: z.union([rawBytes, base64]) }).strict())
          .min(1, 'must hold at least one file')
          .max(LIMITS.maxBatchFiles, `must hold at most ${LIMITS.maxBatchFiles} files`)
      })
      .strict(),
    result: z.object({ results: z.array(ImportResult) })
  },
  /**
   * Imports files and folders (recursively) named by their paths on this machine: the core reads
   * them. Only for callers that may name local files (the CLI, the desktop app's own window over
   * IPC); `dispatch` refuses it from any other caller (the HTTP bridge). Problems met while walking folders come first.
   */
  'import.paths': {
    args: z
      .object({
        jobId: JobId,
        /** Where this call sits in a larger import sent in several calls (for overall progress). */
        overall: ImportOverall.optional(),
        /** The outlet for files that do not name their own (see FolderOutlet). */
        folderOutlet: FolderOutlet.optional(),
        /** Files and folders (walked recursively) by path (the CLI), or files with the names the user sees (the desktop app). */
        paths: z
          .array(z.union([z.string().min(1, 'must not be empty').max(4096, 'is longer than 4096 characters'), namedPath]))
          .min(1, 'must hold at least one path')
          .max(100_000, 'must hold at most 100000 paths')
      })
      .strict(),
    result: z.object({ results: z.array(ImportResult) })
  },
  /**
   * Stops a running `import.files` call between two files: what is stored stays, the rest of
   * its files are reported as skipped. Cancelling a call that is not running does nothing.
   */
  'import.cancel': {
    args: z.object({ jobId: JobId }).strict(),
    result: z.object({ cancelled: z.boolean() })
  },
  /**
   * The outlet alias list. Names differing only in case, punctuation or a leading "The" are
   * merged without one (`New York Times` = `The New York Times`).
   */
  'outlets.aliases': {
    args: z.object({}).strict(),
    result: z.object({ items: z.array(OutletAlias) })
  },
  /** Replaces the alias list and renames the library's articles to match; `renamed` counts them. */
  'outlets.setAliases': {
    args: z
      .object({ items: z.array(OutletAlias).max(1000, 'holds more than 1000 aliases') })
      .strict()
      .refine((a) => new Set(a.items.map((i) => i.alias.toLowerCase())).size === a.items.length, { message: 'names an alias twice', path: ['items'] }),
    result: z.object({ items: z.array(OutletAlias), renamed: z.int().nonnegative() })
  },
  /** The user's preferences, kept in the library so they follow it (both modes, any port). */
  'preferences.get': {
    args: z.object({}).strict(),
    result: Preferences
  },
  'preferences.update': {
    args: Preferences.partial().strict(),
    result: Preferences
  },
  /** The OCR languages whose traineddata is installed (what `ocrLanguages` may name). */
  'ocr.languages': {
    args: z.object({}).strict(),
    result: z.object({ installed: z.array(z.object({ code: z.string(), name: z.string() })) })
  },
  ...versionMethods
} satisfies Record<MethodName, { args: z.ZodType; result: z.ZodType }>

// ---------------------------------------------------------------------------------------------
// Events (core -> renderer)

export const events = {
  'import.progress': z.object({
    jobId: z.string(),
    overall: ImportOverall.optional(),
    done: z.int().nonnegative(),
    total: z.int().nonnegative(),
    current: z.string().nullable(),
    last: ImportResult.nullable(),
    /** Every result since the previous event: one per file, one per record of a batch file. */
    finished: z.array(ImportResult).optional()
  }),
  /**
   * The library changed. `resync` is raised by a transport itself when its event stream
   * (re)connects: changes made while it was not connected were missed, so every view reloads.
   */
  'library.changed': z.object({ reason: z.enum(['import', 'delete', 'update', 'comparisons', 'notes', 'tags', 'collections', 'preferences', 'resync']) }),
  /** A menu command of the desktop shell (never sent in browser mode, where keys do the same). */
  'shell.command': z.object({ name: z.enum(SHELL_COMMANDS) })
} satisfies Record<EventName, z.ZodType>

// ---------------------------------------------------------------------------------------------
// Derived types

type Methods = typeof methods
export type Args<M extends MethodName> = z.input<Methods[M]['args']>
export type Result<M extends MethodName> = z.output<Methods[M]['result']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

/** What every caller of the core (renderer client, CLI, tests) programs against. */
export type Api = { [M in MethodName]: (args: Args<M>) => Promise<Result<M>> }

// Compile-time proof that methods.ts lists exactly the contract's methods and events.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const _methodsMatch: Exactly<keyof Methods, MethodName> = true
export const _eventsMatch: Exactly<keyof typeof events, EventName> = true
