/** The core's front door: open a library and get the service that implements the contract. */
import { dirname, join } from 'node:path'
import { OcrReader } from './workers/ocr-reader'
import { ParserPool } from './workers/parse-pool'
import { parseInProcess, type Parser } from './importers/parse'
import { InProcessSearch, WorkerSearch, type SearchBackend } from './search/service'
import { createService, type Service } from './service'
import { Library, type OpenOptions } from './store/library'

const WORKERS = 2

export interface CoreOptions extends OpenOptions {
  /** The bundled import worker; without it files are parsed in-process (tests of the core). */
  workerScript?: string
  /** The bundled search worker; without it search runs in-process. */
  searchWorkerScript?: string
  /** The bundled OCR worker; by default ocr-worker.js beside the import worker (none without one). */
  ocrWorkerScript?: string
  /** The OCR time limit per page (default 60 s). */
  ocrPageTimeoutMs?: number
}

export interface Core {
  library: Library
  service: Service
  /** Where files are parsed: the worker pool when there is one. */
  parser: Parser
  /** How many files to parse ahead of the one being stored. */
  readAhead: number
  close(): Promise<void>
}

export function openCore(libraryDir: string, options: CoreOptions = {}): Core {
  const library = Library.open(libraryDir, options)
  // Two parsing workers: on a 2-core machine the main thread mostly waits on them and SQLite.
  const pool = options.workerScript ? new ParserPool({ script: options.workerScript, size: WORKERS }) : null
  const parser = pool?.parse ?? parseInProcess
  const ocrScript = options.ocrWorkerScript ?? (options.workerScript ? join(dirname(options.workerScript), 'ocr-worker.js') : null)
  const ocr = ocrScript ? new OcrReader({ script: ocrScript, ...(options.ocrPageTimeoutMs ? { pageTimeoutMs: options.ocrPageTimeoutMs } : {}) }) : undefined
  // Enough files in flight that both workers stay busy while the main thread stores results.
  const readAhead = pool ? WORKERS * 4 : 1
  const search: SearchBackend = options.searchWorkerScript
    ? new WorkerSearch(options.searchWorkerScript, library.file, options.nativeBinding)
    : new InProcessSearch(Library.connection(library), undefined, library.readOnly)
  const service = createService(library, search, {
    parser,
    readAhead,
    ocr,
    storiesInBackground: !!options.searchWorkerScript,
    ...(pool ? { entityWorker: (text: string) => pool.entities(text) } : {})
  })
  return {
    library,
    service,
    parser,
    readAhead,
    // In this order: no call or background work may reach a closed pool, search or library.
    close: async () => {
      await service.close()
      await pool?.close()
      await ocr?.close()
      await search.close()
      library.close()
    }
  }
}

export { dispatch } from './dispatch'
export { LibraryError } from './store/library'
