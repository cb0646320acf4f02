/** Importing files: a batch through the importers into the library, cancellable by job id. */
import { ApiError, type FolderOutlet, type ImportOverall, type ImportResult } from '../../../shared/contract'
import { parseInProcess, type Parser } from '../importers/parse'
import { ImportFailure } from '../importers/types'
import { collectSources, displayNameOf, importBatch, outletFolder, type ImportSource } from './import-batch'
import { parseOneArticle } from './import-attachments'
import { noArticle, type ApiPart, type CoreContext } from './context'
import type { OcrReader } from '../workers/ocr-reader'
import { ocrLanguages } from './preferences'
import type { Entities } from './entities'

export type ImportMethods = 'import.files' | 'import.paths' | 'import.cancel' | 'articles.attachFile'

export interface ImportOptions {
  /** Where files are parsed (the worker pool in the app; in-process when absent). */
  parser?: Parser
  /** How many files to parse ahead of the one being stored. */
  readAhead?: number
  /** Reads scans by OCR (the OCR worker); without it, scans fail with that reason. */
  ocr?: OcrReader
}

export interface ImportService extends ApiPart<ImportMethods> {
  /** Cancels every running import (on close). */
  cancelAll(): void
}

/** Where a file named "Folder/…/name" (from a chosen or dropped folder) sits: its folders can name the outlet. */
function placed(name: string): { name: string; inFolder: boolean; folder?: string } {
  const folders = name.split(/[\\/]/).slice(0, -1)
  const folder = outletFolder(folders)
  return { name, inFolder: folders.length > 0, ...(folder ? { folder } : {}) }
}

export function importService({ library, events, changed }: CoreContext, entities: Entities, options: ImportOptions): ImportService {
  /** Running `import.files` calls by job id, so `import.cancel` can stop one. */
  const running = new Map<string, AbortController>()
  /** The one import path (uploads, paths: CLI and app): the batch, then search, the change event and entities. */
  async function run(jobId: string, overall: ImportOverall | undefined, sources: ImportSource[], folderOutlet?: FolderOutlet): Promise<ImportResult[]> {
    const abort = new AbortController()
    running.set(jobId, abort)
    let results: ImportResult[]
    const { ocr } = options
    // The languages chosen in the settings when the import starts.
    const languages = ocr ? ocrLanguages(library.preferences) : []
    try {
      results = await entities.duringImport(() => importBatch(library, sources, {
        parser: options.parser,
        readAhead: options.readAhead ?? 1,
        signal: abort.signal,
        folderOutlet,
        ...(ocr ? { ocr: (name, request, bytes, hooks) => ocr.read(name, request, bytes, { ...hooks, languages }) } : {}),
        onProgress: (p) => events.emit('import.progress', { jobId, ...(overall ? { overall } : {}), ...p })
      }))
    } finally {
      running.delete(jobId)
    }
    const imported = results.flatMap((r) => (r.status === 'imported' ? [r.articleId!] : []))
    if (imported.length) {
      await changed('import')
      entities.enqueue(imported)
    }
    return results
  }

  return {
    async 'import.files'(args) {
      const sources = args.files.map((f) => ({ ...placed(f.name), bytes: typeof f.data === 'string' ? Buffer.from(f.data, 'base64') : f.data }))
      return { results: await run(args.jobId, args.overall, sources, args.folderOutlet) }
    },

    /**
     * Local callers only (dispatch refuses it over HTTP): the core walks the paths and reads the
     * files. Files the app names (`{ path, name }`) keep the name the user sees, as uploads do.
     */
    async 'import.paths'(args) {
      const named = args.paths.flatMap((p) => (typeof p === 'string' ? [] : [{ ...placed(p.name), path: p.path }]))
      const { sources, problems } = await collectSources(args.paths.filter((p) => typeof p === 'string'))
      if (problems.length) events.emit('import.progress', { jobId: args.jobId, done: 0, total: sources.length, current: null, last: null, finished: problems })
      return { results: [...problems, ...(await run(args.jobId, args.overall, [...named, ...sources], args.folderOutlet))] }
    },

    async 'articles.attachFile'(args) {
      const name = displayNameOf(args.file.name)
      let parsed
      try {
        parsed = await parseOneArticle(name, Buffer.from(args.file.data, 'base64'), options.parser ?? parseInProcess)
      } catch (err) {
        throw new ApiError('invalid_argument', `${name}: ${err instanceof ImportFailure ? err.message : (err as Error).message}`, 'file')
      }
      const outcome = library.articles.fillText(args.id, { ...parsed, warnings: [...parsed.warnings, `text from ${name}`] })
      if (outcome.status === 'missing') throw noArticle(args.id)
      if (outcome.status === 'has-text') throw new ApiError('invalid_argument', `Article #${args.id} already has its text; only a metadata-only entry receives a file.`, 'id')
      if (outcome.status === 'duplicate') throw new ApiError('invalid_argument', `${name} has the same text as article #${outcome.id} “${outcome.title}”.`, 'file')
      await changed('update')
      entities.enqueue([args.id])
      return library.articles.get(args.id)!
    },

    async 'import.cancel'(args) {
      const job = running.get(args.jobId)
      job?.abort()
      return { cancelled: !!job }
    },

    cancelAll() {
      for (const job of running.values()) job.abort()
    }
  }
}
