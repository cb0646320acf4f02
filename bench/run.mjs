// `npm run bench -- <name>`: Parallax's figures beside a baseline measured in the same run.
// Benchmarks read real corpora from ../shared/corpus and say so when it is absent.
//   import   the BBC corpus (2,225 articles) into a fresh library through `parallax import`, through
//            the HTTP bridge as the app calls it (calls of 50), and through the bridge into a library
//            already holding 10,000 articles (PARALLAX_BENCH_PREFILL=...), against the same texts
//            inserted straight into SQLite in one transaction.
//   search   the corpus replicated to 10,000 and 50,000 articles: Parallax's engine against
//            SQLite FTS5 (bm25, snippet) on the same texts and queries (PARALLAX_BENCH_SIZES=...),
//            and related coverage for one article at that size.
//   compare  two and six 1,500-word articles against a naive all-pairs sentence comparison; speaker
//            accuracy and names/numbers precision on the hand-labelled coverage texts.
//   table    the library table (keyset pages, sort changes, facet counts) on a synthetic library of
//            50,000 articles (PARALLAX_BENCH_SIZES=50000,1000000), through the store/SQL and the HTTP
//            bridge, beside the cards view's full load and OFFSET paging.
//   hostile  the probe's hostile batch (zip bomb, FIFO, huge line, …) with good files among them:
//            the importing process's peak RSS against the good files imported alone.
//   stories  related coverage on the coverage corpus (recall@1, empty rate) beside a plain TF-IDF
//            cosine; stories' pairwise precision/recall there, kept and from scratch; the update after
//            1,000 more articles; the first open after a restart at 3,000 and 50,000 (synthetic) articles.
//   scale    a large library (issue 14): the corpus replicated to 100,000 articles
//            (PARALLAX_BENCH_SIZES=100000,1000000): all but the last tenth stored with SQL, the last
//            tenth (at most 100,000; PARALLAX_BENCH_IMPORT=n) imported as NDJSON through the bridge;
//            index build time and peak RSS, start to first answered query (through the bridge),
//            query p50/p95 by form, +100 searchable, first page by date, related coverage, stories
//            after 1,000 new, file size, beside SQLite FTS5 on the same texts; Recoll where installed.
//   extract  main-text extraction on trafilatura's evaluation pages (extraction-eval): P/R/F for
//            the HTML importer beside plain @mozilla/readability, pages without text, time per page.
//   ocr      scans made here (known sentences, noise, skew; an image-only PDF) through the OCR worker:
//            character accuracy and seconds per page, beside a clean page read in the same run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { appImport, prefill } from './import-app.mjs'
import { importThroughBridge, startThroughBridge } from './scale-app.mjs'

const require = createRequire(import.meta.url)
const Database = require('better-sqlite3')
const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..')
const CORPUS = resolve(ROOT, '../shared/corpus')
require('../scripts/ensure-build.js').ensureBuilt()

function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e)
      return statSync(p).isDirectory() ? walk(p) : e.endsWith('.txt') ? [p] : []
    })
}

function timed(fn) {
  const t = process.hrtime.bigint()
  const value = fn()
  return { value, seconds: Number(process.hrtime.bigint() - t) / 1e9 }
}

