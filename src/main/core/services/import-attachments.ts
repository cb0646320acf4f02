/**
 * The text of a reference-library record from the file it names (Zotero's `file`, RIS `L1`): read
 * from inside the export's folder only (from disk for a path, from the same upload for a dropped
 * folder), parsed by its own importer, and joined to the record's metadata (the record's fields win,
 * the file's fill the blanks). A record whose file is missing or refused stays metadata-only and says why.
 */
import { basename, dirname, resolve } from 'node:path'
import { attachmentInBatch, resolveAttachment } from '../importers/attachments'
import type { Parser, PreparedArticle, PreparedOutput } from '../importers/prepare'
import { checkSize, describeIoError, readSource } from '../importers/read-source'
import { METADATA_ONLY } from '../importers/references'
import { assertContentMatches, importerFor } from '../importers/registry'
import { ImportFailure } from '../importers/types'

/** An export being imported: read from a path, or uploaded (then its name holds its folder). */
type ImportSource = { name: string } & ({ path: string } | { bytes: Uint8Array })

export interface Attaching {
  parser: Parser
  /** Uploaded files by name, for exports uploaded with their files. */
  uploads: ReadonlyMap<string, Uint8Array>
  /** Files imported as a record's text, by path or upload name, so the batch does not import them again. */
  claimed: Map<string, string>
}

/** The key a source is claimed by: its resolved path, or its upload name. */
export const claimKey = (source: ImportSource): string => ('path' in source ? resolve(source.path) : source.name.replace(/\\/g, '/'))

export async function attachTexts(output: PreparedOutput, source: ImportSource, at: Attaching): Promise<PreparedOutput> {
  if (!('records' in output)) return output
  const records = []
  for (const r of output.records) {
    const named = 'article' in r && !r.article.text ? r.article.attachment : undefined
    records.push(named && 'article' in r ? { label: r.label, article: await withAttachment(r.article, named, source, at, `${source.name} (${r.label})`) } : r)
  }
  return { records }
}

async function withAttachment(record: PreparedArticle, named: string, source: ImportSource, at: Attaching, by: string): Promise<PreparedArticle> {
  const metadataOnly = (why: string): PreparedArticle => ({ ...record, warnings: [...record.warnings.filter((w) => w !== METADATA_ONLY), `metadata only: ${why}`] })
  const found = await locate(named, source, at)
  if ('refused' in found) return metadataOnly(found.refused)
  try {
    const parsed = await parseOneArticle(basename(found.key), found.bytes, at.parser)
    at.claimed.set(found.key, by)
    return {
      ...parsed,
      title: record.title,
      author: record.author ?? parsed.author,
      outlet: record.outlet ?? parsed.outlet,
      publishedAt: record.publishedAt ?? parsed.publishedAt,
      url: record.url ?? parsed.url,
      language: record.language ?? parsed.language,
      warnings: [...parsed.warnings, `text from its attached file ${named}`]
    }
  } catch (err) {
    return metadataOnly(`its attached file ${named} could not be read: ${err instanceof ImportFailure ? err.message : describeIoError(err)}`)
  }
}

/** One file that must hold one article (an attachment), parsed by its own importer; else an ImportFailure. */
export async function parseOneArticle(name: string, bytes: Uint8Array, parser: Parser): Promise<PreparedArticle> {
  const importer = importerFor(name)
  if (!importer) throw new ImportFailure(`${name} is of a type Parallax does not read`)
  checkSize(bytes.length)
  if (bytes.length === 0) throw new ImportFailure('empty file')
  assertContentMatches(importer, name, bytes)
  const parsed = await parser(importer.format, name, bytes)
  if ('records' in parsed) throw new ImportFailure(`${name} holds records, not one article`)
  // OCR runs in the batch's own scan path (progress per page, cancel), not for attachments yet.
  if ('ocr' in parsed) throw new ImportFailure(`${name} is a scan: import it on its own to read it by OCR`)
  return parsed
}

async function locate(named: string, source: ImportSource, at: Attaching): Promise<{ key: string; bytes: Uint8Array } | { refused: string }> {
  if ('path' in source) {
    const where = await resolveAttachment(dirname(resolve(source.path)), named)
    if ('refused' in where) return where
    try {
      return { key: resolve(dirname(resolve(source.path)), named.replace(/\\/g, '/')), bytes: await readSource(where.path) }
    } catch (err) {
      return { refused: `its attached file ${named} could not be read: ${describeIoError(err)}` }
    }
  }
  const inBatch = attachmentInBatch(source.name, named)
  if ('refused' in inBatch) return inBatch
  const bytes = at.uploads.get(inBatch.name)
  return bytes ? { key: inBatch.name, bytes } : { refused: `its attached file ${named} was not found beside the export (upload the export's folder to import it)` }
}
