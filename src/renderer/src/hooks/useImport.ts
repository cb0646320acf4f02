/** The import flow: progress across batches, cancel between files, a summary of every result. */
import { useCallback, useRef, useState } from 'react'
import type { FolderOutlet, ImportResult } from '../../../shared/contract'
import { api } from '../api/client'
import { relativeName } from '../files'
import { importInBatches, type Upload } from './importBatches'

export interface ImportState {
  running: boolean
  done: number
  total: number
  current: string | null
  results: ImportResult[]
  cancelled: boolean
}

export interface Importer {
  state: ImportState
  /** `folderOutlet`: the outlet of files that name none (the folder import dialog's choice). */
  start: (files: File[], folderOutlet?: FolderOutlet) => void
  cancel: () => void
  dismiss: () => void
}

const IDLE: ImportState = { running: false, done: 0, total: 0, current: null, results: [], cancelled: false }

export function useImport(): Importer {
  const [state, setState] = useState<ImportState>(IDLE)
  const cancelled = useRef(false)
  /** The `import.files` call in flight, which a cancel stops between two of its files. */
  const runningCall = useRef<string | null>(null)

  const start = useCallback((all: File[], folderOutlet?: FolderOutlet) => {
    if (all.length === 0) return
    cancelled.current = false
    const jobId = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
    setState({ ...IDLE, running: true, total: all.length, current: relativeName(all[0]!) })
    // Files whose batches have finished; progress events count files within the running batch.
    let filesDone = 0
    let calls = 0
    const results: ImportResult[] = []
    const off = api.on('import.progress', (p) => {
      if (!p.jobId.startsWith(jobId)) return
      setState((s) => ({ ...s, done: Math.min(s.total, filesDone + p.done), current: p.current ?? s.current }))
    })
    const send = async (files: Upload[]): Promise<ImportResult[]> => {
      const call = `${jobId}-${calls++}`
      runningCall.current = call
      const overall = { id: jobId, before: filesDone, total: all.length }
      const answer = await api.importFiles({ jobId: call, overall, ...(folderOutlet ? { folderOutlet } : {}) }, files).finally(() => (runningCall.current = null))
      return answer.results
    }
    const record = (r: ImportResult[], files: number): void => {
      results.push(...r)
      filesDone += files
      setState((s) => ({ ...s, done: Math.min(s.total, filesDone), results: [...results] }))
    }
    void importInBatches(all, { send, record, cancelled: () => cancelled.current, byPath: api.transport === 'ipc' }).finally(() => {
      off()
      setState((s) => ({ ...s, running: false, done: s.total, current: null, cancelled: cancelled.current }))
    })
  }, [])

  const cancel = useCallback(() => {
    cancelled.current = true
    // The call may have finished meanwhile; then there is nothing to stop, and the skipped files say the rest.
    if (runningCall.current) void api['import.cancel']({ jobId: runningCall.current }).catch(() => undefined)
  }, [])
  const dismiss = useCallback(() => setState(IDLE), [])
  return { state, start, cancel, dismiss }
}
