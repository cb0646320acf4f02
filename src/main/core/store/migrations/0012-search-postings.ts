/**
 * Shipped: never edit this step; add a new one. (Number provisional until merged.)
 * Search segments re-laid on disk: a term dictionary per segment with each term's postings in its
 * own row, read on demand. Old segments (whole serialized Lunr indexes) are dropped and their
 * articles made pending, so the builder rebuilds them in the new layout.
 */
import { sqlStep } from './sql-step'

export const version = 12
export const description = 'search: term dictionary and postings per segment, read on demand (old segments rebuilt)'

export const up = sqlStep(`
  UPDATE search_docs SET segment_id = NULL;
  DELETE FROM search_segments;
  -- 1 while the builder is still writing the segment's terms: not searched, discarded after a crash.
  ALTER TABLE search_segments ADD COLUMN building INTEGER NOT NULL DEFAULT 0;
  -- The dictionary: every term of a segment, sorted (prefix and fuzzy expansion scan its ranges).
  CREATE TABLE search_terms (
    segment_id INTEGER NOT NULL,
    term       TEXT NOT NULL,
    df         INTEGER NOT NULL,
    postings   INTEGER NOT NULL,
    PRIMARY KEY (segment_id, term)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE search_postings (
    id   INTEGER PRIMARY KEY,
    data BLOB NOT NULL
  ) STRICT;
  -- Articles a segment holds but no longer covers (deleted, edited, moved by a merge): never answered from it.
  CREATE TABLE search_stale (
    segment_id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (segment_id, article_id)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER search_docs_moved AFTER UPDATE OF segment_id ON search_docs
    WHEN OLD.segment_id IS NOT NULL AND NEW.segment_id IS NOT OLD.segment_id
    BEGIN INSERT OR IGNORE INTO search_stale (segment_id, article_id) VALUES (OLD.segment_id, OLD.article_id); END;
  CREATE TRIGGER search_docs_gone AFTER DELETE ON search_docs
    WHEN OLD.segment_id IS NOT NULL
    BEGIN INSERT OR IGNORE INTO search_stale (segment_id, article_id) VALUES (OLD.segment_id, OLD.article_id); END;
`)
