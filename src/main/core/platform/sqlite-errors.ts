/** SQLite's error codes in words a user can act on (the store's and the importers' messages). */
export function describeSqliteError(err: unknown): string {
  const e = err as { code?: string; message?: string }
  switch (e?.code) {
    case 'SQLITE_FULL':
      return 'the disk holding the library is full; free some space and try again'
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
      return 'the library file is read-only'
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'the library is busy in another program; close it and try again'
    case 'SQLITE_CANTOPEN':
      return 'the library file cannot be opened (missing folder, or no permission)'
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'the library file is damaged; restore it from a backup (parallax restore)'
    default:
      return e?.message ?? String(err)
  }
}
