/**
 * Backup and restore of a library file. Backup uses SQLite's online backup, so it is consistent
 * even while the app writes; it is written under a temporary name beside the target, flushed
 * and only then given the requested name, so a killed backup never leaves a truncated file
 * there. Restore checks that the backup is a sound Parallax library this version can read
 * before anything is replaced, keeps the current library aside, and leaves no staging files.
 */
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { inspect, Library, LibraryError, LIBRARY_FILE } from './library'
import { LibraryLock, LibraryLockedError } from './lock'
import {
  fsyncFile,
  partialName,
  publishNoClobber,
  removeRestoreLeftovers,
  removeStalePartials,
  removeWithSideFiles,
  restoreStagingName
} from './staging'

const exists = (target: string): LibraryError => new LibraryError(`${target} already exists; choose a new file name for the backup`)

export async function backupLibrary(library: Library, target: string): Promise<number> {
  if (existsSync(target)) throw exists(target)
  removeStalePartials(target)
  const partial = partialName(target)
  try {
    const { totalPages } = await library.backup(partial)
    fsyncFile(partial)
    publishNoClobber(partial, target)
    return totalPages
  } catch (err) {
    removeWithSideFiles(partial)
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists(target)
    throw err
  }
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
    removeRestoreLeftovers(dir)
    return restoreUnlocked(dir, backup)
  } finally {
    lock.release()
  }
}

/** Checks the staged copy; errors name the user's backup file, never the staging copy. */
function checkStaged(staged: string, backup: string): number {
  try {
    inspect(staged)
    const probe = new Database(staged, { readonly: true, fileMustExist: true })
    try {
      if (probe.pragma('integrity_check', { simple: true }) !== 'ok') throw new LibraryError(`${backup} is damaged: its integrity check failed`)
      return (probe.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    } finally {
      probe.close()
    }
  } catch (err) {
    const message = (err as Error).message.split(staged).join(backup)
    throw new LibraryError(err instanceof LibraryError ? message : `${backup} cannot be restored: ${message}`)
  }
}

function restoreUnlocked(dir: string, backup: string): { kept: string | null; articles: number } {
  const staged = restoreStagingName(dir)
  let articles: number
  try {
    copyFileSync(backup, staged)
    articles = checkStaged(staged, backup)
    // Reading the copy made SQLite create its -wal and -shm beside it; they hold nothing.
    for (const ext of ['-wal', '-shm']) rmSync(staged + ext, { force: true })
    fsyncFile(staged)
  } catch (err) {
    removeWithSideFiles(staged)
    throw err
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
