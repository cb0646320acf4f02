/**
 * Sends chosen or dropped files to the core in batches small enough for one request each,
 * deciding in the renderer what needs no upload (too large, cancelled).
 */
import type { ImportResult } from '../../../shared/contract'
import { groupPairs } from '../../../shared/import-pairs'
import { LIMITS } from '../../../shared/limits'
import type { Upload } from '../api/upload'
import { relativeName } from '../files'

/** Uploads go in batches small enough for one request each. */
export const BATCH_BYTES = 16 * 1024 * 1024
export const BATCH_FILES = 50

export type { Upload } from '../api/upload'

export interface BatchIO {
  /** Imports one batch. */
  send(files: Upload[]): Promise<ImportResult[]>
  /** Results for `files` more files (a batch file such as CSV yields one result per record). */
  record(results: ImportResult[], files: number): void
  cancelled(): boolean
  /** The transport sends files by path (the desktop app): the core reads an NDJSON export over the per-file limit from disk, a chunk at a time. */
  byPath?: boolean
}

/** A result decided in the renderer (before upload): too large, unreadable, cancelled. */
export function localResult(name: string, status: 'failed' | 'skipped', reason: string): ImportResult {
  return { name, status, articleId: null, title: null, reason, nearDuplicates: [] }
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'))
    reader.readAsDataURL(file)
  })
}

const mb = (x: number): string => `${Math.round(x / 1048576)} MB`

/** Reads and sends every file, one batch at a time; a failed batch fails its files, not the rest. */
export async function importInBatches(all: File[], io: BatchIO): Promise<void> {
  let batch: Upload[] = []
  let batchBytes = 0
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    const files = batch
    batch = []
    batchBytes = 0
    try {
      io.record(await io.send(files), files.length)
    } catch (err) {
      io.record(
        files.map((f) => localResult(f.name, 'failed', (err as Error).message)),
        files.length
      )
    }
  }
  // An article and its metadata file are paired only within one call: a group goes whole.
  // (A group of more than a call's files, many files of one base name, is split: it cannot go whole.)
  const groups = groupPairs(all, relativeName).flatMap((g) => Array.from({ length: Math.ceil(g.length / BATCH_FILES) }, (_, i) => g.slice(i * BATCH_FILES, (i + 1) * BATCH_FILES)))
  // Sent by path, a large export is read by the core from disk: it adds nothing to a batch's bytes.
  const fromDisk = (f: File): boolean => io.byPath === true && f.size > LIMITS.maxFileBytes && /\.(ndjson|jsonl)$/i.test(f.name)
  for (const group of groups) {
    const sent = group.filter((f) => f.size <= LIMITS.maxFileBytes || fromDisk(f))
    const bytes = sent.reduce((n, f) => n + (fromDisk(f) ? 0 : f.size), 0)
    if (sent.length && (batchBytes + bytes > BATCH_BYTES || batch.length + sent.length > BATCH_FILES)) await flush()
    for (const file of group) addFile(file)
  }
  await flush()

  function addFile(file: File): void {
    // Files from a chosen or dropped folder keep their path in it: its folders name the outlet.
    const name = relativeName(file)
    // Checked after the wait for the previous batch, when a cancel most likely came.
    if (io.cancelled()) return io.record([localResult(name, 'skipped', 'cancelled before it was imported')], 1)
    if (file.size > LIMITS.maxFileBytes && !fromDisk(file)) {
      return io.record([localResult(name, 'failed', `file too large: ${mb(file.size)}, limit ${mb(LIMITS.maxFileBytes)}`)], 1)
    }
    // Not read here: the transport sends the file's path (desktop) or the browser streams its bytes.
    batch.push({ name, file })
    batchBytes += fromDisk(file) ? 0 : file.size
  }
}
