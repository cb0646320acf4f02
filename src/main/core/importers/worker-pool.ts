/**
 * Parses files in worker threads with a time limit and a memory cap per worker, so a file that
 * makes a parser loop, recurse or balloon (zip bombs, pathological HTML or PDF) fails on its own
 * with a clear reason, and neither the main process nor the rest of the batch is affected.
 */
import { Worker } from 'node:worker_threads'
import type { SourceFormat } from '../../../shared/contract'
import type { Parser, WorkerReply } from './parse'
import type { PreparedOutput } from './prepare'
import { ImportFailure } from './types'

export interface PoolOptions {
  /** The bundled worker entry (out/main/import-worker.js). */
  script: string
  size?: number
  timeoutMs?: number
  maxMemoryMb?: number
}

interface Slot {
  worker: Worker
  /** Resolves once the worker has loaded its modules. */
  ready: Promise<void>
  busy: boolean
}

export class ParserPool {
  private readonly slots: Slot[] = []
  private readonly waiting: ((slot: Slot) => void)[] = []
  private nextId = 1
  private closed = false

  constructor(private readonly options: PoolOptions) {}

  readonly parse: Parser = async (format: SourceFormat, name: string, bytes: Uint8Array): Promise<PreparedOutput> => {
    const slot = await this.acquire()
    try {
      await slot.ready
      const reply = await this.run(slot, { format, name, bytes })
      if (reply.ok) return reply.output
      throw new ImportFailure(reply.expected ? reply.failure : `could not be parsed: ${reply.failure}`)
    } finally {
      this.release(slot)
    }
  }

  /** An article's names, numbers and dates (for comparisons), computed in a worker. */
  async entities(text: string): Promise<unknown> {
    const slot = await this.acquire()
    try {
      await slot.ready
      const reply = await this.run(slot, { entitiesOf: text })
      if (!reply.ok) throw new Error(reply.failure)
      return reply.output
    } finally {
      this.release(slot)
    }
  }

  private run(slot: Slot, message: { format: SourceFormat; name: string; bytes: Uint8Array } | { entitiesOf: string }): Promise<WorkerReply> {
    const id = this.nextId++
    const timeoutMs = this.options.timeoutMs ?? 10_000
    return new Promise<WorkerReply>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        slot.worker.off('message', onMessage)
        slot.worker.off('error', onError)
        slot.worker.off('exit', onExit)
      }
      const replace = (): void => {
        void slot.worker.terminate()
        Object.assign(slot, this.spawn())
      }
      const onMessage = (m: { id: number; reply: WorkerReply }): void => {
        if (m.id !== id) return
        done()
        resolve(m.reply)
      }
      const onError = (err: Error): void => {
        done()
        replace()
        const oom = /memory|heap/i.test(err.message) || (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        reject(new ImportFailure(oom ? `too complex to parse: over the ${this.options.maxMemoryMb ?? 512} MB memory limit` : `parser crashed: ${err.message}`))
      }
      const onExit = (code: number): void => {
        done()
        Object.assign(slot, this.spawn())
        reject(new ImportFailure(`parser stopped unexpectedly (exit ${code})`))
      }
      const timer = setTimeout(() => {
        done()
        replace()
        reject(new ImportFailure(`took too long to parse: stopped after ${timeoutMs / 1000} s`))
      }, timeoutMs)
      slot.worker.on('message', onMessage)
      slot.worker.once('error', onError)
      slot.worker.once('exit', onExit)
      slot.worker.postMessage({ id, ...message })
    })
  }

  private spawn(): { worker: Worker; ready: Promise<void> } {
    const maxMemoryMb = this.options.maxMemoryMb ?? 512
    const worker = new Worker(this.options.script, {
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 }
    })
    worker.unref()
    // Errors are reported by the parse that is running; one with none running must not crash the app.
    worker.on('error', () => {})
    const ready = new Promise<void>((resolve) => {
      const onMessage = (m: { ready?: boolean }): void => {
        if (!m?.ready) return
        worker.off('message', onMessage)
        resolve()
      }
      worker.on('message', onMessage)
      // A worker that dies while starting is handled by the parse that waits on it.
      worker.once('error', () => resolve())
      worker.once('exit', () => resolve())
    })
    return { worker, ready }
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('parser pool closed'))
    const free = this.slots.find((s) => !s.busy)
    if (free) {
      free.busy = true
      return Promise.resolve(free)
    }
    if (this.slots.length < (this.options.size ?? 1)) {
      const slot = { ...this.spawn(), busy: true }
      this.slots.push(slot)
      return Promise.resolve(slot)
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift()
    if (next) next(slot)
    else slot.busy = false
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
    this.slots.length = 0
  }
}
