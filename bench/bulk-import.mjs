// Bulk import through the app's path (issue 14): a large export generated from the BBC corpus
// (NDJSON, CSV or a JSON array; new ids, titles, URLs and dates), posted to the HTTP bridge as the
// renderer posts a chosen file (`import.files`, an application/vnd.parallax.upload body), and
// timed with the serving process's peak RSS. `npm run bench -- import` prints it; the scale bench
// can reuse both functions:
//
//   writeBulkExport({ corpusDir, outDir, records, format?, maxFileBytes? }) -> { files, records, bytes }
//   importThroughBridge(cli, libraryDir, files)  -> { seconds, rate, cpuSeconds, peakRss, results, counts }
//   (cli: bin/parallax.js; files: paths, one `import.files` call each; rate: records/s; peakRss: bytes)
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { serve, uploadBody } from './import-app.mjs'

/** The app's per-file limit (LIMITS.maxFileBytes in src/shared/limits.ts). */
const LIMITS_FILE_BYTES = 50 * 1024 * 1024
const OUTLETS = ['Daily Planet', 'Evening Post', 'Valley News', 'The Courier', 'Harbour Times', 'Metro Wire', 'Northern Star', 'Civic Ledger']

/** The corpus's articles as title and paragraphs, in a stable order. */
function corpusArticles(dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.txt')).sort()
  return files.map((f) => {
    const [title, ...paras] = readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
    return { title, paras }
  })
}

/**
 * Record i: article a = i mod n as it is for the first n records; after that, copy c of article a
 * has every other paragraph of a replaced by another article b's, and opens with its own dateline, so
 * every record is a new text and copies are not near-duplicates of one another (they share a
 * third of their wording, as follow-ups of a story do, and some become LSH candidates).
 */
export function bulkRecord(base, i) {
  const a = base[i % base.length]
  const copy = Math.floor(i / base.length)
  const day = new Date(Date.UTC(2019, 0, 1) + ((i * 7919) % 2557) * 86_400_000).toISOString().slice(0, 10)
  const outlet = OUTLETS[i % OUTLETS.length]
  let paras = a.paras
  if (copy) {
    const b = base[(i + copy * 997) % base.length]
    // Every other paragraph of a swapped for b's paragraph in the same place (where b has one).
    paras = [`${outlet}, ${day}: report ${i}.`, ...a.paras.map((p, k) => (k % 2 === copy % 2 ? p : (b.paras[k] ?? p)))]
  }
  return { id: `bulk-${i}`, title: copy ? `${a.title} (${copy})` : a.title, text: paras.join('\n\n'), date: day, outlet, url: `https://example.org/bulk/${i}` }
}

const CSV_COLUMNS = ['id', 'title', 'text', 'date', 'outlet', 'url']
const csvField = (v) => `"${String(v).replace(/"/g, '""')}"`
const encoders = {
  ndjson: { head: '', line: (r) => `${JSON.stringify(r)}\n`, tail: '' },
  csv: { head: `${CSV_COLUMNS.join(',')}\n`, line: (r) => `${CSV_COLUMNS.map((c) => csvField(r[c])).join(',')}\n`, tail: '' },
  json: { head: '[\n', line: (r, first) => `${first ? '' : ',\n'}${JSON.stringify(r)}`, tail: '\n]\n' }
}

/**
 * Writes `records` generated records into `outDir` as export files of `format`, a new file
 * whenever the next record would pass `maxFileBytes` (the app's per-file limit by default), as
 * a large export split into parts. Streams: never holds more than one record.
 */
export function writeBulkExport({ corpusDir, outDir, records, format = 'ndjson', maxFileBytes = LIMITS_FILE_BYTES }) {
  const base = corpusArticles(corpusDir)
  const enc = encoders[format]
  mkdirSync(outDir, { recursive: true })
  const files = []
  let fd = null
  let size = 0
  let first = true
  const close = () => {
    if (fd === null) return
    writeSync(fd, enc.tail)
    closeSync(fd)
    fd = null
  }
  for (let i = 0; i < records; i++) {
    let line = enc.line(bulkRecord(base, i), first)
    if (fd !== null && size + Buffer.byteLength(line) + enc.tail.length > maxFileBytes) close()
    if (fd === null) {
      const file = join(outDir, `bulk-${String(files.length + 1).padStart(3, '0')}.${format}`)
      files.push(file)
      fd = openSync(file, 'w')
      first = true
      line = enc.line(bulkRecord(base, i), first)
      size = writeSync(fd, enc.head)
    }
    size += writeSync(fd, line)
    first = false
  }
  close()
  return { files, records, bytes: files.reduce((n, f) => n + statSync(f).size, 0) }
}

