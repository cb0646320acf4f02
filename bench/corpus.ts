/** Reading the shared corpora for the benchmarks. */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Every .txt file below a folder, in a stable order. */
export function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e)
      return statSync(p).isDirectory() ? walk(p) : e.endsWith('.txt') ? [p] : []
    })
}
