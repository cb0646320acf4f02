/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 4
export const description = 'names, numbers and dates of an article, stored after its first comparison'

export const up = sqlStep(`
  ALTER TABLE articles ADD COLUMN entities TEXT;
`)
