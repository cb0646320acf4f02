/**
 * Files read record by record instead of parsed whole: batch exports (record-stream.ts) and web
 * archives (web-archive-stream.ts). The main thread only splits the file; the records are parsed
 * in the worker pool, each call under its own time limit, so a file of thousands of records
 * imports with progress where one whole-file parse would run out of time.
 */
import type { SourceFormat } from '../../../shared/contract'
import type { Parser, PreparedRecord } from './prepare'
import { RECORD_FORMATS, parseRecordGroups } from './record-stream'
import { ARCHIVE_FORMATS, parseArchivedPages } from './web-archive-stream'

/** The file's records as they are parsed (batch exports: `ahead` groups at once), or null for a format parsed whole. */
export function streamedRecords(format: SourceFormat, name: string, bytes: Uint8Array, parser: Parser, ahead = 1): AsyncGenerator<PreparedRecord[]> | null {
  if (RECORD_FORMATS.has(format)) return parseRecordGroups(format, name, bytes, parser, ahead)
  if (ARCHIVE_FORMATS.has(format)) return parseArchivedPages(format, bytes, parser)
  return null
}
