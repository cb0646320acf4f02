/**
 * Backup and restore of a library file. Backup uses SQLite's online backup, so it is consistent
 * even while the app writes; restore checks that the backup is a sound Parallax library this
 * version can read before anything is replaced, and keeps the current library aside.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { inspect, Library, LibraryError, LIBRARY_FILE } from './library'
import { LibraryLock, LibraryLockedError } from './lock'

export async function backupLibrary(library: Library, target: string): Promise<number> {
  if (existsSync(target)) throw new LibraryError(`${target} already exists; choose a new file name for the backup`)
  const { totalPages } = await library.backup(target)
  return totalPages
}

export function restoreLibrary(dir: string, backup: string): { kept: string | null; articles: number } {
  if (!existsSync(backup)) throw new LibraryError(`There is no backup at ${backup}`)
  mkdirSync(dir, { recursive: true })
  // Never swap the file under a running app or server.
  let lock: LibraryLock
  try {
    lock = LibraryLock.acquire(dir, 'parallax restore')
  } catch (err) {
    throw new LibraryError(err instanceof LibraryLockedError ? `Cannot restore now. ${err.message}` : (err as Error).message)
  }
  try {
    return restoreUnlocked(dir, backup)
  } finally {
    lock.release()
  }
}

function restoreUnlocked(dir: string, backup: string): { kept: string | null; articles: number } {
  const staged = join(dir, `.restore-${process.pid}.sqlite`)
  copyFileSync(backup, staged)
  let articles: number
  try {
    inspect(staged)
    const probe = new Database(staged, { readonly: true, fileMustExist: true })
    try {
      if (probe.pragma('integrity_check', { simple: true }) !== 'ok') throw new LibraryError(`${backup} is damaged: its integrity check failed`)
      articles = (probe.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    } finally {
      probe.close()
    }
  } catch (err) {
    rmSync(staged, { force: true })
    throw err instanceof LibraryError ? err : new LibraryError(`${backup} cannot be restored: ${(err as Error).message}`)
  }
  const current = join(dir, LIBRARY_FILE)
  let kept: string | null = null
  if (existsSync(current)) {
    kept = join(dir, `library-before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`)
    renameSync(current, kept)
    for (const ext of ['-wal', '-shm']) if (existsSync(current + ext)) renameSync(current + ext, kept + ext)
  }
  renameSync(staged, current)
  return { kept, articles }
}
