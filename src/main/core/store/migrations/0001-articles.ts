/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 1
export const description = 'articles'

export const up = sqlStep(`
  CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    author        TEXT,
    outlet        TEXT,
    published_at  TEXT,
    url           TEXT,
    language      TEXT,
    text          TEXT NOT NULL,
    word_count    INTEGER NOT NULL,
    source_name   TEXT NOT NULL,
    source_format TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,
    warnings      TEXT NOT NULL DEFAULT '[]',
    imported_at   TEXT NOT NULL
  ) STRICT;
  CREATE INDEX articles_imported_at ON articles(imported_at);
  CREATE INDEX articles_published_at ON articles(published_at);
`)
