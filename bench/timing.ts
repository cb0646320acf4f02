/** Small helpers the benchmarks share: time an async step, work in a throw-away library folder. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The value of `fn` and how long it took, in milliseconds. */
export async function ms<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = process.hrtime.bigint()
  const value = await fn()
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 }
}

/** A fresh library folder for `fn`, removed afterwards. */
export async function withLibrary<T>(fn: (dir: string) => Promise<T>, prefix = 'parallax-bench-'): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  try {
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
