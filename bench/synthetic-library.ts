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

/** Adds articles 1..n (ids 1..n in a fresh library) with their tags, one collection and notes. */
export function fillLibrary(library: Library, n: number): void {
  // Batched in transactions of 10,000: the store's own writes, without a commit per article.
  const db = Library.connection(library)
  const batch = 10_000
  for (let start = 1; start <= n; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n + 1, start + batch); i++) insertOne(library, i)
    })()
  }
  const collection = library.collections.create('Synthetic collection')
  db.transaction(() => {
    const ids = (p: (i: number) => boolean): number[] => Array.from({ length: n }, (_, k) => k + 1).filter(p)
    for (const [tag, p] of Object.entries(hasTag)) library.tags.change(ids(p), [tag], [])
    library.collections.add(collection.id, ids(inCollection))
  })()
}

function insertOne(library: Library, i: number): void {
  const a = synthetic(i)
  const text = `${a.title}.\n\nSynthetic text number ${i} for the library table.`
  const { importedAt, ...fields } = a
  const out = library.articles.insert({ ...fields, url: null, text, sourceName: `a${i}.txt`, sourceFormat: 'txt', contentHash: `synthetic-${i}`, warnings: [] }, importedAt)
  if (hasNote(i)) {
    const t = importedAt
    library.notes.add(out.id, { exact: 'Synthetic', prefix: '', suffix: ' text', start: text.indexOf('Synthetic'), end: text.indexOf('Synthetic') + 9, color: 'yellow', body: '', createdAt: t, updatedAt: t })
  }
}
