/**
 * THE API contract between the renderer and the core.
 *
 * Every method names a schema for its argument and one for its result; every event names a
 * schema for its payload. The `Api` type the renderer programs against is derived from these
 * schemas, and `dispatch` (the single entry point of both transports) validates every argument
 * against them, so the two sides cannot drift apart and no unchecked value reaches the core.
 */
import { z } from 'zod'
import { SHELL_COMMANDS, type EventName, type MethodName } from './methods'
import { LIMITS } from './limits'
import { FacetsArgs, FacetsResult, PageArgs, PageResult } from './library-page'

// ---------------------------------------------------------------------------------------------
// Domain

export const ArticleId = z.int().positive()

export const SourceFormat = z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'eml', 'json', 'ndjson', 'csv'])
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
  nearDuplicates: z.array(ArticleId)
})
export type ImportResult = z.infer<typeof ImportResult>

/** An import's id, chosen by the caller to match progress events and cancels to its calls. */
const JobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -')

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
export const Preferences = z.object({
  theme: Theme
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

/** One piece of a word-level diff: kept, added (only in the counterpart) or removed (only here). */
export const DiffPart = z.object({ op: z.enum(['=', '+', '-']), text: z.string() })
export type DiffPart = z.infer<typeof DiffPart>

export const SentenceClass = z.enum(['same', 'reworded', 'only'])

export const ComparedSentence = z.object({
  index: z.int(),
  paragraph: z.int(),
  text: z.string(),
  cls: SentenceClass,
  /** Alignment group across all articles (same colour band), or null. */
  group: z.int().nullable()
})

export const ComparedArticle = z.object({
  id: ArticleId,
  title: z.string(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Where the article was published, when known. */
  url: z.string().nullable(),
  words: z.int(),
  sentences: z.array(ComparedSentence),
  /** Share of this article's words whose sentences have a counterpart in each other article (by position). */
  sharedWith: z.array(z.number()),
  /** Sentences found in no other article. */
  adds: z.int(),
  /** For each other article (by position): its sentences with no counterpart here. */
  leavesOut: z.array(z.int())
})

/** Aligned sentences of two articles, with the word-level differences (empty when the same). */
export const AlignedPair = z.object({
  a: z.int(),
  b: z.int(),
  as: z.array(z.int()),
  bs: z.array(z.int()),
  similarity: z.number(),
  cls: z.enum(['same', 'reworded']),
  diff: z.array(DiffPart)
})

export const QuoteRow = z.object({
  text: z.string(),
  carriers: z.array(
    z.object({
      article: z.int(),
      sentence: z.int(),
      text: z.string(),
      speaker: z.string().nullable(),
      verbatim: z.boolean(),
      diff: z.array(DiffPart)
    })
  )
})

export const EntityRow = z.object({
  kind: z.enum(['person', 'organization', 'place', 'name', 'number', 'date']),
  text: z.string(),
  /** Mentions per article (by position). */
  counts: z.array(z.int())
})

/** A difference found inside aligned sentences: a name or number one article has and the other drops or changes. */
export const ChangeRow = z.object({
  kind: z.enum(['name', 'number', 'date']),
  a: z.int(),
  sentenceA: z.int(),
  b: z.int(),
  sentenceB: z.int(),
  inA: z.array(z.string()),
  inB: z.array(z.string()),
  /** Both sides' aligned text (all sentences of a split or merge), so a change is always shown with both. */
  textA: z.string(),
  textB: z.string()
})

/** One article in a comparison's overview (article: its position in `articles`). */
export const ArticleOverview = z.object({
  article: z.int(),
  /** Share of its words whose sentences have a counterpart in at least one other article. */
  shared: z.number(),
  /** Sentences found in no other article. */
  onlyHere: z.int(),
  /** Headline words no other headline has, and words most other headlines share that this one leaves out. */
  headline: z.object({ adds: z.array(z.string()), drops: z.array(z.string()) }),
  /** Words of the framing lexicon (lexicon/loaded-words.json) in the article's own voice, outside quotes. */
  loaded: z.array(z.object({ term: z.string(), category: z.enum(['neutral-attribution', 'loaded-attribution', 'intensifier', 'label']), count: z.int() })),
  /** People and organisations in the order it first names them, and those it names most. */
  namesFirst: z.array(z.string()),
  namesMost: z.array(z.object({ text: z.string(), count: z.int() })),
  /** It shares almost nothing with any other article. */
  apart: z.boolean()
})

export const Overview = z.object({
  articles: z.array(ArticleOverview),
  /** Sentences only one article has, ranked: those carrying quotes, numbers and names first (at most 10 per article). */
  onlyHere: z.array(z.object({ article: z.int(), sentence: z.int(), text: z.string(), carries: z.array(z.enum(['quote', 'number', 'name'])), score: z.number() })),
  /** Names, numbers and dates that differ in aligned sentences (both sides state one). */
  disagreements: z.array(ChangeRow),
  /** Per row of `quotes` (by position): carried verbatim, altered, or in one article only, and the articles that leave it out. */
  quotes: z.array(z.object({ quote: z.int(), status: z.enum(['shared', 'altered', 'only']), carriers: z.array(z.int()), missingFrom: z.array(z.int()) })),
  /** The articles do not seem to cover the same story: none shares more than a few sentences with another. */
  unrelated: z.boolean(),
  /** The articles by publication time (undated ones last), with hours after the first (null: no date). */
  timeline: z.array(z.object({ article: z.int(), publishedAt: z.string().nullable(), hasTime: z.boolean(), hoursAfterFirst: z.number().nullable() })),
  /**
   * Pairs sharing long passages (runs of verbatim or lightly reworded sentences of 25 words or more),
   * from the earlier article to the later one; words, sentences and paragraphs are the earlier one's.
   * order: 'known' when both are dated apart, 'same-time' or 'unknown' (then earlier/later are by position).
   */
  copying: z.array(
    z.object({
      earlier: z.int(),
      later: z.int(),
      words: z.int(),
      sentences: z.int(),
      paragraphs: z.int(),
      verbatim: z.boolean(),
      hoursApart: z.number().nullable(),
      /** Both publication times carry the hour (else hoursApart is whole days). */
      hoursKnown: z.boolean(),
      order: z.enum(['known', 'same-time', 'unknown'])
    })
  )
})
export type Overview = z.infer<typeof Overview>

export const Comparison = z.object({
  articles: z.array(ComparedArticle),
  pairs: z.array(AlignedPair),
  groups: z.int(),
  quotes: z.array(QuoteRow),
  entities: z.array(EntityRow),
  changes: z.array(ChangeRow),
  overview: Overview
})
export type Comparison = z.infer<typeof Comparison>

export const SavedComparison = z.object({
  id: z.int().positive(),
  title: z.string(),
  articleIds: z.array(ArticleId),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type SavedComparison = z.infer<typeof SavedComparison>

export const NoteColor = z.enum(['yellow', 'green', 'blue', 'pink'])

/** Where a note is anchored: its quote with some context (W3C TextQuoteSelector) and its offsets (TextPositionSelector). */
export const NoteAnchor = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string(), start: z.int(), end: z.int() })
export type NoteAnchor = z.infer<typeof NoteAnchor>

export const Note = z.object({
  id: z.int().positive(),
  articleId: ArticleId,
  articleTitle: z.string(),
  /** The quote as it was anchored. */
  anchor: NoteAnchor,
  /** Where the quote is in the article's current text; 'orphan' when it cannot be found any more. */
  located: z.object({ start: z.int(), end: z.int(), how: z.enum(['position', 'quote', 'orphan']) }),
  color: NoteColor,
  /** Markdown; rendered without raw HTML. */
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Note = z.infer<typeof Note>

const tagName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'is longer than 100 characters')
  .regex(/^[^,\n]+$/, 'must not contain commas or line breaks')

export const Collection = z.object({ id: z.int().positive(), name: z.string(), count: z.int() })
export type Collection = z.infer<typeof Collection>

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-01')

// ---------------------------------------------------------------------------------------------
// Limits and errors live in dependency-free modules the renderer can import without zod.

export { LIMITS } from './limits'
export { ApiError, ERROR_CODES, type ApiErrorShape, type Envelope, type ErrorCode } from './errors'

const base64 = z
  .string()
  .max(Math.ceil(LIMITS.maxFileBytes / 3) * 4 + 4, 'file too large')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')

const fileName = z
  .string()
  .min(1, 'must not be empty')
  .max(1024, 'is longer than 1024 characters')

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
    args: z
      .object({
        id: ArticleId,
        patch: z
          .object({
            title: z.string().trim().min(1, 'must not be empty').max(500).optional(),
            author: z.string().trim().max(200).nullable().optional(),
            outlet: z.string().trim().max(200).nullable().optional(),
            publishedAt: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO date like 2025-03-01')
              .nullable()
              .optional(),
            url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000).nullable().optional(),
            language: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code like en').nullable().optional()
          })
          .strict()
      })
      .strict(),
    result: Article
  },
  'articles.delete': {
    args: z.object({ ids: z.array(ArticleId).min(1).max(LIMITS.maxListLimit) }).strict(),
    result: z.object({ deleted: z.int().nonnegative() })
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
  'articles.tag': {
    args: z.object({ ids: z.array(ArticleId).min(1).max(LIMITS.maxListLimit), add: z.array(tagName).max(50).optional(), remove: z.array(tagName).max(50).optional() }).strict(),
    result: z.object({ updated: z.int() })
  },
  'library.tags': {
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
  'library.exportArchive': {
    /** Some articles only (e.g. to undo their deletion), or the whole library. */
    args: z.object({ ids: z.array(ArticleId).max(LIMITS.maxListLimit).optional() }).strict(),
    result: z.object({ fileName: z.string(), mime: z.string(), content: z.string() })
  },
  'library.importArchive': {
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
      /** Stories of two or more articles, newest first. */
      items: z.array(
        z.object({
          title: z.string(),
          from: z.string().nullable(),
          to: z.string().nullable(),
          outlets: z.array(z.string()),
          articles: z.array(z.object({ id: ArticleId, title: z.string(), outlet: z.string().nullable(), publishedAt: z.string().nullable() }))
        })
      )
    })
  },
  'articles.related': {
    args: z.object({ id: ArticleId, limit: z.int().min(1).max(50).optional() }).strict(),
    result: z.object({
      items: z.array(z.object({ id: ArticleId, title: z.string(), outlet: z.string().nullable(), publishedAt: z.string().nullable(), score: z.number(), nearDuplicate: z.boolean() }))
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
          .array(z.object({ name: fileName, data: base64 }).strict())
          .min(1, 'must hold at least one file')
          .max(LIMITS.maxBatchFiles, `must hold at most ${LIMITS.maxBatchFiles} files`)
      })
      .strict(),
    result: z.object({ results: z.array(ImportResult) })
  },
  /**
   * Imports files and folders (recursively) named by their paths on this machine: the core reads
   * them. Only for callers that may name local files (the CLI, the desktop app's main process);
   * `dispatch` refuses it from any other caller. Problems met while walking folders come first.
   */
  'import.paths': {
    args: z
      .object({
        jobId: JobId,
        /** The outlet for files that do not name their own (see FolderOutlet). */
        folderOutlet: FolderOutlet.optional(),
        paths: z
          .array(z.string().min(1, 'must not be empty').max(4096, 'is longer than 4096 characters'))
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
  }
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
