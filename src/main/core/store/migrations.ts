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
  },
  {
    version: 3,
    description: 'search: Lunr segments, and which segment covers each article (none: pending)',
    sql: `
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
    `
  },
  {
    version: 4,
    description: 'names, numbers and dates of an article, stored after its first comparison',
    sql: `ALTER TABLE articles ADD COLUMN entities TEXT;`
  },
  {
    version: 5,
    description: 'saved comparisons with their notes',
    sql: `
      CREATE TABLE comparisons (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        notes       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `
  },
  {
    version: 6,
    description: 'highlights and notes anchored to quotes (W3C TextQuote + TextPosition selectors)',
    sql: `
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
    `
  },
  {
    version: 7,
    description: 'tags on articles; collections of articles',
    sql: `
      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_tags_tag ON article_tags(tag);
      CREATE TABLE collections (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE collection_articles (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (collection_id, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX collection_articles_article ON collection_articles(article_id);
    `
  },
  {
    version: 8,
    description: 'user preferences (theme), as JSON values by key',
    sql: `
      CREATE TABLE preferences (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `
  }
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
