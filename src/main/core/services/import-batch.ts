/**
 * Runs a batch of files through the importers into the library. Every file gets exactly one
 * result; nothing one file does (missing, unreadable, huge, binary, malformed) stops the rest.
 * Each article is inserted in its own transaction (a batch export's records: a group of them in
 * one, see import-group.ts), so a crash leaves whole articles or none, and running the same batch
 * again only adds what is missing (dedupe by content hash).
 */
import { lstat, readdir, realpath } from 'node:fs/promises'
import { basename, dirname, join, sep } from 'node:path'
import { outletFolder } from '../../../shared/folder-outlet'
import type { FolderOutlet, ImportResult, SourceFormat } from '../../../shared/contract'
import type { Library } from '../store/library'
import type { OutletResolver } from '../store/outlet-aliases'
import { parseInProcess, type Parser } from '../importers/parse'
import type { PreparedArticle, PreparedOutput, PreparedRecord } from '../importers/prepare'
import { checkSize, describeIoError, readSource } from '../importers/read-source'
import { assertContentMatches, extensionOf, importerFor, importerForContent, leftOut } from '../importers/registry'
import { streamedRecords } from '../importers/streamed'
import { isLargeExport, largeNdjsonRecords } from '../importers/large-export'
import { parseRawRecords } from '../importers/record-stream'
import { applySidecar, isFolderDocumentation, notAnArticle, planSidecars, sidecarResult, type Planned, type SidecarMeta } from '../importers/sidecar'
import { ImportFailure, isOcrRequest, type OcrRequest } from '../importers/types'
import { OcrCancelled } from '../workers/ocr-reader'
import { attachTexts, claimKey, type Attaching } from './import-attachments'
import { isLibraryFault, storeGroup } from './import-group'

/** One file to import: bytes already in hand (uploads) or a path to read (CLI, desktop). */
export type ImportSource = ({ name: string; bytes: Uint8Array } | { name: string; path: string }) & {
  /** Name of the folder the file was found in while walking a chosen folder (outlet from sub-folder names). */
  folder?: string
  /** Found inside a chosen folder rather than picked by name (then a README is the folder's, not an article). */
  inFolder?: boolean
}

export interface BatchOptions {
  /** Before each file and at the end; `finished` holds every result since the previous call (a batch file has one per record). */
  onProgress?: (p: { done: number; total: number; current: string | null; last: ImportResult | null; finished: ImportResult[] }) => void
  signal?: AbortSignal
  /** Where parsing runs: in-process by default, a worker pool in the app and the CLI. */
  parser?: Parser
  /** Files read and parsed ahead of the one being stored (match the worker pool's size). */
  readAhead?: number
  /** The outlet of files that do not name their own; none by default (a folder's name is not an outlet). */
  folderOutlet?: FolderOutlet
  /** Reads scans (images, PDF pages without text) by OCR; without it they fail with that reason. */
  ocr?: OcrRead
}

/** Reads one scan by OCR, saying which page it starts. */
export type OcrRead = (name: string, request: OcrRequest['ocr'], bytes: Uint8Array, run: { signal?: AbortSignal; onPage: (page: number, pages: number) => void }) => Promise<PreparedArticle>
type Scan = (name: string, request: OcrRequest['ocr'], bytes: Uint8Array) => Promise<PreparedArticle>

/**
 * A file read and parsed (a batch export: being parsed group by group), ready to store; or the
 * result that ends its journey early.
 */
type Staged = { format: SourceFormat; displayName: string; output: PreparedOutput | RecordGroups; meta?: SidecarMeta } | { done: ImportResult }
type Source = Planned<ImportSource>
type RecordGroups = { groups: AsyncGenerator<PreparedRecord[]> }

/** What storing one file needs from the batch around it. */
interface StoreHooks {
  outlets: OutletResolver
  folderOutlet?: FolderOutlet
  onDiskFull: () => void
  /** Why the rest of a batch export must not be stored (cancel, full disk), or null. */
  stopReason: () => string | null
  onRecords: (label: string) => void
}

/** A batch export's record groups parsed at once: one per worker of the pool (two). */
const GROUPS_AHEAD = 2
const DISK_FULL = 'not imported: the disk holding the library is full'

/**
 * Reads and parses up to `readAhead` files ahead (in the worker pool, in parallel) while the
 * main thread stores the previous ones in order, each in its own transaction.
 */
