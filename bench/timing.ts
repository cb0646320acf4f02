/** Small helpers the benchmarks share: time an async step, work in a throw-away library folder. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The value of `fn`, how long it took and how much of this process's CPU it used, in milliseconds
 * (on a shared machine the wall time also holds the waits for a core; the CPU time does not).
 */
export async function ms<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const t = process.hrtime.bigint()
  const c = process.cpuUsage()
  const value = await fn()
  const used = process.cpuUsage(c)
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6, cpu: (used.user + used.system) / 1000 }
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