async function benchImport() {
  const dir = join(CORPUS, 'bbc')
  if (!existsSync(dir)) {
    console.log(`import: SKIPPED, corpus absent (${dir} not found)`)
    return
  }
  const files = walk(dir)
  const cli = join(ROOT, 'bin/parallax.js')
  const tmp = (name) => mkdtempSync(join(tmpdir(), `parallax-bench-${name}-`))
  const dirs = { lib: tmp('cli'), base: tmp('base'), app: tmp('app'), full: tmp('full'), scratch: tmp('scratch') }
  try {
    // Parallax: the real command, a fresh library, every file parsed, hashed and stored.
    const run = timed(() => spawnSync(process.execPath, [cli, 'import', dir, '--library', dirs.lib, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }))
    const results = run.value.stdout.trim().split('\n').map((l) => JSON.parse(l))

    // Baseline: the same texts read and inserted straight into SQLite in one transaction.
    const baseline = timed(() => {
      const db = new Database(join(dirs.base, 'baseline.sqlite'))
      db.pragma('journal_mode = WAL')
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, text TEXT)')
      const ins = db.prepare('INSERT INTO t (name, text) VALUES (?, ?)')
      db.transaction(() => files.forEach((f) => ins.run(f, readFileSync(f, 'utf8'))))()
      db.close()
    })

    // The app: the same .txt files as a dropped "bbc" folder sends them, through `parallax serve`.
    const names = files.map((f) => `bbc/${relative(dir, f)}`)
    const app = await appImport(cli, dirs.app, files, names)
    const size = Number(process.env.PARALLAX_BENCH_PREFILL ?? 10000)
    const held = prefill(cli, dirs.full, dirs.scratch, files, size)
    const full = await appImport(cli, dirs.full, files, names)

    const row = (label, r, n, extra = '') => console.log(`  ${label.padEnd(30)} ${r.seconds.toFixed(2).padStart(6)} s  ${String(Math.round(n / r.seconds)).padStart(5)} files/s${extra}`)
    const summary = (rs) => { const c = (s) => rs.filter((r) => r.status === s).length; return `  (${c('imported')} imported, ${c('duplicate')} duplicate, ${c('skipped')} skipped, ${c('failed')} failed)` }
    const calls = (r) => `  calls: first tenth ${r.firstCalls.toFixed(2)} s, last tenth ${r.lastCalls.toFixed(2)} s`
    console.log(`import: ${results.length} files from ${dir} (${files.length} .txt; the baseline and the app rows take those)`)
    row('baseline (SQLite)', baseline, files.length)
    row('parallax import (CLI)', run, results.length, summary(results))
    row('app, HTTP bridge, empty', app, files.length, summary(app.results) + calls(app))
    row(`app, HTTP bridge, ${held} held`, full, files.length, summary(full.results) + calls(full))
    const verdict = (ok) => (ok ? 'met' : 'NOT met')
    const appRatio = app.seconds / run.seconds
    const fullRatio = full.seconds / app.seconds
    console.log(`  CLI: ${(run.seconds / baseline.seconds).toFixed(1)}x the baseline; whole set under 10 s -> ${verdict(run.seconds < 10)}`)
    console.log(`  app: ${appRatio.toFixed(2)}x the CLI (target <= 1.5x) -> ${verdict(appRatio <= 1.5)}`)
    console.log(`  app into ${held} articles: ${fullRatio.toFixed(2)}x into an empty library (target <= 1.3x) -> ${verdict(fullRatio <= 1.3)}`)
    for (const f of [...results, ...app.results, ...full.results].filter((r) => r.status === 'failed').slice(0, 5)) console.log(`  failed: ${f.path ?? f.name}: ${f.reason}`)
  } finally {
    for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true })
  }
}

/** Runs one phase of a benchmark in its own process; its last line of output (JSON). */
function runPhase(script, args, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`${args[0]} phase failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}): ${r.stderr.slice(-500)}`)
  return r.stdout.trim().split('\n').at(-1)
}

/** Runs `fn(n, libDir, corpusDir)` for each size asked, in a fresh temporary folder each; says when the corpus is absent. */
async function forEachSize(name, defaultSizes, fn) {
  const dir = join(CORPUS, 'bbc')
  if (!existsSync(dir)) {
    console.log(`${name}: SKIPPED, corpus absent (${dir} not found)`)
    return
  }
  for (const n of (process.env.PARALLAX_BENCH_SIZES ?? defaultSizes).split(',').map(Number)) {
    const lib = mkdtempSync(join(tmpdir(), `parallax-bench-${name}-`))
    try {
      await fn(n, lib, dir)
    } catch (err) {
      console.log(`${name}: the ${n}-article run failed: ${err.message}`)
    } finally {
      rmSync(lib, { recursive: true, force: true })
    }
  }
}

