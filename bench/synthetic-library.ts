/**
 * A large synthetic library written straight through the store (no importer): for the library
 * table's tests and benchmark. Deterministic: article i always gets the same fields, so tests can
 * compute what a sort or facet must give. Titles and texts are invented word salad.
 */
import { Library } from '../src/main/core/store/library'

export const OUTLETS = ['Daily Planet', 'Evening Post', 'valley news', 'The Courier', 'Harbour Times', 'Metro Wire', 'Northern Star', 'Civic Ledger']
export const LANGUAGES = ['en', 'en', 'en', 'de', 'fr', 'es']
const WORDS = ['council', 'bridge', 'budget', 'harbour', 'election', 'rail', 'school', 'storm', 'market', 'museum', 'court', 'river', 'festival', 'clinic', 'tariff', 'orchard']
const IMPORTED = Date.parse('2026-01-01T00:00:00Z')

/** Tags and collection membership by article number (1-based), so counts can be computed. */
export const hasTag = { politics: (i: number): boolean => i % 7 === 0, economy: (i: number): boolean => i % 11 === 0 }
export const inCollection = (i: number): boolean => i % 13 === 0
export const hasNote = (i: number): boolean => i % 97 === 0

export interface SyntheticArticle {
  title: string
  author: string | null
  outlet: string | null
  publishedAt: string | null
  language: string | null
  wordCount: number
  importedAt: string
}

/** Article i (1-based): every field a simple function of i; some missing (no date, author, outlet). */
export function synthetic(i: number): SyntheticArticle {
  const w = (k: number): string => WORDS[(i * k + (i >> k)) % WORDS.length]!
  const day = (i * 7919) % 2557 // about 7 years of days
  const date = new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
  return {
    title: `${w(3)[0]!.toUpperCase()}${w(3).slice(1)} ${w(5)} ${w(7)} report ${i}`,
    author: i % 10 === 0 ? null : `Reporter ${(i * 31) % 400}`,
    outlet: i % 50 === 0 ? null : OUTLETS[i % OUTLETS.length]!,
    publishedAt: i % 33 === 0 ? null : date,
    language: i % 40 === 0 ? null : LANGUAGES[i % LANGUAGES.length]!,
    wordCount: 50 + ((i * 104_729) % 3000),
    importedAt: new Date(IMPORTED + i * 1000).toISOString()
  }
}

/**
 * Adds articles 1..n (ids 1..n in a fresh library) with their tags, one collection and notes, by
 * plain SQL in transactions of 50,000 rows (the store's insert also links near-duplicates, which a
 * synthetic library does not need): about 30x faster, so a million-article library takes about a
 * minute. Every article is left pending for the search index, as the store leaves it.
 */
export function fillLibrary(library: Library, n: number): void {
  const db = Library.connection(library)
  const collection = library.collections.create('Synthetic collection')
  const insert = {
    article: db.prepare(`INSERT INTO articles (id, title, author, outlet, published_at, url, language, text, word_count, source_name, source_format, content_hash, warnings, imported_at)
      VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 'txt', ?, '[]', ?)`),
    pending: db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (?, NULL)'),
    tag: db.prepare('INSERT INTO article_tags (article_id, tag) VALUES (?, ?)'),
    member: db.prepare('INSERT INTO collection_articles (collection_id, article_id) VALUES (?, ?)'),
    note: db.prepare(`INSERT INTO notes (article_id, exact, prefix, suffix, start, "end", color, body, created_at, updated_at)
      VALUES (?, 'Synthetic', '', ' text', ?, ?, 'yellow', '', ?, ?)`)
  }
  const one = (i: number): void => {
    const a = synthetic(i)
    const text = syntheticText(a, i)
    insert.article.run(i, a.title, a.author, a.outlet, a.publishedAt, a.language, text, a.wordCount, `a${i}.txt`, `synthetic-${i}`, a.importedAt)
    insert.pending.run(i)
    for (const [tag, p] of Object.entries(hasTag)) if (p(i)) insert.tag.run(i, tag)
    if (inCollection(i)) insert.member.run(collection.id, i)
    const at = text.indexOf('Synthetic')
    if (hasNote(i)) insert.note.run(i, at, at + 9, a.importedAt, a.importedAt)
  }
  const batch = 50_000
  for (let start = 1; start <= n; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n + 1, start + batch); i++) one(i)
    }).immediate()
  }
}

const syntheticText = (a: SyntheticArticle, i: number): string => `${a.title}.\n\nSynthetic text number ${i} for the library table.`
