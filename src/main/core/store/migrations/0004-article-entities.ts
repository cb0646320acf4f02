/** Shipped: never edit this step; add a new one. */
import type { Connection } from '../connection'

export const version = 4
export const description = 'names, numbers and dates of an article, stored after its first comparison'

export function up(db: Connection): void {
  db.exec(`
  ALTER TABLE articles ADD COLUMN entities TEXT;
  `)
}
