/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 6
export const description = 'highlights and notes anchored to quotes (W3C TextQuote + TextPosition selectors)'

export const up = sqlStep(`
  CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    exact      TEXT NOT NULL,
    prefix     TEXT NOT NULL,
    suffix     TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    color      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX notes_article ON notes(article_id);
`)
