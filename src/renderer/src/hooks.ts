/** Hooks shared by the views: library data and the import flow. */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Args, ArticleSummary, Collection, ImportResult, SavedComparison } from '../../shared/contract'
import { LIMITS } from '../../shared/limits'
import { api, type ChangeReason } from './api/client'
import { relativeName } from './files'

export type LibraryQuery = Args<'articles.list'>

export function useArticles(query: LibraryQuery = {}): { items: ArticleSummary[]; total: number; loading: boolean; error: string | null; reload: () => void } {
  const [state, setState] = useState({ items: [] as ArticleSummary[], total: 0, loading: true, error: null as string | null })
  const key = JSON.stringify(query)
  // Reloads can overlap (several changes in a row); only the latest request's answer is shown.
  const latest = useRef(0)
  const reload = useCallback(() => {
    const ticket = ++latest.current
    api['articles.list'](JSON.parse(key) as LibraryQuery)
      .then(({ items, total }) => ticket === latest.current && setState({ items, total, loading: false, error: null }))
      .catch((err: Error) => ticket === latest.current && setState((s) => ({ ...s, loading: false, error: err.message })))
  }, [key])
  useEffect(() => {
    reload()
    return api.onChange(null, reload)
  }, [reload])
  return { ...state, reload }
}

export interface ImportState {
  running: boolean
  done: number
  total: number
  current: string | null
  results: ImportResult[]
  cancelled: boolean
}

const IDLE: ImportState = { running: false, done: 0, total: 0, current: null, results: [], cancelled: false }
/** Uploads go in batches small enough for one request each. */
const BATCH_BYTES = 16 * 1024 * 1024
const BATCH_FILES = 50

/** A result decided in the renderer (before upload): too large, unreadable, cancelled. */
function localResult(name: string, status: 'failed' | 'skipped', reason: string): ImportResult {
  return { name, status, articleId: null, title: null, reason, nearDuplicates: [] }
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'))
    reader.readAsDataURL(file)
  })
}

export function useImport(): { state: ImportState; start: (files: File[]) => void; cancel: () => void; dismiss: () => void } {
  const [state, setState] = useState<ImportState>(IDLE)
  const cancelled = useRef(false)
  /** The `import.files` call in flight, which a cancel stops between two of its files. */
  const runningCall = useRef<string | null>(null)

  const start = useCallback((all: File[]) => {
    if (all.length === 0) return
    cancelled.current = false
    const jobId = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
    setState({ ...IDLE, running: true, total: all.length, current: relativeName(all[0]!) })
    // Files whose batches have finished; progress events count files within the running batch.
    let filesDone = 0
    const off = api.on('import.progress', (p) => {
      if (!p.jobId.startsWith(jobId)) return
      setState((s) => ({ ...s, done: Math.min(s.total, filesDone + p.done), current: p.current ?? s.current }))
    })

    void (async () => {
      const results: ImportResult[] = []
      // A batch file (JSON, CSV) yields one result per record, so results can outnumber files.
      const record = (r: ImportResult[], files: number): void => {
        results.push(...r)
        filesDone += files
        setState((s) => ({ ...s, done: Math.min(s.total, filesDone), results: [...results] }))
      }
      let batch: { name: string; data: string }[] = []
      let batchBytes = 0
      let n = 0
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return
        const files = batch
        batch = []
        batchBytes = 0
        try {
          const overall = { id: jobId, before: filesDone, total: all.length }
          const call = `${jobId}-${n++}`
          runningCall.current = call
          const { results: r } = await api['import.files']({ jobId: call, overall, files }).finally(() => (runningCall.current = null))
          record(r, files.length)
        } catch (err) {
          record(
            files.map((f) => localResult(f.name, 'failed', (err as Error).message)),
            files.length
          )
        }
      }
      for (const file of all) {
        // Files from a chosen or dropped folder keep their path in it: its folders name the outlet.
        const name = relativeName(file)
        if (cancelled.current) {
          record([localResult(name, 'skipped', 'cancelled before it was imported')], 1)
          continue
        }
        if (file.size > LIMITS.maxFileBytes) {
          const mb = (x: number): string => `${Math.round(x / 1048576)} MB`
          record([localResult(name, 'failed', `file too large: ${mb(file.size)}, limit ${mb(LIMITS.maxFileBytes)}`)], 1)
          continue
        }
        if (batchBytes + file.size > BATCH_BYTES || batch.length >= BATCH_FILES) await flush()
        try {
          batch.push({ name, data: await readAsBase64(file) })
          batchBytes += file.size
        } catch (err) {
          record([localResult(name, 'failed', `could not read the file: ${(err as Error).message}`)], 1)
        }
      }
      await flush()
      off()
      setState((s) => ({ ...s, running: false, done: s.total, current: null, cancelled: cancelled.current }))
    })()
  }, [])

  return {
    state,
    start,
    cancel: () => {
      cancelled.current = true
      if (runningCall.current) void api['import.cancel']({ jobId: runningCall.current }).catch(() => undefined)
    },
    dismiss: () => setState(IDLE)
  }
}

/**
 * A list from the core, loaded once and again whenever the library changes for one of the
 * given reasons (every reason when none are given).
 */
function useLiveList<T>(load: () => Promise<{ items: T[] }>, reasons?: ChangeReason[]): T[] {
  const [items, setItems] = useState<T[]>([])
  useEffect(() => {
    const reload = (): void => {
      load()
        .then((r) => setItems(r.items))
        .catch(() => undefined)
    }
    reload()
    return api.onChange(reasons ?? null, reload)
    // The loader and reasons are fixed per call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return items
}

/** Saved comparisons, newest first, kept current as they are saved or deleted. */
export function useSavedComparisons(): SavedComparison[] {
  return useLiveList(() => api['comparisons.list']({}), ['comparisons'])
}

/** The library's collections with their sizes, kept current. */
export function useCollections(): Collection[] {
  return useLiveList(() => api['collections.list']({}), ['collections', 'delete', 'import'])
}

/** The library's tags with their counts, kept current. */
export function useTags(): { name: string; count: number }[] {
  return useLiveList(() => api['library.tags']({}))
}
