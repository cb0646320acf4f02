/**
 * Files written under a temporary name and published whole: what backup and restore use so a
 * killed process never leaves a truncated file under a name the user chose or the app opens,
 * and the leftovers of killed runs are recognised by name and removed later.
 */
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** The temporary name a backup is written under, beside its target (hidden, naming the writer). */
export function partialName(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.partial-${pid}`)
}

/** The staging copy a restore checks before it replaces the library. */
export function restoreStagingName(dir: string, pid = process.pid): string {
  return join(dir, `.restore-${pid}.sqlite`)
}

/** SQLite's companions of a database file. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const

export function removeWithSideFiles(file: string): void {
  for (const f of [file, ...SIDE_FILES.map((ext) => file + ext)]) rmSync(f, { force: true })
}

/** Flushes a file's data to the disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename in `dir` durable; not possible (nor needed) on every platform. */
function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Windows cannot open a folder; its renames are durable once they return.
  }
}

/**
 * Gives `tmp` the name `target` in one step, never replacing a file that appeared there
 * meanwhile (a hard link fails if the name exists); where links are not supported, a rename.
 */
export function publishNoClobber(tmp: string, target: string): void {
  try {
    linkSync(tmp, target)
    unlinkSync(tmp)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw err
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err
    renameSync(tmp, target)
  }
  fsyncDir(dirname(target))
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes what killed backups to `target` left beside it (their writer is gone). */
export function removeStalePartials(target: string): string[] {
  const prefix = `.${basename(target)}.partial-`
  return removeMatching(dirname(target), (name) => {
    if (!name.startsWith(prefix)) return false
    // The partial file and SQLite's -journal beside it.
    const pid = Number(/^(\d+)(?:-wal|-shm|-journal)?$/.exec(name.slice(prefix.length))?.[1])
    return Number.isInteger(pid) && pid !== process.pid && !alive(pid)
  })
}

/**
 * Removes staging copies (and their -wal/-shm) left by restores that were killed. Call it only
 * while holding the library lock: then no restore is running in `dir`, so every one is stale.
 */
export function removeRestoreLeftovers(dir: string): string[] {
  return removeMatching(dir, (name) => {
    const m = /^\.restore-(\d+)\.sqlite(?:-wal|-shm|-journal)?$/.exec(name)
    return !!m && Number(m[1]) !== process.pid
  })
}

function removeMatching(dir: string, stale: (name: string) => boolean): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const removed = names.filter(stale).map((n) => join(dir, n))
  for (const f of removed) rmSync(f, { force: true })
  return removed
}
