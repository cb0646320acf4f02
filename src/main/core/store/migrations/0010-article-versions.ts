/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 10
export const description = 'article versions: earlier headlines and texts of an article, and its URL for matching them'

// The articles row always holds the latest version (so search, lists and notes see it); this
// table keeps the ones it replaced, numbered from 1 in the order they were imported.
export const up = sqlStep(`
  CREATE TABLE article_versions (
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,
    word_count   INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TEXT,
    source_name  TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, number)
  ) STRICT;
  CREATE INDEX article_versions_hash ON article_versions(content_hash);
  CREATE INDEX articles_url ON articles(url);
`)
