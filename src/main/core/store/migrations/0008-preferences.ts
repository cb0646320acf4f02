/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 8
export const description = 'user preferences (theme), as JSON values by key'

export const up = sqlStep(`
  CREATE TABLE preferences (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
`)
