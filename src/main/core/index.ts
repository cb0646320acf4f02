/** The core's front door: open a library and get the service that implements the contract. */
import { Service } from './service'
import { Library, type OpenOptions } from './store/library'

export interface Core {
  library: Library
  service: Service
  close(): void
}

export function openCore(libraryDir: string, options: OpenOptions = {}): Core {
  const library = Library.open(libraryDir, options)
  const service = new Service(library)
  return { library, service, close: () => library.close() }
}

export { dispatch } from './dispatch'
export { LibraryError } from './store/library'
