/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 15
export const description = "the library table's facet counts: unfiltered ones kept by triggers in each write's own transaction, covering indexes for filtered ones"

// One row per facet value: 'total' (''), 'outlet', 'language', 'month' (the first 7 characters of
// published_at), 'tag', 'collection' (its id as text) and 'notes' ('': articles with at least one
// note). A value whose articles are all gone keeps a row with count 0; readers skip those. The
// triggers fire for the foreign keys' cascades too (deleting an article deletes its tags and notes).
const bump = (sign: '+' | '-', values: [facet: string, value: string][]): string => `
    INSERT INTO facet_counts (facet, value, count)
      SELECT f, v, ${sign}1 FROM (${values.map(([f, v], i) => (i ? `SELECT '${f}', ${v}` : `SELECT '${f}' AS f, ${v} AS v`)).join(' UNION ALL ')}) WHERE v IS NOT NULL
      ON CONFLICT (facet, value) DO UPDATE SET count = count ${sign} 1;`
const fieldValues = (row: 'new' | 'old'): [string, string][] => [
  ['outlet', `${row}.outlet`],
  ['language', `${row}.language`],
  ['month', `substr(${row}.published_at, 1, 7)`]
]
const articleValues = (row: 'new' | 'old'): [string, string][] => [['total', "''"], ...fieldValues(row)]

// The filtered facets count outlet, language and month over the matching articles in one grouped
// pass; these indexes hold all three, so an outlet, a language or a date range is counted without
// reading the articles' (wide) rows. The outlet one replaces step 9's outlet-only index; the
// language and date ones cannot, as keyset paging by those sorts needs (column, id) order.
export const up = sqlStep(`
  DROP INDEX articles_outlet;
  CREATE INDEX articles_outlet_facets ON articles(outlet, language, published_at);
  CREATE INDEX articles_language_facets ON articles(language, outlet, published_at);
  CREATE INDEX articles_published_facets ON articles(published_at, outlet, language);

  CREATE TABLE facet_counts (
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (facet, value)
  ) STRICT, WITHOUT ROWID;

  INSERT INTO facet_counts SELECT 'total', '', count(*) FROM articles;
  INSERT INTO facet_counts SELECT 'outlet', outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet;
  INSERT INTO facet_counts SELECT 'language', language, count(*) FROM articles WHERE language IS NOT NULL GROUP BY language;
  INSERT INTO facet_counts SELECT 'month', substr(published_at, 1, 7), count(*) FROM articles WHERE published_at IS NOT NULL GROUP BY 2;
  INSERT INTO facet_counts SELECT 'tag', tag, count(*) FROM article_tags GROUP BY tag;
  INSERT INTO facet_counts SELECT 'collection', CAST(collection_id AS TEXT), count(*) FROM collection_articles GROUP BY collection_id;
  INSERT INTO facet_counts SELECT 'notes', '', count(DISTINCT article_id) FROM notes;

  CREATE TRIGGER facet_article_added AFTER INSERT ON articles BEGIN ${bump('+', articleValues('new'))}
  END;
  CREATE TRIGGER facet_article_deleted AFTER DELETE ON articles BEGIN ${bump('-', articleValues('old'))}
  END;
  CREATE TRIGGER facet_article_changed AFTER UPDATE OF outlet, language, published_at ON articles
  WHEN old.outlet IS NOT new.outlet OR old.language IS NOT new.language OR old.published_at IS NOT new.published_at BEGIN
    ${bump('-', fieldValues('old'))} ${bump('+', fieldValues('new'))}
  END;

  CREATE TRIGGER facet_tag_added AFTER INSERT ON article_tags BEGIN ${bump('+', [['tag', 'new.tag']])}
  END;
  CREATE TRIGGER facet_tag_removed AFTER DELETE ON article_tags BEGIN ${bump('-', [['tag', 'old.tag']])}
  END;
  CREATE TRIGGER facet_tag_changed AFTER UPDATE OF tag ON article_tags BEGIN ${bump('-', [['tag', 'old.tag']])} ${bump('+', [['tag', 'new.tag']])}
  END;

  CREATE TRIGGER facet_member_added AFTER INSERT ON collection_articles BEGIN ${bump('+', [['collection', 'CAST(new.collection_id AS TEXT)']])}
  END;
  CREATE TRIGGER facet_member_removed AFTER DELETE ON collection_articles BEGIN ${bump('-', [['collection', 'CAST(old.collection_id AS TEXT)']])}
  END;
  CREATE TRIGGER facet_member_changed AFTER UPDATE OF collection_id ON collection_articles BEGIN
    ${bump('-', [['collection', 'CAST(old.collection_id AS TEXT)']])} ${bump('+', [['collection', 'CAST(new.collection_id AS TEXT)']])}
  END;

  -- An article counts once however many notes it has: on its first note, and when its last goes.
  CREATE TRIGGER facet_note_added AFTER INSERT ON notes
  WHEN (SELECT count(*) FROM notes WHERE article_id = new.article_id) = 1 BEGIN ${bump('+', [['notes', "''"]])}
  END;
  CREATE TRIGGER facet_note_removed AFTER DELETE ON notes
  WHEN NOT EXISTS (SELECT 1 FROM notes WHERE article_id = old.article_id) BEGIN ${bump('-', [['notes', "''"]])}
  END;
  CREATE TRIGGER facet_note_moved AFTER UPDATE OF article_id ON notes WHEN old.article_id IS NOT new.article_id BEGIN
    INSERT INTO facet_counts (facet, value, count) VALUES ('notes', '', 0) ON CONFLICT (facet, value) DO UPDATE SET count = count
      + ((SELECT count(*) FROM notes WHERE article_id = new.article_id) = 1)
      - (NOT EXISTS (SELECT 1 FROM notes WHERE article_id = old.article_id));
  END;
`)
