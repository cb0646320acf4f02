/**
 * Crash safety: a real `parallax import` process is killed with SIGKILL at 20 random points of
 * a batch (after a random number of reported files, or after a random delay that can fall in
 * start-up, parsing or a transaction). After each kill the library passes SQLite's integrity check, every article in it
 * is whole (text, hash, near-duplicate signature and search entry together: never stored but
 * unsearchable, and search rows cannot outlive their article), and re-running the import finishes
 * the set without a single duplicate. The same for a bulk export (one NDJSON file of 3,000 records),
 * killed while its record groups are parsed and stored.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core'
import { CLI } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const FILES = 240

// Enough that eight kills of at most 3 s each all land inside the import, now that it runs at ~1,500 records/s.
const RECORDS = 30_000

const wordsOf = (i: number): string => Array.from({ length: 60 }, (_, k) => `w${(i * 7919 + k * 104729) % 100003}`).join(' ')

function makeCorpus(): string {
  const dir = tmpDir()
  for (let i = 0; i < FILES; i++) {
    writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.txt`), `Article number ${i}\n\nMarch ${1 + (i % 28)}, 2025\n\n${wordsOf(i)}.\n\nSecond paragraph of article ${i}.`)
  }
  return dir
}

/** One NDJSON export of RECORDS articles, as a media-monitoring download comes. */
function makeExport(): string {
  const file = join(tmpDir(), 'export.ndjson')
  const lines = Array.from({ length: RECORDS }, (_, i) =>
    JSON.stringify({ title: `Article number ${i}`, outlet: `Outlet ${i % 7}`, date: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`, text: `${wordsOf(i)}.\n\nSecond paragraph of article ${i}.` })
  )
  writeFileSync(file, lines.join('\n'))
  return file
}

/** A small seeded generator, so a failing run can be replayed from the printed seed. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}

/**
 * Where to kill, counted from the first file the run has not imported before (earlier runs'
 * files come first and are reported as duplicates): after some more reported files, or some
 * milliseconds later, which can fall inside parsing or a transaction.
 */
type KillPoint = { newFiles: number } | { ms: number } | { sinceStart: number }

/** Runs the import and kills it with SIGKILL at the point; resolves whether it was killed. */
function importAndKill(src: string, lib: string, already: number, point: KillPoint): Promise<{ killed: boolean; lines: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CLI, 'import', src, '--library', lib, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] })
    let lines = 0
    let timer: NodeJS.Timeout | null = 'sinceStart' in point ? setTimeout(() => proc.kill('SIGKILL'), point.sinceStart) : null
    createInterface({ input: proc.stdout }).on('line', () => {
      lines++
      // Armed at the first new file's report (the first report at all on an empty library).
      if ('ms' in point && lines === Math.max(1, already)) timer = setTimeout(() => proc.kill('SIGKILL'), point.ms)
      if ('newFiles' in point && lines === already + point.newFiles) proc.kill('SIGKILL')
    })
    proc.on('error', reject)
    proc.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer)
      resolve({ killed: signal === 'SIGKILL', lines })
    })
  })
}

function check(lib: string): { articles: number; distinct: number } {
  if (!existsSync(join(lib, 'library.sqlite'))) return { articles: 0, distinct: 0 }
  const db = new Database(join(lib, 'library.sqlite'), { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    const distinct = (db.prepare('SELECT count(DISTINCT content_hash) AS n FROM articles').get() as { n: number }).n
    const incomplete = db
      .prepare(
        `SELECT count(*) AS n FROM articles a WHERE a.text = '' OR a.word_count = 0
           OR NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)
           OR (SELECT count(*) FROM article_bands b WHERE b.article_id = a.id) = 0
           OR NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.article_id = a.id)`
      )
      .get() as { n: number }
    expect(incomplete.n).toBe(0)
    return { articles, distinct }
  } finally {
    db.close()
  }
}

/** Every stored article is found by search (through the real index), and nothing else is. */
async function checkSearchable(lib: string, articles: number): Promise<void> {
  if (articles === 0) return
  const core = openCore(lib)
  try {
    const all = await core.service['search.query']({ q: '"second paragraph"', limit: 1 })
    expect(all.total).toBe(articles)
    const { items } = await core.service['articles.list']({ limit: 1, sort: 'importedAt', direction: 'desc' })
    const newest = items[0]!
    const n = /Article number (\d+)/.exec(newest.title)![1]!
    const own = await core.service['search.query']({ q: `"paragraph of article ${n}"`, limit: 5 })
    expect(own.hits.map((h) => h.id)).toEqual([newest.id])
  } finally {
    await core.close()
  }
}

describe('crash safety', () => {
  it('survives SIGKILL at 20 random points of a batch and completes on re-run without duplicates', async () => {
    const seed = Number(process.env.PARALLAX_CRASH_SEED ?? Date.now() % 100_000)
    const random = prng(seed)
    const src = makeCorpus()
    const lib = tmpDir()
    let previous = 0
    let killedMidBatch = 0
    for (let k = 0; k < 20; k++) {
      const point: KillPoint = k % 2 === 0 ? { newFiles: 1 + Math.floor(random() * 10) } : { ms: Math.floor(random() * 25) }
      const { killed } = await importAndKill(src, lib, previous, point)
      const { articles, distinct } = check(lib)
      expect(distinct, `seed ${seed}, kill ${k} ${JSON.stringify(point)}`).toBe(articles)
      // Nothing stored by an earlier run was lost.
      expect(articles).toBeGreaterThanOrEqual(previous)
      await checkSearchable(lib, articles)
      if (killed && articles < FILES) killedMidBatch++
      previous = articles
    }
    // The kills really landed inside the batch, not after it had finished.
    expect(killedMidBatch).toBe(20)
    const finish = await new Promise<number>((resolve) => {
      spawn(process.execPath, [CLI, 'import', src, '--library', lib, '--json'], { stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1))
    })
    expect(finish).toBe(0)
    expect(check(lib)).toEqual({ articles: FILES, distinct: FILES })
    await checkSearchable(lib, FILES)
  }, 240_000)

  it('survives SIGKILL at 8 random points of a bulk NDJSON import and completes on re-run without duplicates', async () => {
    const seed = Number(process.env.PARALLAX_CRASH_SEED ?? Date.now() % 100_000)
    const random = prng(seed)
    const src = makeExport()
    const lib = tmpDir()
    let previous = 0
    let killedMidBatch = 0
    for (let k = 0; k < 8; k++) {
      // A file's records are reported when the file is done, so the kills fall in time: start-up,
      // reading, parsing a group in the workers or storing one.
      const point: KillPoint = { sinceStart: 400 + Math.floor(random() * 2600) }
      const { killed } = await importAndKill(src, lib, previous, point)
      const { articles, distinct } = check(lib)
      expect(distinct, `seed ${seed}, kill ${k} ${JSON.stringify(point)}`).toBe(articles)
      expect(articles).toBeGreaterThanOrEqual(previous)
      if (killed && articles < RECORDS) killedMidBatch++
      previous = articles
    }
    expect(killedMidBatch).toBe(8)
    await checkSearchable(lib, previous)
    const finish = await new Promise<number>((resolve) => {
      spawn(process.execPath, [CLI, 'import', src, '--library', lib, '--json'], { stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1))
    })
    expect(finish).toBe(0)
    expect(check(lib)).toEqual({ articles: RECORDS, distinct: RECORDS })
    await checkSearchable(lib, RECORDS)
  }, 240_000)
})
