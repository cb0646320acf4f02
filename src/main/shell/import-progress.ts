/**
 * Import progress for the taskbar or dock, and a system notification when a long import
 * finishes. It follows the core's `import.progress` events, whose `overall` part places each
 * call within the user's whole import. Plain Node: the shell passes in the Electron calls.
 */
import type { EventPayload } from '../../shared/contract'

export interface ProgressSink {
  /** 0..1 while importing; -1 removes the bar. */
  setProgress(fraction: number): void
  notify(title: string, body: string): void
}

/** Imports shorter than this finish without a notification: the user is still watching. */
export const NOTIFY_AFTER_MS = 8000

interface Job {
  started: number
  total: number
  imported: number
  failed: number
  duplicate: number
  /** Files finished in calls before the current one. */
  before: number
}

export class ImportTracker {
  private jobs = new Map<string, Job>()

  constructor(
    private readonly sink: ProgressSink,
    private readonly now: () => number = Date.now
  ) {}

  onProgress(p: EventPayload<'import.progress'>): void {
    const id = p.overall?.id ?? p.jobId
    const total = p.overall?.total ?? p.total
    let job = this.jobs.get(id)
    if (!job) {
      job = { started: this.now(), total, imported: 0, failed: 0, duplicate: 0, before: 0 }
      this.jobs.set(id, job)
    }
    job.before = p.overall?.before ?? 0
    // A result is reported with the event after it; the final event (current null) has the last one.
    if (p.last && (p.current === null || p.done > 0)) this.count(job, p.last.status)
    const done = job.before + p.done
    this.sink.setProgress(Math.min(1, done / Math.max(1, job.total)))
    if (p.current === null && done >= job.total) this.finish(id, job)
  }

  private count(job: Job, status: string): void {
    if (status === 'imported') job.imported++
    else if (status === 'failed') job.failed++
    else if (status === 'duplicate') job.duplicate++
  }

  private finish(id: string, job: Job): void {
    this.jobs.delete(id)
    this.sink.setProgress(this.jobs.size ? 0 : -1)
    if (this.now() - job.started < NOTIFY_AFTER_MS) return
    const parts = [`${job.imported} imported`, job.duplicate ? `${job.duplicate} already in the library` : '', job.failed ? `${job.failed} failed` : '']
    this.sink.notify('Import finished', parts.filter(Boolean).join(', '))
  }
}
