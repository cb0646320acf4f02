/** The contract's comparison types: aligned sentences, word diffs, quotes, names and numbers, the overview. */
import { z } from 'zod'
import { ArticleId } from './articles'
/** One piece of a word-level diff: kept, added (only in the counterpart) or removed (only here). */
export const DiffPart = z.object({ op: z.enum(['=', '+', '-']), text: z.string() })
export type DiffPart = z.infer<typeof DiffPart>

export const SentenceClass = z.enum(['same', 'reworded', 'only'])

export const ComparedSentence = z.object({
  index: z.int(),
  paragraph: z.int(),
  text: z.string(),
  alignment: SentenceClass,
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
  sentencesA: z.array(z.int()),
  sentencesB: z.array(z.int()),
  similarity: z.number(),
  alignment: z.enum(['same', 'reworded']),
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
