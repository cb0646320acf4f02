/**
 * Runs an importer on one file. `parseInProcess` is the plain call; the worker pool runs the
 * same function in worker threads so a hostile file can only cost its own time and memory.
 */
import type { SourceFormat } from '../../../shared/contract'
import { prepareOutput, type PreparedOutput } from './prepare'
import { importerByFormat } from './registry'

export type Parser = (format: SourceFormat, name: string, bytes: Uint8Array) => Promise<PreparedOutput>

export const parseInProcess: Parser = async (format, name, bytes) => prepareOutput(await importerByFormat(format).parse({ name, bytes }))
