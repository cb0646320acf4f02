/** The contract's notes (anchored to quotes), collections and editable metadata. */
import { z } from 'zod'
import { ArticleId } from './articles'
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

export const tagName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'is longer than 100 characters')
  .regex(/^[^,\n]+$/, 'must not contain commas or line breaks')

/** The metadata a user can correct (the reader's "Edit details", bulk edits). */
export const ArticlePatch = z
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

export const Collection = z.object({ id: z.int().positive(), name: z.string(), count: z.int() })
export type Collection = z.infer<typeof Collection>

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-01')
