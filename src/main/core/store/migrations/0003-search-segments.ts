/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 3
export const description = 'search: Lunr segments, and which segment covers each article (none: pending)'

export const up = sqlStep(`
  CREATE TABLE search_segments (
    -- AUTOINCREMENT: a segment id is never reused, so a cached segment can never be mistaken for a new one.
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_count  INTEGER NOT NULL,
    data       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE search_docs (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    segment_id INTEGER REFERENCES search_segments(id) ON DELETE SET NULL
  ) STRICT;
  CREATE INDEX search_docs_segment ON search_docs(segment_id);
  INSERT INTO search_docs (article_id, segment_id) SELECT id, NULL FROM articles;
`)
