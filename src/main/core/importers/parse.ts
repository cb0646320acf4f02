/**
 * Runs an importer on one file. `parseInProcess` is the plain call; the worker pool runs the
 * same function in worker threads so a hostile file can only cost its own time and memory.
 */
import type { SourceFormat } from '../../../shared/contract'
import { prepareOutput, type PreparedOutput } from './prepare'
import { importerByFormat } from './registry'
import { ImportFailure } from './types'

export type Parser = (format: SourceFormat, name: string, bytes: Uint8Array) => Promise<PreparedOutput>

export const parseInProcess: Parser = async (format, name, bytes) => prepareOutput(await importerByFormat(format).parse({ name, bytes }))

/** What crosses the worker boundary: plain data only. */
export type WorkerReply = { ok: true; output: PreparedOutput } | { ok: false; failure: string; expected: boolean }

export async function parseToReply(format: SourceFormat, name: string, bytes: Uint8Array): Promise<WorkerReply> {
  try {
    return { ok: true, output: await parseInProcess(format, name, bytes) }
  } catch (err) {
    if (err instanceof ImportFailure) return { ok: false, failure: err.message, expected: true }
    return { ok: false, failure: (err as Error)?.message ?? String(err), expected: false }
  }
}
