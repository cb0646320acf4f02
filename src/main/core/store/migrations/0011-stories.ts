/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 11
export const description = 'stories kept in the library: story out-links, story membership, and the articles to link again'

// story_links: what each article's own story query links it to (search/story-links.ts); a story is
// a connected component of them, its id the smallest article id in it (story_members, only for
// articles in a story of two or more). story_pending: articles whose story must be brought up to
// date: relink 2, new or changed (its links computed again, and the articles it may now enter
// checked); 1, its links computed again; 0, its story only. A new seq each time one is marked, so
// work done on an older state never clears a newer mark. The triggers mark them in the write's own
// transaction, whichever code writes: the stored stories cannot fall behind the articles.
export const up = sqlStep(`
  CREATE TABLE story_links (
    source INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    target INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (source, target)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX story_links_target ON story_links(target, source);
  CREATE TABLE story_members (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story      INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX story_members_story ON story_members(story);
  CREATE TABLE story_pending (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    relink     INTEGER NOT NULL
  ) STRICT;
  INSERT INTO story_pending (article_id, relink) SELECT id, 2 FROM articles ORDER BY id;

  CREATE TRIGGER story_article_added AFTER INSERT ON articles BEGIN
    INSERT OR REPLACE INTO story_pending (article_id, relink) VALUES (new.id, 2);
  END;
  -- What its query finds, and which queries find it, may change with its title, text or date.
  CREATE TRIGGER story_article_changed AFTER UPDATE OF title, text, published_at ON articles
  WHEN old.title IS NOT new.title OR old.published_at IS NOT new.published_at OR old.text IS NOT new.text BEGIN
    INSERT OR REPLACE INTO story_pending (article_id, relink) VALUES (new.id, 2);
    INSERT OR REPLACE INTO story_pending (article_id, relink)
      SELECT l.source, max(1, coalesce((SELECT p.relink FROM story_pending p WHERE p.article_id = l.source), 0))
      FROM story_links l WHERE l.target = new.id;
  END;
  -- Queries that found it may now find another article; the stories it linked to may fall apart.
  CREATE TRIGGER story_article_deleted BEFORE DELETE ON articles BEGIN
    INSERT OR REPLACE INTO story_pending (article_id, relink)
      SELECT l.source, max(1, coalesce((SELECT p.relink FROM story_pending p WHERE p.article_id = l.source), 0))
      FROM story_links l WHERE l.target = old.id;
    INSERT OR REPLACE INTO story_pending (article_id, relink)
      SELECT l.target, coalesce((SELECT p.relink FROM story_pending p WHERE p.article_id = l.target), 0)
      FROM story_links l WHERE l.source = old.id;
  END;
`)
