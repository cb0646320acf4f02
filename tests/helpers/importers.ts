/** Running one importer on bytes in the tests: one article, or its records. */
import { isArticle, isRecords, type Importer, type ParsedArticle, type ParsedRecord } from '../../src/main/core/importers/types'

export async function one(importer: Importer, name: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const out = await importer.parse({ name, bytes })
  if (!isArticle(out)) throw new Error('expected one article')
  return out
}

export async function records(importer: Importer, name: string, bytes: Uint8Array): Promise<ParsedRecord[]> {
  const out = await importer.parse({ name, bytes })
  if (!isRecords(out)) throw new Error('expected records')
  return out.records
}
