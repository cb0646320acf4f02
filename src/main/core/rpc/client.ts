/**
 * The main-thread side of the channel: one worker thread, started on first use and replaced
 * after it dies, runs too long or goes over its memory cap. Every call's promise settles: with the
 * result, or with an `RpcError` whose code says what happened.
 */
import { memoryUsage } from 'node:process'
import { Worker } from 'node:worker_threads'
import { MEMORY_REPORT_MS, RpcError, type Protocol, type RpcArgs, type RpcCall, type RpcErrorCode, type RpcMessage, type RpcMethod, type RpcResult } from './protocol'

const MB = 1024 * 1024
/** A worker silent for this long is busy in synchronous code (and cannot report its memory). */
const SILENT_MS = 5 * MEMORY_REPORT_MS

export interface WorkerClientOptions {
  /** The bundled worker entry. */
  script: string
  /** Named in error messages ("parser", "search worker"). */
  name: string
  /** Handed to the worker as `workerData`. */
  data?: unknown
  /** V8 heap cap (old generation), MB. */
  maxHeapMb?: number
  /**
   * Total memory cap, MB: the heap plus ArrayBuffers and other memory outside it, which the heap
   * cap does not bound. A worker reporting more, or silent while the process grew by more since
   * its call started, is stopped and replaced.
   */
  maxMemoryMb?: number
  /** Drops what the worker (and threads it starts) write to stderr: native libraries' diagnostics. */
  quiet?: boolean
}

interface Pending {
  resolve: (value: never) => void
  reject: (err: RpcError) => void
  timer?: NodeJS.Timeout
  /** Process RSS when the call reached the worker. */
  rssAtStart?: number
}

/** One worker instance and the calls it holds. */
interface Running {
  worker: Worker
  ready: Promise<void>
  pending: Map<number, Pending>
  lastReport: number
  watchdog?: NodeJS.Timeout
  ended: boolean
}

export interface CallOptions {
  /** Counted from when the worker is ready; past it the worker is replaced. */
  timeoutMs?: number
}

export class WorkerClient<P extends Protocol> {
  private running: Running | null = null
  private nextId = 1
  private closed = false

  constructor(private readonly options: WorkerClientOptions) {}

  /** Calls in flight. */
  get busy(): number {
    return this.running?.pending.size ?? 0
  }

  call<M extends RpcMethod<P>>(method: M, args: RpcArgs<P, M>, options: CallOptions = {}): Promise<RpcResult<P, M>> {
    if (this.closed) return Promise.reject(new RpcError('closed', `${this.options.name} is closed`))
    const run = this.running ?? (this.running = this.spawn())
    const id = this.nextId++
    return new Promise<RpcResult<P, M>>((resolve, reject) => {
      const pending: Pending = { resolve: resolve, reject }
      run.pending.set(id, pending)
      void run.ready.then(() => {
        if (!run.pending.has(id)) return // the worker died while starting
        pending.rssAtStart = memoryUsage.rss()
        if (options.timeoutMs) pending.timer = setTimeout(() => this.timedOut(run, id, options.timeoutMs!), options.timeoutMs)
        const call: RpcCall = { kind: 'call', id, method, args }
        run.worker.postMessage(call)
        this.watch(run)
      })
    })
  }

  /** Rejects what is in flight and stops the worker; later calls are refused. */
  async close(): Promise<void> {
    this.closed = true
    const run = this.running
    if (run) await this.end(run, 'closed', `${this.options.name} is closed`)
  }

  private spawn(): Running {
    const { maxHeapMb } = this.options
    const worker = new Worker(this.options.script, {
      workerData: this.options.data,
      stderr: !!this.options.quiet,
      ...(maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 } } : {})
    })
    worker.unref()
    if (this.options.quiet) worker.stderr.resume()
    let ready!: () => void
    const run: Running = { worker, ready: new Promise<void>((r) => (ready = r)), pending: new Map(), lastReport: Date.now(), ended: false }
    worker.on('message', (m: RpcMessage) => this.receive(run, m, ready))
    worker.on('error', (err: Error) => {
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|out of memory/i.test(err.message)
      void this.end(run, oom ? 'out_of_memory' : 'crashed', oom ? this.overCap() : `${this.options.name} crashed: ${err.message}`)
    })
    worker.on('exit', (code) => void this.end(run, 'crashed', `${this.options.name} stopped unexpectedly (exit ${code})`))
    return run
  }

  private receive(run: Running, m: RpcMessage, ready: () => void): void {
    if (m.kind === 'ready') return ready()
    if (m.kind === 'memory') {
      run.lastReport = Date.now()
      const cap = this.options.maxMemoryMb
      if (cap && m.bytes > cap * MB) void this.end(run, 'out_of_memory', this.overCap())
      return
    }
    const pending = run.pending.get(m.id)
    if (!pending) return
    run.pending.delete(m.id)
    clearTimeout(pending.timer)
    if (m.ok) pending.resolve(m.result as never)
    else pending.reject(new RpcError(m.error.code, m.error.message))
  }

  /**
   * While calls are in flight: a worker stuck in synchronous code cannot report its memory, so
   * the process's growth since its calls began stands in for it.
   */
  private watch(run: Running): void {
    const cap = this.options.maxMemoryMb
    if (!cap || run.watchdog) return
    run.watchdog = setInterval(() => {
      if (run.pending.size === 0) {
        clearInterval(run.watchdog)
        run.watchdog = undefined
        return
      }
      if (Date.now() - run.lastReport < SILENT_MS) return
      const starts = [...run.pending.values()].map((p) => p.rssAtStart ?? Infinity)
      if (memoryUsage.rss() - Math.min(...starts) > cap * MB) void this.end(run, 'out_of_memory', this.overCap())
    }, MEMORY_REPORT_MS)
    run.watchdog.unref()
  }

  private timedOut(run: Running, id: number, ms: number): void {
    const pending = run.pending.get(id)
    if (!pending) return
    run.pending.delete(id)
    pending.reject(new RpcError('timeout', `${this.options.name} took longer than ${ms / 1000} s`))
    void this.end(run, 'crashed', `${this.options.name} was restarted`)
  }

  /** Stops one worker instance once, failing every call it still holds with the given code. */
  private async end(run: Running, code: RpcErrorCode, message: string): Promise<void> {
    if (run.ended) return
    run.ended = true
    if (this.running === run) this.running = null
    clearInterval(run.watchdog)
    for (const p of run.pending.values()) {
      clearTimeout(p.timer)
      p.reject(new RpcError(code, message))
    }
    run.pending.clear()
    await run.worker.terminate()
  }

  private overCap(): string {
    return `${this.options.name} needed more than ${this.options.maxMemoryMb ?? this.options.maxHeapMb} MB of memory`
  }
}
