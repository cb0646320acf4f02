/** Shipped: never edit this step; add a new one. */
import type { Connection } from '../connection'

export const version = 8
export const description = 'user preferences (theme), as JSON values by key'

export function up(db: Connection): void {
  db.exec(`
  CREATE TABLE preferences (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  `)
}
