/**
 * `npm run bench -- scale`: a large library (issue 14) — the BBC corpus replicated to
 * PARALLAX_BENCH_SIZES articles (default 100,000; new ids, dates over seven years, eight outlets)
 * — and Parallax's search over it beside SQLite FTS5 on the same texts, in the same run. Each
 * phase runs in its own process (bench/run.mjs), so peak memory and start-up are per phase.
 * Bundled to out/main/bench-scale.js. To add figures: a phase in PHASES (its JSON is kept under
 * its name) and rows in ROWS.
 */
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { corpusBase, ftsMix, latencies, ms, replica, ROUNDS } from './search-corpus'
import { SearchIndex } from '../src/main/core/search/engine'
import { maintain } from '../src/main/core/search/segments'
import { Library, LIBRARY_FILE } from '../src/main/core/store/library'
import { report, type Figures } from './scale-report'

const OUTLETS = ['Daily Planet', 'Evening Post', 'Valley News', 'The Courier', 'Harbour Times', 'Metro Wire', 'Northern Star', 'Civic Ledger']
const rss = (): number => process.resourceUsage().maxRSS * 1024

/** Stores articles [from, from + n) of the replicated corpus, pending for search, in transactions of 10,000. */
function store(db: Database.Database, corpusDir: string, from: number, n: number, mark = ''): void {
  const base = corpusBase(corpusDir)
  const insert = db.prepare(`INSERT INTO articles (title, text, outlet, published_at, language, word_count, source_name, source_format, content_hash, imported_at)
    VALUES (?, ?, ?, ?, 'en', 0, 'bench.txt', 'txt', ?, '2026-01-01')`)
  const pending = db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (?, NULL)')
  for (let start = from; start < from + n; start += 10_000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(from + n, start + 10_000); i++) {
        const d = replica(base, i)
        const day = new Date(Date.UTC(2019, 0, 1) + ((i * 7919) % 2557) * 86_400_000).toISOString().slice(0, 10)
        pending.run(insert.run(d.title, `${mark}${d.text}`, OUTLETS[i % OUTLETS.length], day, `h${mark}${i}`).lastInsertRowid)
      }
    })()
  }
}

function fill(dir: string, corpusDir: string, n: number): object {
  const lib = Library.open(dir)
  const t = process.hrtime.bigint()
  store(Library.connection(lib), corpusDir, 0, n)
  lib.close()
  return { n, fillMs: ms(t) }
}

/** The builder's work on the whole library: segments of 10,000, merged by tiers, streaming. */
function index(dir: string): object {
  const lib = Library.open(dir)
  const t = process.hrtime.bigint()
  maintain(Library.connection(lib))
  const buildMs = ms(t)
  const segments = (Library.connection(lib).prepare('SELECT count(*) AS n FROM search_segments').get() as { n: number }).n
  lib.close()
  return { buildMs, segments, rss: rss(), size: fileSize(join(dir, LIBRARY_FILE)) }
}

function fts(dir: string): object {
  const db = new Database(join(dir, 'fts.sqlite'))
  db.pragma('journal_mode = WAL')
  const t = process.hrtime.bigint()
  db.exec(`ATTACH '${join(dir, LIBRARY_FILE)}' AS lib`)
  db.exec("CREATE VIRTUAL TABLE f USING fts5(title, text, tokenize = 'porter unicode61 remove_diacritics 2')")
  db.exec('INSERT INTO f (rowid, title, text) SELECT id, title, text FROM lib.articles')
  const ftsBuildMs = ms(t)
  db.close()
  return { ftsBuildMs, rss: rss(), ftsSize: fileSize(join(dir, 'fts.sqlite')) }
}

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0)
}

/** A fresh process, as the query worker starts: answer, take 100 new articles, answer the mix and related coverage. */
function query(dir: string, corpusDir: string): object {
  const opened = process.hrtime.bigint()
  const lib = Library.open(dir)
  const db = Library.connection(lib)
  // As the query worker starts: it answers at once (the builder worker checks the segments meanwhile).
  const idx = new SearchIndex(db)
  idx.refresh()
  idx.search({ q: 'economy' })
  const firstMs = performance.now() // since this process started
  const openMs = ms(opened) // since the library was opened (the process's own start-up left out)
  const n = (db.prepare('SELECT max(id) AS n FROM articles').get() as { n: number }).n
  store(db, corpusDir, n, 100, 'zyxfresh ')
  const t = process.hrtime.bigint()
  idx.refresh()
  const found = idx.search({ q: 'zyxfresh', limit: 200 }).total
  const freshMs = ms(t)
  latencies((q) => idx.search({ q: q.parallax, limit: 20 }), 2)
  const lat = latencies((q) => idx.search({ q: q.parallax, limit: 20 }), ROUNDS)
  idx.related(2, 10)
  const related = Array.from({ length: 30 }, (_, k) => {
    const t1 = process.hrtime.bigint()
    idx.related(1 + Math.floor((k * n) / 30), 10)
    return ms(t1)
  })
  const queryRss = rss()
  lib.close()
  const { db: f, ftsFirstMs, ftsLat } = ftsMix(dir)
  f.close()
  return { firstMs, openMs, freshMs, found, lat, related, rss: queryRss, ftsFirstMs, ftsLat }
}

/** Recoll (Xapian) where installed: the bench installs nothing. */
function recoll(): object {
  try {
    execFileSync('recollindex', ['-h'], { stdio: 'ignore' })
    return { present: true }
  } catch (err) {
    return { present: (err as { code?: string }).code !== 'ENOENT' }
  }
}

export const PHASES: Record<string, (dir: string, corpusDir: string, n: number) => object> = { fill, index, fts, query, recoll }

// node out/main/bench-scale.js <phase> <dir> <corpus> <n>: prints the phase's JSON; `report <json>` prints the table.
const [phase, dir, corpusDir, n] = process.argv.slice(2)
if (phase === 'report') report(JSON.parse(dir!) as Figures)
else if (phase && PHASES[phase]) console.log(JSON.stringify(PHASES[phase](dir!, corpusDir!, Number(n))))
