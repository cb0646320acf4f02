/**
 * The library table's part of the contract: one page of rows for a sort and filters (keyset
 * paging through a cursor), and the facet counts for the same filters. Imported by contract.ts.
 */
import { z } from 'zod'

export const PAGE_SORTS = ['title', 'outlet', 'author', 'publishedAt', 'wordCount', 'language', 'importedAt'] as const
export const PageSort = z.enum(PAGE_SORTS)
export type PageSort = z.infer<typeof PageSort>

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-01')

/** What the table is filtered to; every filter narrows (AND). Dates compare by day, inclusive. */
export const LibraryFilters = z
  .object({
    outlet: z.string().max(200).optional(),
    language: z.string().max(16).optional(),
    tag: z.string().max(100).optional(),
    collection: z.int().positive().optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    hasNotes: z.boolean().optional(),
    /** A search query: only the articles it finds (up to the search limit). */
    q: z.string().max(1000, 'is longer than 1000 characters').optional()
  })
  .strict()
export type LibraryFilters = z.infer<typeof LibraryFilters>

/** Where the previous page ended: its last row's sort value and id (opaque to the caller). */
export const PageCursor = z
  .object({ v: z.union([z.string().max(2000), z.number(), z.null()]), id: z.int().positive() })
  .strict()
export type PageCursor = z.infer<typeof PageCursor>

export const PageArgs = z
  .object({
    sort: PageSort.optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    filters: LibraryFilters.optional(),
    limit: z.int().min(1).max(1000).optional(),
    /** Continue after this row (keyset paging); without it, start at `offset` (default 0). */
    cursor: PageCursor.optional(),
    /** For a jump (the scrollbar dragged far): rows to skip. Slower than a cursor on huge libraries. */
    offset: z.int().min(0).max(10_000_000).optional(),
    /** Also count the rows matching the filters (skip it when paging on). */
    withTotal: z.boolean().optional()
  })
  .strict()

export const LibraryRow = z.object({
  id: z.int().positive(),
  title: z.string(),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  language: z.string().nullable(),
  wordCount: z.int().nonnegative(),
  importedAt: z.string(),
  tags: z.array(z.string()),
  notesCount: z.int().nonnegative()
})
export type LibraryRow = z.infer<typeof LibraryRow>

export const PageResult = z.object({
  items: z.array(LibraryRow),
  /** Where the next page starts; null at the end. */
  next: PageCursor.nullable(),
  /** Rows matching the filters (when asked with `withTotal`). */
  total: z.int().nonnegative().nullable(),
  /** A search query that could not be read (then there are no rows). */
  error: z.string().nullable(),
  /** A search query's matches in all, when there are more than the table takes (its best 10,000); with `withTotal`. */
  matched: z.int().nonnegative().optional()
})

const Count = z.object({ name: z.string(), count: z.int().nonnegative() })

export const FacetsArgs = z.object({ filters: LibraryFilters.optional() }).strict()

/** Each facet counts with every other filter applied (its own left out, so its choices stay visible). */
export const FacetsResult = z.object({
  total: z.int().nonnegative(),
  outlets: z.array(Count),
  languages: z.array(Count),
  tags: z.array(Count),
  collections: z.array(z.object({ id: z.int().positive(), name: z.string(), count: z.int().nonnegative() })),
  hasNotes: z.object({ with: z.int().nonnegative(), without: z.int().nonnegative() }),
  /** Articles by month (`2025-03`) or, over long spans, by year (`2025`); undated ones left out. */
  dates: z.object({ unit: z.enum(['month', 'year']), buckets: z.array(Count) }),
  error: z.string().nullable()
})
export type FacetsResult = z.infer<typeof FacetsResult>