export async function importBatch(library: Library, files: ImportSource[], options: BatchOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  const sources = referenceExportsFirst(await planSidecars(files))
  const total = sources.length
  const parser = options.parser ?? parseInProcess
  const attaching: Attaching = { parser, uploads: new Map(files.flatMap((f) => ('bytes' in f ? [[f.name.replace(/\\/g, '/'), f.bytes]] : []))), claimed: new Map() }
  const ahead = Math.max(1, options.readAhead ?? 1)
  const staged: Promise<Staged | null>[] = []
  const outlets = library.outlets.resolver()
  // What became of each article file that has a metadata file beside it, for that file's result.
  const described = new Map<string, { result?: ImportResult; meta?: SidecarMeta }>()
  let next = 0
  // Once the disk is full every further file would fail the same way: say so once, skip the rest.
  let diskFull = false
  let reported = 0
  const progress = (done: number, current: string | null): void => {
    options.onProgress?.({ done, total, current, last: results.at(-1) ?? null, finished: results.slice(reported) })
    reported = results.length
  }
  // A scan's progress names its page: `scan.pdf (OCR, page 2 of 5)`.
  const scanner = (index: number): Scan | undefined => {
    const { ocr, signal } = options
    if (!ocr) return undefined
    const onPage = (name: string) => (page: number, pages: number) => options.onProgress?.({ done: index, total, current: `${name} (OCR, page ${page} of ${pages})`, last: null, finished: [] })
    return (name, request, bytes) => ocr(name, request, bytes, { signal, onPage: onPage(sources[index]!.name) })
  }
  for (const [i, source] of sources.entries()) {
    if (options.signal?.aborted) {
      results.push(result(source.name, 'skipped', null, null, 'cancelled before it was imported'))
      continue
    }
    progress(i, source.name)
    while (next < total && next < i + ahead) staged.push(stage(sources[next]!, parser, attaching, scanner(next++)))
    if (source.describes !== undefined) {
      const article = described.get(source.describes)
      results.push(sidecarResult(source.name, source.describes, article?.result, article?.meta))
      continue
    }
    if (diskFull) {
      results.push(result(source.name, 'skipped', null, null, DISK_FULL))
      continue
    }
    const claimedBy = attaching.claimed.get(claimKey(source))
    if (claimedBy !== undefined) {
      results.push(result(source.name, 'skipped', null, null, `imported as the text of ${claimedBy}`))
      continue
    }
    const s = (await staged[i])!
    results.push(...('done' in s ? [s.done] : await storeOutput(library, source, s, {
      outlets,
      folderOutlet: options.folderOutlet,
      onDiskFull: () => (diskFull = true),
      stopReason: () => (options.signal?.aborted ? 'cancelled: its remaining records were not imported' : diskFull ? DISK_FULL : null),
      onRecords: (label) => options.onProgress?.({ done: i, total, current: `${source.name} (${label})`, last: null, finished: [] })
    })))
    if (source.sidecar) described.set(source.name, { result: results.at(-1), meta: 'done' in s ? undefined : s.meta })
    // Yield between files so a long batch never starves the event loop (HTTP, IPC, UI).
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  // Files staged ahead of a cancel are dropped: nothing of theirs was stored.
  await Promise.allSettled(staged)
  progress(total, null)
  return results
}

async function stage(source: Source, parser: Parser, attaching: Attaching, scan?: Scan): Promise<Staged | null> {
  if (source.describes !== undefined) return null // read with its article
  const displayName = displayNameOf(source.name)
  if (source.inFolder && isFolderDocumentation(displayName)) {
    return { done: result(source.name, 'skipped', null, null, "the folder's documentation, not an article (pick it by name to import it)") }
  }
  const named = importerFor(displayName)
  if (!named) {
    const ext = extensionOf(displayName)
    return { done: result(source.name, 'skipped', null, null, ext ? `unsupported file type (.${ext})` : 'unsupported file type (no extension)') }
  }
  try {
    if (!('bytes' in source) && named.format === 'ndjson' && (await isLargeExport(source.path))) {
      return { format: 'ndjson', displayName, output: { groups: parseRawRecords(largeNdjsonRecords(source.path), displayName, parser, GROUPS_AHEAD) } }
    }
    const bytes = 'bytes' in source ? source.bytes : await readSource(source.path)
    checkSize(bytes.length)
    if (bytes.length === 0) throw new ImportFailure('empty file')
    const skip = leftOut(displayName, bytes)
    if (skip) return { done: result(source.name, 'skipped', null, null, skip) }
    const importer = importerForContent(named, bytes)
    assertContentMatches(importer, displayName, bytes)
    const groups = streamedRecords(importer.format, displayName, bytes, parser, GROUPS_AHEAD)
    if (groups) return { format: importer.format, displayName, output: { groups } }
    const parsed = await parser(importer.format, displayName, bytes)
    const output = await attachTexts(isOcrRequest(parsed) ? await readScan(scan, displayName, parsed, bytes) : parsed, source, attaching)
    const meta = source.sidecarMeta
    return { format: importer.format, displayName, output: applySidecar(output, meta), meta }
  } catch (err) {
    return { done: result(source.name, err instanceof OcrCancelled ? 'skipped' : 'failed', null, null, describeError(err)) }
  }
}

/** A scan read by OCR, or the reason it cannot be. */
function readScan(scan: Scan | undefined, name: string, request: OcrRequest, bytes: Uint8Array): Promise<PreparedArticle> {
  if (!scan) throw new ImportFailure('a scan: OCR is not available here (no OCR worker)')
  return scan(name, request.ocr, bytes)
}

async function storeOutput(library: Library, source: ImportSource, s: Exclude<Staged, { done: ImportResult }>, hooks: StoreHooks): Promise<ImportResult[]> {
  const from = hooks.folderOutlet
  const fallback = from?.from === 'name' ? from.name : from?.from === 'subfolders' ? (source.folder ?? null) : null
  const store = (a: PreparedArticle, name: string, inGroup = false): ImportResult => {
    try {
      return storeArticle(library, { ...a, outlet: hooks.outlets.resolve(a.outlet ?? fallback) }, { name, sourceName: s.displayName, format: s.format })
    } catch (err) {
      // In a group's transaction, the library's own failure abandons the group (see import-group.ts).
      if (inGroup && isLibraryFault(err)) throw err
      if ((err as { code?: string }).code === 'SQLITE_FULL') hooks.onDiskFull()
      return result(name, 'failed', null, null, describeError(err))
    }
  }
  // The first two records, to tell a lone JSON object that is no article (a group.json) from a batch.
  const firstRecords: PreparedRecord[] = []
  const storeRecords = (records: PreparedRecord[]): ImportResult[] => {
    firstRecords.push(...records.slice(0, 2 - firstRecords.length))
    return storeGroup(library, records, (r, inGroup) => {
      const name = `${source.name} (${r.label})`
      if ('error' in r) return result(name, 'failed', null, null, r.error)
      return 'skipped' in r ? result(name, 'skipped', null, null, r.skipped) : store(r.article, name, inGroup)
    })
  }
  if ('groups' in s.output) {
    const out = await storeGroups(s.output.groups, storeRecords, source.name, hooks)
    return notAnArticle(s.format, source.name, firstRecords, out) ?? out
  }
  if (!('records' in s.output)) return [store(s.output, source.name)]
  return storeRecords(s.output.records)
}

/** A batch export's records, stored group by group as they are parsed, with progress between groups. */
async function storeGroups(groups: AsyncGenerator<PreparedRecord[]>, storeRecords: (r: PreparedRecord[]) => ImportResult[], name: string, hooks: StoreHooks): Promise<ImportResult[]> {
  const out: ImportResult[] = []
  try {
    for await (const group of groups) {
      out.push(...storeRecords(group))
      hooks.onRecords(group.at(-1)!.label)
      const stop = hooks.stopReason()
      if (stop) {
        out.push(result(name, 'skipped', null, null, stop))
        break
      }
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  } catch (err) {
    out.push(result(name, 'failed', null, null, describeError(err)))
  }
  return out.length > 0 ? out : [result(name, 'failed', null, null, 'the file holds no records')]
}

function storeArticle(library: Library, a: PreparedArticle, src: { name: string; sourceName: string; format: SourceFormat }): ImportResult {
  const outcome = library.versions.importArticle({ ...a, sourceName: src.sourceName, sourceFormat: src.format })
  switch (outcome.status) {
    case 'duplicate':
      return result(src.name, 'duplicate', outcome.id, outcome.title, `same text as article #${outcome.id} “${outcome.title}”`)
    case 'old-version':
      return { ...result(src.name, 'duplicate', outcome.id, outcome.title, `same as version ${outcome.number} of article #${outcome.id} “${outcome.title}”`), version: { number: outcome.number, change: null } }
    case 'version': {
      const reason = `new version ${outcome.number} of article #${outcome.id} “${outcome.previousTitle}”: ${outcome.change} changed`
      return { ...result(src.name, 'imported', outcome.id, a.title, reason), nearDuplicates: outcome.nearDuplicates.map((d) => d.id), version: { number: outcome.number, change: outcome.change } }
    }
    default:
      return { ...result(src.name, 'imported', outcome.id, a.title, null), nearDuplicates: outcome.nearDuplicates.map((d) => d.id) }
  }
}

function describeError(err: unknown): string {
  return err instanceof ImportFailure ? err.message : describeIoError(err)
}

function result(name: string, status: ImportResult['status'], articleId: number | null, title: string | null, reason: string | null): ImportResult {
  return { name, status, articleId, title, reason, nearDuplicates: [] }
}

/**
 * Reference-library exports (.bib, .ris) go first, so the files their records name are read as
 * those records' text before the folder walk reaches them (then they are not imported twice).
 */
function referenceExportsFirst(sources: Source[]): Source[] {
  const isExport = (s: Source): boolean => ['bibtex', 'ris'].includes(importerFor(displayNameOf(s.name))?.format ?? '')
  return [...sources.filter(isExport), ...sources.filter((s) => !isExport(s))]
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
      sources.push(top ? { name: path, path } : { name: path, path, folder: outletFolder(dirname(path).split(sep)), inFolder: true })
    }
  }
  for (const p of paths) await visit(p, true)
  return { sources, problems }
}

export { outletFolder }
