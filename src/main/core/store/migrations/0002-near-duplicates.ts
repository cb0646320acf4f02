/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 2
export const description = 'near-duplicate detection: MinHash signatures, LSH bands, links between articles'

export const up = sqlStep(`
  CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    sig        BLOB NOT NULL
  ) STRICT;
  CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX article_bands_article ON article_bands(article_id);
  CREATE TABLE article_links (
    a          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    similarity REAL NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
  ) STRICT;
  CREATE INDEX article_links_b ON article_links(b);
`)
