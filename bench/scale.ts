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
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { corpusBase, ftsMix, latencies, ms, replica, ROUNDS } from './search-corpus'
import { SearchIndex } from '../src/main/core/search/engine'
import { maintain } from '../src/main/core/search/segments'
import { Library, LIBRARY_FILE } from '../src/main/core/store/library'
import { report, type Figures } from './scale-report'
import { firstPage } from './scale-page'
import { dayOf, importedPart, OUTLETS, store } from './scale-store'
import { storiesUpdate } from './scale-stories'

/** NDJSON records per imported file: a call of about 2.5 MB, answered well within fetch's 5-minute limit. */
const RECORDS_PER_FILE = 1000
const rss = (): number => process.resourceUsage().maxRSS * 1024

/**
 * All but the imported part, with plain SQL. Bench generation only: no fsync (synchronous = OFF),
 * and the stored articles' stories count as kept (a large library's keeper has long linked them),
 * so only what arrives later is linked.
 */
function fill(dir: string, corpusDir: string, n: number): object {
  const lib = Library.open(dir)
  const db = Library.connection(lib)
  const t = process.hrtime.bigint()
  db.pragma('synchronous = OFF')
  store(db, corpusDir, 0, n - importedPart(n))
  db.exec('DELETE FROM story_pending')
  const fillMs = ms(t)
  lib.close()
  return { n, stored: n - importedPart(n), fillMs }
}

/** The imported part as NDJSON files of 1,000 records (one call each, as the renderer sends a batch): their paths. */
function ndjson(dir: string, corpusDir: string, n: number): object {
  const base = corpusBase(corpusDir)
  const out = join(dir, 'import')
  mkdirSync(out, { recursive: true })
  const files: string[] = []
  for (let start = n - importedPart(n); start < n; start += RECORDS_PER_FILE) {
    const lines: string[] = []
    for (let i = start; i < Math.min(n, start + RECORDS_PER_FILE); i++) {
      const d = replica(base, i)
      lines.push(JSON.stringify({ title: d.title, text: d.text, outlet: OUTLETS[i % OUTLETS.length], date: dayOf(i), url: `https://bench.example/${i}` }))
    }
    files.push(join(out, `part-${files.length}.ndjson`))
    writeFileSync(files.at(-1)!, `${lines.join('\n')}\n`)
  }
  return { files, records: importedPart(n) }
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
  const page = firstPage(lib)
  const queryRss = rss()
  lib.close()
  const { db: f, ftsFirstMs, ftsLat } = ftsMix(dir)
  f.close()
  return { firstMs, openMs, freshMs, found, lat, related, page, rss: queryRss, ftsFirstMs, ftsLat }
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

export const PHASES: Record<string, (dir: string, corpusDir: string, n: number) => object | Promise<object>> = { fill, ndjson, index, fts, query, stories: storiesUpdate, recoll }

// node out/main/bench-scale.js <phase> <dir> <corpus> <n>: prints the phase's JSON; `report <json>` prints the table.
const [phase, dir, corpusDir, n] = process.argv.slice(2)
if (phase === 'report') report(JSON.parse(dir!) as Figures)
else if (phase && PHASES[phase]) void Promise.resolve(PHASES[phase](dir!, corpusDir!, Number(n))).then((out) => console.log(JSON.stringify(out)))