/** Each size in its own process, so peak memory and start-up are measured per size. */
function benchSearch() {
  const script = join(ROOT, 'out/main/bench-search.js')
  const phase = (...args) => runPhase(script, args, ['--max-old-space-size=12288'])
  return forEachSize('search', '10000,50000', (n, lib, dir) => {
    const built = phase('build', lib, dir, String(n))
    const queried = phase('query', lib, dir)
    spawnSync(process.execPath, [script, 'report', built, queried], { stdio: 'inherit' })
  })
}

/**
 * Each phase in its own process (see bench/scale.ts PHASES), so its peak memory and start-up are its
 * own; the app-path phases (bench/scale-app.mjs) run `parallax serve` on the same library.
 */
function benchScale() {
  const script = join(ROOT, 'out/main/bench-scale.js')
  const cli = join(ROOT, 'bin/parallax.js')
  return forEachSize('scale', '100000', async (n, lib, dir) => {
    const figures = { wall: {} }
    // Each phase's wall time goes to stderr as it ends (and into the figures), to follow a long run.
    const timedPhase = async (name, run) => {
      const t = process.hrtime.bigint()
      figures[name] = await run()
      figures.wall[name] = Number(process.hrtime.bigint() - t) / 1e9
      console.error(`scale ${n}: ${name} ${figures.wall[name].toFixed(1)} s`)
    }
    const phase = (name) => timedPhase(name, () => JSON.parse(runPhase(script, [name, lib, dir, String(n)])))
    for (const name of ['fill', 'ndjson', 'index']) await phase(name)
    await timedPhase('import', () => importThroughBridge(cli, lib, figures.ndjson.files))
    rmSync(join(lib, 'import'), { recursive: true, force: true })
    await phase('fts')
    await timedPhase('start', () => startThroughBridge(cli, lib))
    for (const name of ['query', 'stories', 'recoll']) await phase(name)
    spawnSync(process.execPath, [script, 'report', JSON.stringify(figures)], { stdio: 'inherit' })
  })
}

function benchCompare() {
  const dir = join(CORPUS, 'bbc')
  if (!existsSync(dir)) {
    console.log(`compare: SKIPPED, corpus absent (${dir} not found)`)
    return
  }
  spawnSync(process.execPath, [join(ROOT, 'out/main/bench-compare.js'), dir, join(CORPUS, 'coverage')], { stdio: 'inherit' })
}

function benchExtract() {
  spawnSync(process.execPath, [join(ROOT, 'out/main/bench-extract.js')], { stdio: 'inherit' })
}

function benchHostile() {
  spawnSync(process.execPath, [join(ROOT, 'out/main/bench-hostile.js')], { stdio: 'inherit' })
}

function benchTable() {
  spawnSync(process.execPath, [join(ROOT, 'out/main/bench-table.js')], { stdio: 'inherit' })
}

function benchStories() {
  const coverage = join(CORPUS, 'coverage')
  const bbc = join(CORPUS, 'bbc')
  if (!existsSync(coverage) || !existsSync(bbc)) {
    console.log(`stories: SKIPPED, corpus absent (${coverage} or ${bbc} not found)`)
    return
  }
  spawnSync(process.execPath, [join(ROOT, 'out/main/bench-stories.js'), coverage, bbc], { stdio: 'inherit' })
}

function benchOcr() {
  spawnSync(process.execPath, [join(ROOT, 'out/main/bench-ocr.js')], { stdio: 'inherit' })
}

const BENCHES = { import: benchImport, search: benchSearch, compare: benchCompare, hostile: benchHostile, extract: benchExtract, table: benchTable, stories: benchStories, scale: benchScale, ocr: benchOcr }
const wanted = process.argv.slice(2)
const unknown = wanted.filter((w) => !BENCHES[w])
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`)
  process.exit(2)
}
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) await BENCHES[name]()
