/**
 * A batch export's records are stored a group at a time (the records the worker pool prepared
 * together, a few hundred), each group in one transaction: one commit per group instead of one
 * per record, which was the largest cost of a bulk import after language guessing. A crash or a
 * cancel leaves whole groups; a re-import adds only what is missing (dedupe by content hash).
 */
import type { ImportResult } from '../../../shared/contract'
import type { Library } from '../store/library'

/** SQLite failures of the library itself (full disk, I/O, lock), not of one record. */
const LIBRARY_FAULT = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|NOMEM|CORRUPT|READONLY|CANTOPEN|PROTOCOL)/

export function isLibraryFault(err: unknown): boolean {
  return LIBRARY_FAULT.test((err as { code?: unknown })?.code?.toString() ?? '')
}

/**
 * Stores `records` with `store` in one transaction. Each record is stored in its own savepoint
 * (the store's transactions nest), so a record that fails on its own fails alone. A fault of the
 * library (`store` rethrows those when `inGroup`) or a failed commit abandons the whole group,
 * which is then stored record by record: every result says exactly what was committed.
 */
export function storeGroup<R>(library: Library, records: readonly R[], store: (record: R, inGroup: boolean) => ImportResult): ImportResult[] {
  try {
    return library.transaction(() => records.map((r) => store(r, true)))
  } catch {
    return records.map((r) => store(r, false))
  }
}
