/**
 * A library folder that is read-only, full, or in use by another running Parallax gets a clear
 * message, never a crash, and nothing already in the library is lost.
 */
import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { LOCK_FILE } from '../../src/main/core/store/lock'
import { FIXTURES, ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

/** The built CLI itself (not bin/parallax.js, which may rebuild and so needs to write). */
const BUILT_CLI = join(ROOT, 'out/main/cli.js')
const RUN = ['-e', `require(${JSON.stringify(BUILT_CLI)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c })`]
const FILE = join(FIXTURES, 'articles/harbour-bridge.txt')

function cli(args: string[], options: { uid?: number; gid?: number } = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...RUN, ...args], { encoding: 'utf8', ...options, env: { ...process.env, PARALLAX_LIBRARY: '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The CLI on a read-only library folder (as root, whom permissions do not stop: a read-only bind mount). */
function cliReadOnly(lib: string, args: string[]): ReturnType<typeof cli> {
  if (process.getuid?.() !== 0) {
    chmodSync(lib, 0o555)
    try {
      return cli(args)
    } finally {
      chmodSync(lib, 0o755)
    }
  }
  // A read-only bind mount of the folder, in a mount namespace of its own.
  const node = [process.execPath, ...RUN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  const q = `'${lib}'`
  const sh = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind ${q} ${q} && mount -o remount,ro,bind ${q} && exec ${node}`], {
    encoding: 'utf8',
    env: { ...process.env, PARALLAX_LIBRARY: '' }
  })
  return { status: sh.status, stdout: sh.stdout, stderr: sh.stderr }
}

const articleCount = (dir: string): number => {
  const db = new Database(join(dir, 'library.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('library folder safety', () => {
  it('explains a read-only library folder instead of crashing, and changes nothing in it', () => {
    const lib = join(tmpDir(), 'library')
    expect(cli(['import', FILE, '--library', lib]).status).toBe(0)
    const before = readFileSync(join(lib, 'library.sqlite'))
    const args = ['import', join(FIXTURES, 'articles/council-vote.md'), '--library', lib]
    const r = cliReadOnly(lib, args)
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toContain(`The library folder ${lib} is read-only: Parallax needs to write its library there.`)
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/) // a message, not a stack trace
    expect(readFileSync(join(lib, 'library.sqlite')).equals(before)).toBe(true)
    expect(articleCount(lib)).toBe(1)
  })

  it('reads a read-only library folder: search, list, show, stories and related answer with a one-line notice and write nothing', () => {
    const lib = join(tmpDir(), 'library')
    expect(cli(['import', FILE, join(FIXTURES, 'articles/council-vote.md'), '--library', lib]).status).toBe(0)
    const before = readFileSync(join(lib, 'library.sqlite'))
    const notice = `parallax: the library folder ${lib} is read-only: reading it as it is, saving nothing.\n`
    const run = (...args: string[]): string => {
      const r = cliReadOnly(lib, [...args, '--library', lib, '--json'])
      expect(r.stderr, args.join(' ')).toBe(notice)
      expect(r.status, args.join(' ')).toBe(0)
      return r.stdout
    }
    expect(JSON.parse(run('search', 'harbour'))).toMatchObject({ total: 1, hits: [{ id: 1 }] })
    expect(JSON.parse(run('list'))).toHaveLength(2)
    expect(JSON.parse(run('show', '1'))).toMatchObject({ id: 1 })
    expect(Array.isArray(JSON.parse(run('stories')))).toBe(true)
    expect(Array.isArray(JSON.parse(run('related', '1')))).toBe(true)
    expect(readFileSync(join(lib, 'library.sqlite')).equals(before)).toBe(true)
    expect(existsSync(join(lib, LOCK_FILE))).toBe(false)
  })

  it('stops an import on a full disk with one clear reason, keeping every article stored before', async () => {
    const lib = Library.open(tmpDir())
    try {
      const first = await importBatch(lib, [{ name: 'a.txt', path: FILE }])
      expect(first[0]!.status).toBe('imported')
      // SQLite's own limit on the file's size: writes past it fail exactly as on a full disk.
      const pages = Library.connection(lib).pragma('page_count', { simple: true }) as number
      Library.connection(lib).pragma(`max_page_count = ${pages + 2}`)
      const big = (n: number): Uint8Array =>
        new TextEncoder().encode(`Long article ${n}\n\n${Array.from({ length: 4000 }, (_, i) => `word${n}x${i}`).join(' ')}.`)
      const results = await importBatch(lib, [1, 2, 3].map((n) => ({ name: `big-${n}.txt`, bytes: big(n) })))
      expect(results[0]).toMatchObject({ status: 'failed', reason: 'the disk holding the library is full; free some space and try again: nothing was stored for this file' })
      expect(results.slice(1).map((r) => [r.status, r.reason])).toEqual([
        ['skipped', 'not imported: the disk holding the library is full'],
        ['skipped', 'not imported: the disk holding the library is full']
      ])
      expect(Library.connection(lib).pragma('integrity_check', { simple: true })).toBe('ok')
      expect(lib.articles.count()).toBe(1)
    } finally {
      lib.close()
    }
  })

  it('refuses a library in use by another running Parallax, naming it, and takes over a stale lock', async () => {
    const lib = tmpDir()
    const server = spawn(process.execPath, [...RUN, 'serve', '--json', '--port', '0', '--library', lib], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: server.stdout }).once('line', () => resolve())
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
      })
      const r = cli(['import', FILE, '--library', lib])
      expect(r.status).toBe(1)
      expect(r.stderr).toContain(`The library ${lib} is in use by parallax serve (process ${server.pid}, since `)
      expect(r.stderr).toContain('Close it first, or open another library folder.')
      // Reading, and a backup (SQLite's online backup), stay possible while it runs.
      expect(cli(['list', '--library', lib]).status).toBe(0)
      const backup = join(tmpDir(), 'copy.sqlite')
      expect(cli(['backup', backup, '--library', lib]).status).toBe(0)
      // Restoring would swap the file under the running server: refused.
      const restore = cli(['restore', backup, '--library', lib])
      expect(restore.status).toBe(1)
      expect(restore.stderr).toContain('Cannot restore now. The library')
    } finally {
      server.kill('SIGTERM')
      await new Promise((resolve) => server.once('exit', resolve))
    }
    // A clean stop releases the lock.
    expect(existsSync(join(lib, LOCK_FILE))).toBe(false)

    // A lock left by a process that no longer runs (killed, crashed) is stale: taken over.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    writeFileSync(join(lib, LOCK_FILE), JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname(), holder: 'the Parallax app', since: '2026-01-01T00:00:00Z' }))
    expect(cli(['import', FILE, '--library', lib]).status).toBe(0)
    expect(articleCount(lib)).toBe(1)
    expect(existsSync(join(lib, LOCK_FILE))).toBe(false)
  })

  it('says where the problem is when the library folder cannot be created', () => {
    const parent = tmpDir()
    writeFileSync(join(parent, 'not-a-folder'), 'x')
    const r = cli(['list', '--library', join(parent, 'not-a-folder', 'library')])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/Cannot create the library folder .*not-a-folder\/library/)
  })
})
