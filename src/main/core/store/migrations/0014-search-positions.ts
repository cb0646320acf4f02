/**
 * Shipped: never edit this step; add a new one. (Number provisional until merged.)
 * Search segments with word positions: each term of a segment points at a second blob in
 * search_postings, its positions, read only by phrases. Segments written before have none (NULL);
 * their header's older format makes the builder rebuild them.
 */
import { sqlStep } from './sql-step'

export const version = 14
export const description = 'search: word positions per term and segment, for phrases (old segments rebuilt)'

export const up = sqlStep(`
  ALTER TABLE search_terms ADD COLUMN positions INTEGER;
`)
