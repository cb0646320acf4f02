/** Shipped: never edit this step; add a new one. */
import { sqlStep } from './sql-step'

export const version = 13
export const description = 'text read by OCR: the mean confidence of the recognised words'

// NULL for every article whose text came from the file itself (all articles before this step).
export const up = sqlStep(`
  ALTER TABLE articles ADD COLUMN ocr_confidence REAL CHECK (ocr_confidence IS NULL OR ocr_confidence BETWEEN 0 AND 100);
`)
