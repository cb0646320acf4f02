/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 5
export const description = 'saved comparisons with their notes'

export const up = sqlStep(`
  CREATE TABLE comparisons (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    article_ids TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  ) STRICT;
`)
