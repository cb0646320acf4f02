/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 9
export const description = 'indexes for the library table: keyset paging by every sort column, facet counts'

// Each index ends in the rowid (id), so `ORDER BY col, id` with `(col, id) > (?, ?)` is a range
// scan in either direction; the binary outlet/language ones also answer the facet GROUP BYs alone.
export const up = sqlStep(`
  CREATE INDEX articles_title_nocase ON articles(title COLLATE NOCASE);
  CREATE INDEX articles_outlet_nocase ON articles(outlet COLLATE NOCASE);
  CREATE INDEX articles_author_nocase ON articles(author COLLATE NOCASE);
  CREATE INDEX articles_word_count ON articles(word_count);
  CREATE INDEX articles_outlet ON articles(outlet);
  CREATE INDEX articles_language ON articles(language);
`)
