/**
 * Sends chosen or dropped files to the core in batches small enough for one request each,
 * deciding in the renderer what needs no upload (too large, unreadable, cancelled).
 */
import type { ImportResult } from '../../../shared/contract'
import { LIMITS } from '../../../shared/limits'
import { relativeName } from '../files'

/** Uploads go in batches small enough for one request each. */
export const BATCH_BYTES = 16 * 1024 * 1024
export const BATCH_FILES = 50

export interface Upload {
  name: string
  /** The file's bytes, base64. */
  data: string
}

export interface BatchIO {
  /** Imports one batch. */
  send(files: Upload[]): Promise<ImportResult[]>
  /** Results for `files` more files (a batch file such as CSV yields one result per record). */
  record(results: ImportResult[], files: number): void
  cancelled(): boolean
}

/** A result decided in the renderer (before upload): too large, unreadable, cancelled. */
export function localResult(name: string, status: 'failed' | 'skipped', reason: string): ImportResult {
  return { name, status, articleId: null, title: null, reason, nearDuplicates: [] }
}

function readAsBase64(file: File): Promise<string> {
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
  for (const file of all) {
    // Files from a chosen or dropped folder keep their path in it: its folders name the outlet.
    const name = relativeName(file)
    if (file.size <= LIMITS.maxFileBytes && (batchBytes + file.size > BATCH_BYTES || batch.length >= BATCH_FILES)) await flush()
    // Checked after the wait for the previous batch, when a cancel most likely came.
    if (io.cancelled()) {
      io.record([localResult(name, 'skipped', 'cancelled before it was imported')], 1)
      continue
    }
    if (file.size > LIMITS.maxFileBytes) {
      io.record([localResult(name, 'failed', `file too large: ${mb(file.size)}, limit ${mb(LIMITS.maxFileBytes)}`)], 1)
      continue
    }
    try {
      batch.push({ name, data: await readAsBase64(file) })
      batchBytes += file.size
    } catch (err) {
      io.record([localResult(name, 'failed', `could not read the file: ${(err as Error).message}`)], 1)
    }
  }
  await flush()
}
