/**
 * A package required the first time it is used, not when the bundle loads. For synchronous
 * libraries that take hundreds of milliseconds to load (compromise, tinyld, linkedom): every
 * process that bundles the importers or comparison would otherwise pay that at start, before
 * answering its first call, even if it never parses a file or compares articles.
 */
import { createRequire } from 'node:module'

export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= createRequire(__filename)(id) as T)
}
