/**
 * Crash safety: a real `parallax import` process is killed with SIGKILL part-way through a batch,
 * several times. After each kill the library passes SQLite's integrity check, every article in it
 * is whole (text, hash, near-duplicate signature and search entry together: never stored but
 * unsearchable, and search rows cannot outlive their article), and re-running the import finishes
 * the set without a single duplicate.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { CLI } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const FILES = 240

function makeCorpus(): string {
  const dir = tmpDir()
  for (let i = 0; i < FILES; i++) {
    const words = Array.from({ length: 60 }, (_, k) => `w${(i * 7919 + k * 104729) % 100003}`).join(' ')
    writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.txt`), `Article number ${i}\n\nMarch ${1 + (i % 28)}, 2025\n\n${words}.\n\nSecond paragraph of article ${i}.`)
  }
  return dir
}

/** Runs the import and kills it with SIGKILL once `after` files have been reported. */
function importAndKill(src: string, lib: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [CLI, 'import', src, '--library', lib, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] })
    let seen = 0
    let killedAt = -1
    createInterface({ input: proc.stdout }).on('line', () => {
      if (++seen === after) {
        killedAt = seen
        proc.kill('SIGKILL')
      }
    })
    proc.on('error', reject)
    proc.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? killedAt : -1))
  })
}

function check(lib: string): { articles: number; distinct: number } {
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

describe('crash safety', () => {
  it('survives SIGKILL at several points of a batch and completes on re-run without duplicates', async () => {
    const src = makeCorpus()
    const lib = tmpDir()
    let previous = 0
    for (const after of [1, 40, 120, 200]) {
      const seen = await importAndKill(src, lib, after)
      expect(seen).toBe(after) // really killed mid-batch, not finished before the kill
      const { articles, distinct } = check(lib)
      expect(distinct).toBe(articles)
      // Every file reported before the kill is in the library, and nothing stored earlier was lost.
      expect(articles).toBeGreaterThanOrEqual(Math.max(after, previous))
      expect(articles).toBeLessThan(FILES)
      previous = articles
    }
    const finish = await new Promise<number>((resolve) => {
      spawn(process.execPath, [CLI, 'import', src, '--library', lib, '--json'], { stdio: 'ignore' }).on('exit', (code) => resolve(code ?? -1))
    })
    expect(finish).toBe(0)
    expect(check(lib)).toEqual({ articles: FILES, distinct: FILES })
  })
})
