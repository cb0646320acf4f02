/**
 * Numbered schema steps. Step N takes a library from user_version N-1 to N; a library is
 * migrated one step at a time, each step in its own transaction together with its version bump,
 * so a crash mid-migration leaves the library at the last complete step.
 * Never edit a step that has shipped: add a new one.
 */
export interface Migration {
  version: number
  description: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles',
    sql: `
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
    `
  },
  {
    version: 2,
    description: 'near-duplicate detection: MinHash signatures, LSH bands, links between articles',
    sql: `
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
    `
  }
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
