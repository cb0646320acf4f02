/**
 * Runs a batch of files through the importers into the library. Every file gets exactly one
 * result; nothing one file does (missing, unreadable, huge, binary, malformed) stops the rest.
 * Each article is inserted in its own transaction, so a crash leaves whole articles or none,
 * and running the same batch again only adds what is missing (dedupe by content hash).
 */
import { lstat, readFile, readdir, realpath } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { detect as detectLanguage } from 'tinyld'
import { LIMITS, type ImportResult, type SourceFormat } from '../../../shared/contract'
import { signature } from '../dedupe/minhash'
import type { Library } from '../store/library'
import { contentHash, countWords } from './metadata'
import { parseInProcess, type Parser } from './parse'
import { assertContentMatches, extensionOf, importerFor } from './registry'
import { ImportFailure, isRecords, type ParsedArticle } from './types'

/** One file to import: bytes already in hand (uploads) or a path to read (CLI, desktop). */
export type ImportSource = ({ name: string; bytes: Uint8Array } | { name: string; path: string }) & {
  /** Name of the folder the file was found in while walking a chosen folder: an outlet fallback. */
  folder?: string
}

export interface BatchOptions {
  onProgress?: (p: { done: number; total: number; current: string | null; last: ImportResult | null }) => void
  signal?: AbortSignal
  /** Where parsing runs: in-process by default, a worker pool in the app and the CLI. */
  parser?: Parser
}

export async function importBatch(library: Library, sources: ImportSource[], options: BatchOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  const total = sources.length
  const parser = options.parser ?? parseInProcess
  for (const [i, source] of sources.entries()) {
    if (options.signal?.aborted) {
      results.push(result(source.name, 'skipped', null, null, 'cancelled before it was imported'))
      continue
    }
    options.onProgress?.({ done: i, total, current: source.name, last: results.at(-1) ?? null })
    results.push(...(await importOne(library, source, parser)))
    // Yield between files so a long batch never starves the event loop (HTTP, IPC, UI).
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  options.onProgress?.({ done: total, total, current: null, last: results.at(-1) ?? null })
  return results
}

async function importOne(library: Library, source: ImportSource, parser: Parser): Promise<ImportResult[]> {
  const displayName = displayNameOf(source.name)
  const importer = importerFor(displayName)
  if (!importer) {
    const ext = extensionOf(displayName)
    return [result(source.name, 'skipped', null, null, ext ? `unsupported file type (.${ext})` : 'unsupported file type (no extension)')]
  }
  try {
    const bytes = 'bytes' in source ? checkSize(source.bytes.length, source.bytes) : await readSource(source.path)
    if (bytes.length === 0) throw new ImportFailure('empty file')
    assertContentMatches(importer, displayName, bytes)
    const output = await parser(importer.format, displayName, bytes)
    const store = (parsed: ParsedArticle, name: string): ImportResult =>
      storeArticle(library, parsed, { name, sourceName: displayName, format: importer.format, folder: source.folder })
    if (!isRecords(output)) return [store(output, source.name)]
    return output.records.map((r) => {
      const name = `${source.name} (${r.label})`
      if ('error' in r) return result(name, 'failed', null, null, r.error)
      try {
        return store(r.article, name)
      } catch (err) {
        return result(name, 'failed', null, null, describeError(err))
      }
    })
  } catch (err) {
    return [result(source.name, 'failed', null, null, describeError(err))]
  }
}

function storeArticle(
  library: Library,
  parsed: ParsedArticle,
  src: { name: string; sourceName: string; format: SourceFormat; folder?: string }
): ImportResult {
  const outcome = library.articles.insert({
    ...parsed,
    outlet: parsed.outlet ?? src.folder ?? null,
    language: parsed.language ?? guessLanguage(parsed.text),
    wordCount: countWords(parsed.text),
    contentHash: contentHash(parsed.text),
    signature: signature(parsed.text),
    sourceName: src.sourceName,
    sourceFormat: src.format
  })
  if (outcome.status === 'duplicate') {
    return result(src.name, 'duplicate', outcome.id, outcome.title, `same text as article #${outcome.id} “${outcome.title}”`)
  }
  return { ...result(src.name, 'imported', outcome.id, parsed.title, null), nearDuplicates: outcome.nearDuplicates.map((d) => d.id) }
}

/** ISO 639-1 code from the first few thousand characters, or null when unsure. */
function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 3000)
  if (sample.length < 40) return null
  return detectLanguage(sample) || null
}

function describeError(err: unknown): string {
  return err instanceof ImportFailure ? err.message : describeIoError(err)
}

function checkSize(size: number, bytes: Uint8Array): Uint8Array {
  if (size > LIMITS.maxFileBytes) throw new ImportFailure(`file too large: ${mb(size)}, limit ${mb(LIMITS.maxFileBytes)}`)
  return bytes
}

async function readSource(path: string): Promise<Uint8Array> {
  const st = await lstat(path)
  if (st.isSymbolicLink()) throw new ImportFailure('symbolic link: not followed (import the file it points to instead)')
  if (!st.isFile()) throw new ImportFailure('not a regular file')
  checkSize(st.size, new Uint8Array())
  const bytes = await readFile(path)
  // The file may have grown between stat and read.
  return checkSize(bytes.length, bytes)
}

function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  switch (e?.code) {
    case 'ENOENT':
      return 'file vanished before it could be read'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder'
    case 'SQLITE_FULL':
      return 'the disk is full: nothing was stored for this file'
    default:
      return `unexpected error: ${e?.message ?? String(err)}`
  }
}

function result(name: string, status: ImportResult['status'], articleId: number | null, title: string | null, reason: string | null): ImportResult {
  return { name, status, articleId, title, reason, nearDuplicates: [] }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

/** A file name safe to show and store: no path, no control or bidi-override characters. */
export function displayNameOf(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim()
  return (clean || 'unnamed').slice(0, 255)
}

/**
 * Expands files and folders (recursively) into import sources, in a stable order. Hidden files
 * and folders are left out; symbolic links are reported, not followed.
 */
export async function collectSources(paths: string[]): Promise<{ sources: ImportSource[]; problems: ImportResult[] }> {
  const sources: ImportSource[] = []
  const problems: ImportResult[] = []
  const visit = async (path: string, top: boolean): Promise<void> => {
    let st
    try {
      st = await lstat(path)
      // A link the user named explicitly is honoured; links met inside folders are not.
      if (top && st.isSymbolicLink()) {
        path = await realpath(path)
        st = await lstat(path)
      }
    } catch (err) {
      problems.push(result(path, 'failed', null, null, describeIoError(err)))
      return
    }
    if (st.isDirectory()) {
      let entries: string[]
      try {
        entries = (await readdir(path)).sort()
      } catch (err) {
        problems.push(result(path, 'failed', null, null, describeIoError(err)))
        return
      }
      for (const e of entries) if (!e.startsWith('.')) await visit(join(path, e), false)
    } else if (st.isSymbolicLink()) {
      problems.push(result(path, 'skipped', null, null, 'symbolic link: not followed'))
    } else {
      sources.push(top ? { name: path, path } : { name: path, path, folder: basename(dirname(path)) })
    }
  }
  for (const p of paths) await visit(p, true)
  return { sources, problems }
}
