/**
 * Reads scans in the OCR worker (out/main/ocr-worker.js), one page per call: progress per page, a
 * time limit per page (a page that runs over is left out with a warning and its worker replaced),
 * cancellable during a page (the worker is stopped), one scan at a time (tesseract keeps one core
 * busy; the parse pool goes on with the batch's other files meanwhile).
 */
import type { PreparedArticle } from '../importers/prepare'
import type { OcrSource, PageText } from '../importers/ocr/pages'
import { ImportFailure, type OcrRequest } from '../importers/types'
import { WorkerClient } from '../rpc/client'
import { RpcError, type RpcArgs, type RpcMethod, type RpcResult } from '../rpc/protocol'
import type { OcrWorkerProtocol } from './ocr-protocol'

type Proto = OcrWorkerProtocol

export interface OcrReaderOptions {
  /** The bundled OCR worker entry. */
  script: string
  /** The time limit for one page (default 60 s). */
  pageTimeoutMs?: number
  maxMemoryMb?: number
}

/** What one read needs from the import it belongs to. */
export interface OcrRun {
  languages: readonly string[]
  signal?: AbortSignal
  onPage?: (page: number, pages: number) => void
}

/** The import was cancelled while OCR was reading this file. */
export class OcrCancelled extends ImportFailure {}

export class OcrReader {
  private client: WorkerClient<Proto> | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private nextId = 1
  private closed = false

  constructor(private readonly options: OcrReaderOptions) {}

  get pageTimeoutMs(): number {
    return this.options.pageTimeoutMs ?? 60_000
  }

  read(name: string, request: OcrRequest['ocr'], bytes: Uint8Array, run: OcrRun): Promise<PreparedArticle> {
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length))
    shared.set(bytes)
    const source: OcrSource = { id: this.nextId++, kind: request.kind, name, bytes: shared }
    const job = this.queue.then(() => this.readPages(source, request, run))
    this.queue = job.catch(() => {})
    return job
  }

  async close(): Promise<void> {
    this.closed = true
    await this.client?.close()
    this.client = null
  }

  private async readPages(source: OcrSource, request: OcrRequest['ocr'], run: OcrRun): Promise<PreparedArticle> {
    const texts: PageText[] = []
    const warnings = [...request.warnings]
    const languages = [...run.languages]
    for (let n = 1; n <= request.pages; n++) {
      if (run.signal?.aborted) throw cancelled(n, request.pages)
      run.onPage?.(n, request.pages)
      try {
        texts.push(await this.call('page', { source, page: n, languages }, run.signal))
      } catch (err) {
        if (run.signal?.aborted) throw cancelled(n, request.pages)
        const problem = this.problem(err)
        if (source.kind === 'image') throw new ImportFailure(problem)
        warnings.push(`page ${n} not read: ${problem}`)
      }
    }
    if (texts.length === 0) throw new ImportFailure(`no page could be read (${warnings.at(-1)})`)
    try {
      return await this.call('assemble', { source, pages: texts, warnings }, run.signal)
    } catch (err) {
      throw new ImportFailure(this.problem(err))
    }
  }

  /** A call a cancel interrupts: the worker is stopped mid-page and started afresh for the next one. */
  private async call<M extends RpcMethod<Proto>>(method: M, args: RpcArgs<Proto, M>, signal?: AbortSignal): Promise<RpcResult<Proto, M>> {
    if (this.closed) throw new ImportFailure('OCR is closed')
    // Cancelled already (by whoever heard of the page starting): an abort event would never come.
    if (signal?.aborted) throw new RpcError('closed', 'cancelled')
    const client = (this.client ??= new WorkerClient<Proto>({
      script: this.options.script,
      name: 'OCR worker',
      maxHeapMb: 512,
      maxMemoryMb: this.options.maxMemoryMb ?? 1024,
      // tesseract and leptonica print to stderr (`libpng error: Read Error`); each failure comes back as an error anyway.
      quiet: true
    }))
    let onAbort = (): void => {}
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new RpcError('closed', 'cancelled'))
      signal?.addEventListener('abort', onAbort, { once: true })
    })
    try {
      return await Promise.race([client.call(method, args, { timeoutMs: this.pageTimeoutMs }), aborted])
    } catch (err) {
      if (signal?.aborted && this.client === client) {
        this.client = null
        await client.close()
      }
      throw err
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  }

  /** Why a page could not be read, as the import result or warning says it. */
  private problem(err: unknown): string {
    if (!(err instanceof RpcError)) return `OCR failed: ${(err as Error)?.message ?? String(err)}`
    switch (err.code) {
      case 'failed':
        return err.message
      case 'timeout':
        return `OCR took too long: stopped after ${this.pageTimeoutMs / 1000} s (the limit per page)`
      case 'out_of_memory':
        return `OCR needs too much memory: stopped at the ${this.options.maxMemoryMb ?? 1024} MB limit`
      default:
        return `OCR failed: ${err.message}`
    }
  }
}

function cancelled(page: number, pages: number): OcrCancelled {
  return new OcrCancelled(`cancelled while OCR was reading it (page ${page} of ${pages})`)
}
