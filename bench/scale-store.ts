/**
 * The scale benchmark's articles (bench/scale.ts): the BBC corpus replicated, article i always the
 * same (title, shuffled paragraphs, one of eight outlets, a day in seven years), written with plain
 * SQL as pending for search, as the store would leave them.
 */
import type Database from 'better-sqlite3'
import { corpusBase, replica } from './search-corpus'

export const OUTLETS = ['Daily Planet', 'Evening Post', 'Valley News', 'The Courier', 'Harbour Times', 'Metro Wire', 'Northern Star', 'Civic Ledger']

/** The day article i was published: spread over seven years. */
export const dayOf = (i: number): string => new Date(Date.UTC(2019, 0, 1) + ((i * 7919) % 2557) * 86_400_000).toISOString().slice(0, 10)
/** The library's last tenth (at most 100,000; PARALLAX_BENCH_IMPORT to choose) arrives through the app's import; the rest is stored with plain SQL. */
export const importedPart = (n: number): number => Number(process.env.PARALLAX_BENCH_IMPORT ?? Math.min(100_000, Math.round(n / 10)))
/** Rows per transaction while filling: few commits, bounded memory. */
const FILL_BATCH = 50_000

/** Stores articles [from, from + n) of the replicated corpus, pending for search. */
export function store(db: Database.Database, corpusDir: string, from: number, n: number, mark = ''): void {
  const base = corpusBase(corpusDir)
  const insert = db.prepare(`INSERT INTO articles (title, text, outlet, published_at, language, word_count, source_name, source_format, content_hash, imported_at)
    VALUES (?, ?, ?, ?, 'en', 0, 'bench.txt', 'txt', ?, '2026-01-01')`)
  const pending = db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (?, NULL)')
  for (let start = from; start < from + n; start += FILL_BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(from + n, start + FILL_BATCH); i++) {
        const d = replica(base, i)
        pending.run(insert.run(d.title, `${mark}${d.text}`, OUTLETS[i % OUTLETS.length], dayOf(i), `h${mark}${i}`).lastInsertRowid)
      }
    })()
  }
}
