/**
 * Backups and restores that are killed or fail: a SIGKILL during `parallax backup` of a sizeable
 * library never leaves a truncated file under the requested name; restores leave no staging
 * copies, -wal or -shm (on success, on failure, and after being killed, by the next start);
 * a failed restore names the user's file.
 */
import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { CLI, FIXTURES } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

function parallax(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PARALLAX_LIBRARY: '' } })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** A library of real articles, padded with 24 MB so that copying it takes long enough to be interrupted. */
async function sizeableLibrary(): Promise<{ lib: string; articles: number }> {
  const lib = tmpDir()
  const core = openCore(lib)
  const files = readdirSync(join(FIXTURES, 'articles')).map((name) => ({ name, data: readFileSync(join(FIXTURES, 'articles', name)).toString('base64') }))
  const env = await dispatch(core.service, 'import.files', { jobId: 'b', files })
  await core.close()
  expect(env.ok).toBe(true)
  const db = new Database(join(lib, 'library.sqlite'))
  db.exec('CREATE TABLE ballast (b BLOB)')
  const insert = db.prepare('INSERT INTO ballast VALUES (randomblob(1048576))')
  db.transaction(() => {
    for (let i = 0; i < 24; i++) insert.run()
  })()
  const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  db.close()
  expect(articles).toBeGreaterThan(0)
  return { lib, articles }
}

/** Starts a command and SIGKILLs it as soon as `appeared` is true (checked in a tight loop). */
async function killWhen(args: string[], appeared: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore', env: { ...process.env, PARALLAX_LIBRARY: '' } })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const deadline = Date.now() + 20_000
  while (!appeared() && Date.now() < deadline) {
    // Spin: the moment matters more than the CPU here.
  }
  child.kill('SIGKILL')
  await exited
}

function sound(file: string): { ok: string; articles: number; ballast: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return {
      ok: db.pragma('integrity_check', { simple: true }) as string,
      articles: (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n,
      ballast: (db.prepare('SELECT count(*) AS n FROM ballast').get() as { n: number }).n
    }
  } finally {
    db.close()
  }
}

const litter = (dir: string): string[] => readdirSync(dir).filter((n) => /^\.restore-|\.partial-\d+$/.test(n))

// Each test runs several real commands on tens of megabytes; the shared machines are slow.
const SLOW = 90_000

describe('backup killed mid-write', () => {
  it('never leaves a truncated file under the requested name; the next backup clears the partial one', async () => {
    const { lib, articles } = await sizeableLibrary()
    const out = tmpDir()
    const target = join(out, 'backup.sqlite')
    let interrupted = 0
    for (let attempt = 0; attempt < 5 && interrupted === 0; attempt++) {
      await killWhen(['backup', target, '--library', lib], () => readdirSync(out).length > 0)
      // Killed before it finished: nothing under the requested name. (Had it finished, the file would be whole.)
      if (existsSync(target)) {
        expect(sound(target)).toEqual({ ok: 'ok', articles, ballast: 24 })
        continue
      }
      interrupted++
      expect(readdirSync(out).filter((n) => n.startsWith('.backup.sqlite.partial-')).length).toBeGreaterThan(0)
    }
    expect(interrupted).toBe(1)

    const done = parallax('backup', target, '--library', lib, '--json')
    expect(done.code).toBe(0)
    expect(JSON.parse(done.out).file).toBe(target)
    expect(readdirSync(out)).toEqual(['backup.sqlite'])
    expect(sound(target)).toEqual({ ok: 'ok', articles, ballast: 24 })
    expect(parallax('backup', target, '--library', lib).err).toMatch(/backup\.sqlite already exists; choose a new file name/)
  }, SLOW)
})

describe('restore', () => {
  it('leaves no staging copy, -wal or -shm beside the library or the backup', async () => {
    const { lib, articles } = await sizeableLibrary()
    const out = tmpDir()
    const file = join(out, 'backup.sqlite')
    expect(parallax('backup', file, '--library', lib).code).toBe(0)
    const restored = JSON.parse(parallax('restore', file, '--library', lib, '--json').out)
    expect(restored.restored).toBe(articles)
    expect(litter(lib)).toEqual([])
    expect(readdirSync(lib).filter((n) => n.startsWith('.'))).toEqual([])
    expect(readdirSync(out)).toEqual(['backup.sqlite'])
    expect(sound(join(lib, 'library.sqlite'))).toEqual({ ok: 'ok', articles, ballast: 24 })
  }, SLOW)

  it('names the user’s file when the backup is junk or truncated, and leaves nothing behind', async () => {
    const { lib } = await sizeableLibrary()
    const out = tmpDir()
    const junk = join(out, 'junk.sqlite')
    writeFileSync(junk, 'not a database '.repeat(100))
    const full = join(out, 'full.sqlite')
    expect(parallax('backup', full, '--library', lib).code).toBe(0)
    const truncated = join(out, 'truncated.sqlite')
    const bytes = readFileSync(full)
    writeFileSync(truncated, bytes.subarray(0, bytes.length / 3))
    for (const bad of [junk, truncated]) {
      const r = parallax('restore', bad, '--library', lib)
      expect(r.code).toBe(1)
      expect(r.err).toContain(bad)
      expect(r.err).not.toContain('.restore-')
      expect(litter(lib)).toEqual([])
    }
  }, SLOW)

  it('killed mid-way: the library is untouched, and the next start removes the staging copies', async () => {
    const { lib, articles } = await sizeableLibrary()
    const out = tmpDir()
    const file = join(out, 'backup.sqlite')
    expect(parallax('backup', file, '--library', lib).code).toBe(0)
    await killWhen(['restore', file, '--library', lib], () => readdirSync(lib).some((n) => n.startsWith('.restore-')))
    // A restore killed earlier still, by a process long gone, with its SQLite side files.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    for (const ext of ['', '-wal', '-shm']) writeFileSync(join(lib, `.restore-${gone}.sqlite${ext}`), 'left over')
    expect(litter(lib).length).toBeGreaterThan(3)
    expect(sound(join(lib, 'library.sqlite')).articles).toBe(articles)

    // The next start that takes the library (here an import) clears them.
    expect(parallax('import', join(FIXTURES, 'compare', 'unrelated.txt'), '--library', lib).code).toBe(0)
    expect(litter(lib)).toEqual([])
  }, SLOW)
})