/** The process's CPU seconds so far, user and system, all threads (Linux): the work, whatever the machine's load. */
function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** The process's peak resident memory so far (Linux), in bytes; its worker threads included. */
function peakRssOf(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : NaN
}

/**
 * Imports `files` into the library at `libraryDir` through `parallax serve`, one file per
 * `import.files` call (a chosen file as the renderer sends it). Returns the wall-clock seconds,
 * records per second (every record counted, whatever became of it), the serving process's peak
 * RSS, every result and the counts by status.
 */
export async function importThroughBridge(cli, libraryDir, files) {
  const server = await serve(cli, libraryDir)
  try {
    const results = []
    const jobId = `bulk-${Date.now().toString(36)}`
    const t = process.hrtime.bigint()
    const cpuBefore = cpuSecondsOf(server.pid)
    for (const [i, file] of files.entries()) {
      const bytes = readFileSync(file)
      const header = { jobId: `${jobId}-${i}`, overall: { id: jobId, before: i, total: files.length }, files: [{ name: basename(file), size: bytes.length }] }
      const res = await fetch(new URL('rpc/import.files', server.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/vnd.parallax.upload' },
        body: uploadBody(header, [bytes])
      })
      const body = await res.json()
      if (!res.ok || !body.ok) throw new Error(`import.files answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
      results.push(...body.result.results)
    }
    const seconds = Number(process.hrtime.bigint() - t) / 1e9
    const counts = {}
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1
    const cpuSeconds = cpuSecondsOf(server.pid) - cpuBefore
    return { seconds, rate: results.length / seconds, cpuSeconds, peakRss: peakRssOf(server.pid), results, counts }
  } finally {
    await server.stop()
  }
}

/** The same records inserted straight into SQLite, in transactions of 10,000: the baseline. */
function plainInserts(corpusDir, dir, records) {
  const Database = createRequire(import.meta.url)('better-sqlite3')
  const base = corpusArticles(corpusDir)
  const t = process.hrtime.bigint()
  const db = new Database(join(dir, 'baseline.sqlite'))
  db.pragma('journal_mode = WAL')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT, text TEXT, date TEXT, outlet TEXT, url TEXT)')
  const ins = db.prepare('INSERT INTO t (title, text, date, outlet, url) VALUES (@title, @text, @date, @outlet, @url)')
  for (let start = 0; start < records; start += 10_000) {
    db.transaction(() => {
      for (let i = start; i < Math.min(records, start + 10_000); i++) ins.run(bulkRecord(base, i))
    })()
  }
  db.close()
  return Number(process.hrtime.bigint() - t) / 1e9
}

/**
 * `npm run bench -- import`'s bulk lines: PARALLAX_BENCH_BULK records (100,000 by default) as
 * NDJSON and as CSV, each into a fresh library through the bridge, beside plain SQLite inserts.
 */
export async function benchBulk(cli, corpusDir, scratch) {
  const records = Number(process.env.PARALLAX_BENCH_BULK ?? 100_000)
  const baseline = plainInserts(corpusDir, scratch, records)
  const rate = (n, s) => `${String(Math.round(n / s)).padStart(6)} records/s`
  console.log(`import, bulk: ${records.toLocaleString('en')} records generated from the BBC corpus (new ids, titles, URLs, dates), one file per call of at most 50 MB`)
  console.log(`  ${'baseline (SQLite inserts)'.padEnd(30)} ${baseline.toFixed(2).padStart(7)} s  ${rate(records, baseline)}`)
  for (const format of ['ndjson', 'csv']) {
    const out = join(scratch, format)
    const lib = join(scratch, `${format}-library`)
    const made = writeBulkExport({ corpusDir, outDir: out, records, format })
    const r = await importThroughBridge(cli, lib, made.files)
    const counts = Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ')
    const mb = (b) => `${Math.round(b / 1048576)} MB`
    console.log(`  ${`app, HTTP bridge, ${format}`.padEnd(30)} ${r.seconds.toFixed(2).padStart(7)} s  ${rate(records, r.seconds)}  CPU ${r.cpuSeconds.toFixed(1)} s  peak RSS ${mb(r.peakRss)}  ${made.files.length} files, ${mb(made.bytes)}  (${counts})`)
    const met = r.rate >= 2000 && r.peakRss <= 2048 * 1048576
    console.log(`  ${format}: ${(r.seconds / baseline).toFixed(1)}x the baseline; >= 2,000 records/s within 2 GB -> ${met ? 'met' : 'NOT met'}`)
    rmSync(out, { recursive: true, force: true })
    rmSync(lib, { recursive: true, force: true })
  }
}
