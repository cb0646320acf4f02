/**
 * Runs an importer on one file. `parseInProcess` is the plain call; the worker pool runs the
 * same function in worker threads so a hostile file can only cost its own time and memory.
 */
import { prepareOutput, type Parser } from './prepare'
import { importerByFormat } from './registry'

export type { Parser }

export const parseInProcess: Parser = async (format, name, bytes) => prepareOutput(await importerByFormat(format).parse({ name, bytes }))
