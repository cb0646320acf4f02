/** The core's front door: open a library and get the service that implements the contract. */
import { ParserPool } from './importers/worker-pool'
import { parseInProcess, type Parser } from './importers/parse'
import { Service } from './service'
import { Library, type OpenOptions } from './store/library'

export interface CoreOptions extends OpenOptions {
  /** The bundled import worker; without it files are parsed in-process (tests of the core). */
  workerScript?: string
}

export interface Core {
  library: Library
  service: Service
  /** Where files are parsed: the worker pool when there is one. */
  parser: Parser
  close(): Promise<void>
}

export function openCore(libraryDir: string, options: CoreOptions = {}): Core {
  const library = Library.open(libraryDir, options)
  const pool = options.workerScript ? new ParserPool({ script: options.workerScript, size: 1 }) : null
  const parser = pool?.parse ?? parseInProcess
  const service = new Service(library, parser)
  return {
    library,
    service,
    parser,
    close: async () => {
      await pool?.close()
      library.close()
    }
  }
}

export { dispatch } from './dispatch'
export { LibraryError } from './store/library'
