/**
 * Opening a library folder: creates or opens `library.sqlite`, refuses files that are not
 * Parallax libraries or were written by a newer Parallax, and migrates older ones.
 * Plain Node: the better-sqlite3 native binding is injectable, because the Electron shell
 * loads a build made for Electron's ABI while tests and the CLI load Node's.
 */
import Database from 'better-sqlite3'
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate, SCHEMA_VERSION } from './migrations'
import { ArticleStore } from './articles'
import { ArticleVersions } from './article-versions'
import { LibraryFacets } from './library-facets'
import { LibraryPages } from './library-page'
import { CollectionStore } from './collections'
import { ComparisonStore } from './comparisons'
import type { Connection } from './connection'
import { LibraryLock, LibraryLockedError } from './lock'
import { describeSqliteError } from '../platform/sqlite-errors'
export { describeSqliteError }
import { NoteStore } from './notes'
import { PreferenceStore } from './preferences'
import { OutletStore } from './outlet-aliases'
import { SearchDocs } from './search-docs'
import { StoryStore } from './stories'
import { TagStore } from './tags'
import { removeRestoreLeftovers } from './staging'

export const LIBRARY_FILE = 'library.sqlite'
/** PRAGMA application_id marks the file as ours ("PRLX"). */
export const APPLICATION_ID = 0x50524c58

export class LibraryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LibraryError'
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
  /**
   * Take the library's single-writer lock, naming the holder ("the Parallax app"). Processes
   * that write (the app, serve, import) take it; read-only commands and backups do not.
   */
  lock?: string
  /**
   * For commands that only read: a library in a read-only folder is opened read-only (no lock,
   * no migration, nothing written) instead of refused; `readOnly` then says so.
   */
  readIfReadOnly?: boolean
}

/**
 * An open library: typed repositories over one connection, which stays private to the store.
 * Everything above the store reads and writes through the repositories and `transaction`.
 */
export class Library {
  readonly articles: ArticleStore
  readonly versions: ArticleVersions
  readonly notes: NoteStore
  readonly tags: TagStore
  readonly collections: CollectionStore
  readonly comparisons: ComparisonStore
  readonly preferences: PreferenceStore
  readonly outlets: OutletStore
  /** The library table's pages and facet counts. */
  readonly pages: LibraryPages
  readonly facets: LibraryFacets
  /** Stories kept in the library: links, membership, what to link again. */
  readonly stories: StoryStore

  private constructor(
    readonly dir: string,
    readonly file: string,
    private readonly db: Connection,
    private readonly lock: LibraryLock | null,
    /** Opened read-only (a read-only folder, for a command that only reads): every write fails. */
    readonly readOnly = false
  ) {
    const searchDocs = new SearchDocs(db)
    this.articles = new ArticleStore(db, searchDocs)
    this.versions = new ArticleVersions(db, searchDocs, this.articles)
    this.notes = new NoteStore(db, searchDocs)
    this.tags = new TagStore(db, searchDocs)
    this.collections = new CollectionStore(db)
    this.comparisons = new ComparisonStore(db)
    this.preferences = new PreferenceStore(db)
    this.outlets = new OutletStore(db, this.articles)
    this.pages = new LibraryPages(db)
    this.facets = new LibraryFacets(db)
    this.stories = new StoryStore(db)
  }

  /**
   * The connection itself, for the search index's own persistence (its segments live in this
   * file) and for tests that inspect or damage the file on purpose. Nothing else may use it.
   */
  static connection(library: Library): Connection {
    return library.db
  }

