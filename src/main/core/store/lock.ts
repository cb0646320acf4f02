/**
 * One writer per library folder. SQLite itself would let two processes write the same file,
 * but two Parallax instances would each keep their own search index and parser pool and
 * overwrite each other's segments; so a process that writes (the app, `parallax serve`,
 * `parallax import`) holds `library.lock` while the library is open.
 *
 * The lock names its owner (process id and host). A lock left by a process that no longer
 * runs (killed, crashed, power loss) is stale and taken over; a live one is refused with a
 * message that says who holds it.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

export const LOCK_FILE = 'library.lock'

export interface LockOwner {
  pid: number
  host: string
  /** What holds it: "the Parallax app", "parallax serve", … */
  holder: string
  since: string
}

export class LibraryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner
  ) {
    super(
      `The library ${dir} is in use by ${owner.holder} (process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.since}). ` +
        'Close it first, or open another library folder.'
    )
    this.name = 'LibraryLockedError'
  }
}

export class LibraryLock {
  private constructor(private readonly file: string) {}

  /** Takes the lock on `dir`, or throws LibraryLockedError naming the live owner. */
  static acquire(dir: string, holder: string): LibraryLock {
    const file = join(dir, LOCK_FILE)
    const me: LockOwner = { pid: process.pid, host: hostname(), holder, since: new Date().toISOString() }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        // 'wx': created only if absent, atomically, so two processes never both win.
        const fd = openSync(file, 'wx')
        try {
          writeSync(fd, JSON.stringify(me))
        } finally {
          closeSync(fd)
        }
        return new LibraryLock(file)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const owner = readOwner(file)
      if (owner && owner.pid !== process.pid && isAlive(owner)) throw new LibraryLockedError(dir, owner)
      // Stale (its process is gone) or unreadable (torn write): remove it and try again.
      try {
        unlinkSync(file)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
    }
    throw new Error(`Could not take the lock ${file}: another process keeps recreating it`)
  }

  /** Who holds the lock on `dir`, if a live process does. */
  static owner(dir: string): LockOwner | null {
    const owner = readOwner(join(dir, LOCK_FILE))
    return owner && isAlive(owner) ? owner : null
  }

  release(): void {
    try {
      const owner = readOwner(this.file)
      if (owner?.pid === process.pid) unlinkSync(this.file)
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null
    return { pid: o.pid, host: o.host, holder: typeof o.holder === 'string' ? o.holder : 'another Parallax', since: typeof o.since === 'string' ? o.since : 'an unknown time' }
  } catch {
    return null
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a library on a network share) cannot be checked: trust it.
  if (owner.host !== hostname()) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
