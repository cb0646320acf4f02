/**
 * Facet counts over the articles matching a filter: outlet, language and month counted in one
 * grouped pass (the "cube" of their combinations, summed here), instead of one pass per facet.
 */
import type { Connection } from './connection'
import type { Counts } from './facet-summary'
import type { Where } from './library-filter'

export interface Cube {
  total: number
  outlet: Map<string, number>
  language: Map<string, number>
  month: Map<string, number>
}

type CubeRow = [outlet: string | null, language: string | null, month: string | null, count: number]

export function cubeOf(db: Connection, w: Where): Cube {
  const sql = `SELECT outlet, language, substr(published_at, 1, 7), count(*) FROM articles WHERE ${w.sql} GROUP BY 1, 2, 3`
  const cube: Cube = { total: 0, outlet: new Map(), language: new Map(), month: new Map() }
  const add = (m: Map<string, number>, key: string | null, n: number): void => {
    if (key !== null) m.set(key, (m.get(key) ?? 0) + n)
  }
  for (const [outlet, language, month, n] of db.prepare(sql).raw().all(...w.params) as CubeRow[]) {
    cube.total += n
    add(cube.outlet, outlet, n)
    add(cube.language, language, n)
    add(cube.month, month, n)
  }
  return cube
}

/** SQLite's BINARY order (UTF-8 bytes), which JS's UTF-16 comparison differs from past U+FFFF. */
export const binaryOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))

/** The `limit` most frequent values, most first, ties by value: as `ORDER BY count DESC, value LIMIT n`. */
export function topOf(counts: Map<string, number>, limit: number): Counts {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || binaryOrder(a, b))
    .slice(0, limit)
    .map(([name, count]) => ({ name, count }))
}

/** Every value in order, as `ORDER BY value`. */
export function inOrder(counts: Map<string, number>): Counts {
  return [...counts].sort(([a], [b]) => binaryOrder(a, b)).map(([name, count]) => ({ name, count }))
}
