/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 7
export const description = 'tags on articles; collections of articles'

export const up = sqlStep(`
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
`)