  /** Runs `fn` in one (immediate) transaction: all of its writes, or none. Nests as a savepoint. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  get isOpen(): boolean {
    return this.db.open
  }

  /** SQLite's online backup into `target`: consistent while the library is in use. */
  async backup(target: string): Promise<{ totalPages: number }> {
    return this.db.backup(target)
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  static open(dir: string, options: OpenOptions = {}): Library {
    try {
      mkdirSync(dir, { recursive: true })
    } catch (err) {
      throw new LibraryError(`Cannot create the library folder ${dir}: ${(err as Error).message}`)
    }
    const file = join(dir, LIBRARY_FILE)
    try {
      accessSync(dir, constants.W_OK)
      if (existsSync(file)) accessSync(file, constants.W_OK)
    } catch {
      if (options.readIfReadOnly && existsSync(file)) return Library.openReadOnly(dir, file, options)
      throw new LibraryError(
        `The library folder ${dir} is read-only: Parallax needs to write its library there. Make it writable, or choose another library folder.`
      )
    }
    let lock: LibraryLock | null = null
    try {
      if (options.lock) lock = LibraryLock.acquire(dir, options.lock)
    } catch (err) {
      throw new LibraryError(err instanceof LibraryLockedError ? err.message : `Cannot lock the library ${dir}: ${(err as Error).message}`)
    }
    // Holding the lock, no restore runs here: staging copies of killed restores are stale.
    if (lock) removeRestoreLeftovers(dir)
    try {
      return Library.openLocked(dir, file, options, lock)
    } catch (err) {
      lock?.release()
      throw err
    }
  }

  private static openLocked(dir: string, file: string, options: OpenOptions, lock: LibraryLock | null): Library {
    const dbOptions: Database.Options = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}

    // Inspect an existing file read-only first, so a file we must refuse is never touched.
    if (existsSync(file)) inspect(file, dbOptions)

    let db: Database.Database
    try {
      db = new Database(file, dbOptions)
    } catch (err) {
      throw new LibraryError(`Cannot open the library ${file}: ${describeSqliteError(err)}`)
    }
    try {
      db.pragma('journal_mode = WAL')
      // NORMAL is durable across application crashes in WAL mode; only an OS crash or power
      // loss can roll back the last commits, never corrupt the file.
      db.pragma('synchronous = NORMAL')
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      // Up to 64 MB of pages kept (SQLite's default is 2 MB): the library table's filtered facets
      // pass over the same rows several times, which then come from memory, not the file.
      db.pragma('cache_size = -65536')
      migrateLibrary(db)
    } catch (err) {
      db.close()
      throw err instanceof LibraryError ? err : new LibraryError(`Cannot prepare the library ${file}: ${describeSqliteError(err)}`)
    }
    return new Library(dir, file, db, lock)
  }

  /**
   * A library in a read-only folder, for reading: never locked or migrated (both write). SQLite
   * cannot open a WAL-mode file there (it needs to create the -shm file beside it), so the file is
   * read into memory as a rollback-journal database; nothing reaches the disk. A -wal file left by
   * a crashed writer is not read (it could not be checkpointed there anyway).
   */
  private static openReadOnly(dir: string, file: string, options: OpenOptions): Library {
    const dbOptions: Database.Options = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
    const bytes = readFileSync(file)
    if (bytes.length > 19 && bytes[18] === 2) bytes[18] = bytes[19] = 1 // WAL -> rollback journal, in memory only
    inspect(file, dbOptions, bytes)
    const db = new Database(bytes, { ...dbOptions, readonly: true })
    const version = db.pragma('user_version', { simple: true }) as number
    if (version < SCHEMA_VERSION) {
      db.close()
      throw new LibraryError(
        `The library folder ${dir} is read-only and its library needs an upgrade to this version of Parallax (schema ${version} to ${SCHEMA_VERSION}), which must write it. Make the folder writable once, or use the version that wrote it.`
      )
    }
    return new Library(dir, file, db, null, true)
  }

  close(): void {
    if (this.db.open) this.db.close()
    this.lock?.release()
  }
}

/** Refuses (with a clear error) a file that is not a Parallax library or was written by a newer one. */
export function inspect(file: string, dbOptions: Database.Options = {}, bytes?: Buffer): void {
  let ro: Database.Database
  try {
    ro = bytes ? new Database(bytes, { ...dbOptions, readonly: true }) : new Database(file, { ...dbOptions, readonly: true, fileMustExist: true })
  } catch (err) {
    throw new LibraryError(`Cannot open the library ${file}: ${(err as Error).message}`)
  }
  try {
    let version: number
    let appId: number
    let tables: number
    try {
      version = ro.pragma('user_version', { simple: true }) as number
      appId = ro.pragma('application_id', { simple: true }) as number
      tables = (ro.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n
    } catch (err) {
      throw new LibraryError(`${file} is not a readable SQLite database: ${(err as Error).message}`)
    }
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
      throw new LibraryError(`${file} is a SQLite database but not a Parallax library; it was left untouched.`)
    }
    if (version > SCHEMA_VERSION) {
      throw new LibraryError(
        `This library was written by a newer version of Parallax (schema ${version}; this version reads up to ${SCHEMA_VERSION}). ` +
          'Update Parallax to open it; the library was left untouched.'
      )
    }
  } finally {
    ro.close()
  }
}

function migrateLibrary(db: Connection): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current === 0) db.pragma(`application_id = ${APPLICATION_ID}`)
  migrate(db, current)
}
