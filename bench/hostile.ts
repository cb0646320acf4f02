/**
 * `npm run bench -- hostile`: the probe's hostile batch (a 1.2 GB zip bomb with lying headers, a
 * FIFO, symlink loops, a 49 MB line, a file 1 byte over the limit, 20,000 records, broken and
 * binary files, control characters, a WARC gzip bomb, a WACZ zip bomb, a billion-laughs feed, a
 * feed of 50,000 items) with ordinary articles among them, imported by the real
 * `parallax import` command. Prints the importing process's peak RSS (target: under 1 GB) beside
 * the same command importing the good files alone, and whether every good file was imported.
 * Bundled to out/main/bench-hostile.js.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { writeHostileBatch } from './hostile-files'

const ROOT = resolve(__dirname, '../..')

interface Run {
  seconds: number
  peakMb: number
  results: { path: string; status: string; reason: string | null }[]
}

/** `parallax import` in its own process, which reports its own peak RSS as it exits. */
function importRun(work: string, paths: string[]): Run {
  const probe = join(work, 'peak-rss.cjs')
  writeFileSync(probe, "process.on('exit', () => require('fs').writeSync(2, `PEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`))\n")
  const lib = mkdtempSync(join(work, 'lib-'))
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['-r', probe, join(ROOT, 'bin/parallax.js'), 'import', ...paths, '--library', lib, '--json'], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: 15 * 60_000
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const peak = /PEAK_RSS_KB (\d+)/.exec(r.stderr)
  if (!peak) throw new Error(`the import did not finish (exit ${r.status}, ${r.signal ?? 'no signal'}): ${r.stderr.slice(-500)}`)
  const results = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Run['results'][number])
  return { seconds, peakMb: Number(peak[1]) / 1024, results }
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'parallax-bench-hostile-'))
  try {
    const batch = join(work, 'batch')
    const good = writeHostileBatch(batch)
    const baseline = importRun(work, good.map((g) => join(batch, g)))
    const run = importRun(work, [batch])
    const byFile = new Map(run.results.map((r) => [basename(r.path), r]))
    const missing = good.filter((g) => byFile.get(g)?.status !== 'imported')
    const count = (s: string): number => run.results.filter((r) => r.status === s).length
    console.log(`hostile: ${run.results.length} results from one folder of hostile files and ${good.length} good articles`)
    console.log(`  parallax import (hostile batch)  ${run.seconds.toFixed(1)} s  peak RSS ${run.peakMb.toFixed(0)} MB  ` +
      `(${count('imported')} imported, ${count('duplicate')} duplicate, ${count('skipped')} skipped, ${count('failed')} failed)`)
    console.log(`  baseline (good files alone)      ${baseline.seconds.toFixed(1)} s  peak RSS ${baseline.peakMb.toFixed(0)} MB`)
    console.log(`  ratio                            ${(run.peakMb / baseline.peakMb).toFixed(1)}x the baseline's peak; target: under 1 GB -> ${run.peakMb < 1024 ? 'met' : 'NOT met'}`)
    console.log(`  good files imported              ${good.length - missing.length}/${good.length}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`)
    for (const r of run.results.filter((x) => x.status !== 'imported' && !/\((?:line|item) \d+/.test(x.path))) {
      console.log(`    ${r.status.padEnd(9)} ${basename(r.path)}: ${r.reason}`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main()
