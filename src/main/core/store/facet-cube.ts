/**
 * Facet counts over the articles matching filters: outlet, language, month and "has notes"
 * counted in one grouped pass (the "cube" of their combinations, summed here) instead of one pass
 * per facet. A pass is driven by one filter (the rows it selects are the only ones read) and
 * carries a 0/1 flag for each other filter, so the same pass also gives the counts with any one of
 * those left out: a facet counted "with every filter but its own" needs no pass of its own.
 */
import type { Connection } from './connection'
import type { Counts } from './facet-summary'
import type { Where } from './library-filter'

export interface Cube {
  total: number
  outlet: Map<string, number>
  language: Map<string, number>
  month: Map<string, number>
  /** Articles with at least one note. */
  withNotes: number
}

/** A filter carried as a flag: its name (a facet's own filter, e.g. 'dates') and its condition. */
export interface Flag {
  name: string
  where: Where
}

type PassRow = [outlet: string | null, language: string | null, month: string | null, noted: number, ...rest: number[]]

export class FlaggedPass {
  private readonly rows: PassRow[]

  /** Rows failing two or more flags count for no facet, so they are left out in SQL. */
  constructor(db: Connection, driver: Where, private readonly flags: readonly Flag[]) {
    // coalesce: a condition on a missing value (NULL) fails like a false one.
    const cols = flags.map((f) => `coalesce((${f.where.sql}), 0)`)
    const failing = cols.length ? `AND ${cols.map((c) => `(1 - ${c})`).join(' + ')} <= 1` : ''
    const sql = `SELECT outlet, language, substr(published_at, 1, 7), articles.id IN (SELECT article_id FROM notes)${cols.map((c) => `, ${c}`).join('')}, count(*)
      FROM articles WHERE ${driver.sql} ${failing} GROUP BY ${Array.from({ length: 4 + cols.length }, (_, i) => i + 1).join(', ')}`
    const flagParams = flags.flatMap((f) => f.where.params)
    this.rows = db.prepare(sql).raw().all(...flagParams, ...driver.params, ...flagParams) as PassRow[]
  }

  /** The counts over the rows passing every flag but the one named `except` (if any). */
  cube(except?: string): Cube {
    const cube: Cube = { total: 0, outlet: new Map(), language: new Map(), month: new Map(), withNotes: 0 }
    const add = (m: Map<string, number>, key: string | null, n: number): void => {
      if (key !== null) m.set(key, (m.get(key) ?? 0) + n)
    }
    const kept = this.flags.map((f, i) => (f.name === except ? -1 : 4 + i)).filter((i) => i >= 0)
    for (const row of this.rows) {
      if (!kept.every((i) => row[i] === 1)) continue
      const n = row[row.length - 1] as number
      cube.total += n
      if (row[3] === 1) cube.withNotes += n
      add(cube.outlet, row[0], n)
      add(cube.language, row[1], n)
      add(cube.month, row[2], n)
    }
    return cube
  }
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
