/** The library table's first page sorted by date, newest first (as the app opens it), through the store. */
import type { Library } from '../src/main/core/store/library'

const ROUNDS = 7

/** Milliseconds of the first call and the median of the next seven. */
export function firstPage(lib: Library): { firstMs: number; medianMs: number; rows: number } {
  const times: number[] = []
  let rows = 0
  for (let k = 0; k <= ROUNDS; k++) {
    const t = process.hrtime.bigint()
    rows = lib.pages.page({ sort: 'publishedAt', direction: 'desc', filters: {}, limit: 100 }).items.length
    times.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  const rest = times.slice(1).sort((a, b) => a - b)
  return { firstMs: times[0]!, medianMs: rest[Math.floor(rest.length / 2)]!, rows }
}
