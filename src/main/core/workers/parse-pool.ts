/**
 * Parses files in worker threads with a time limit and a memory cap per worker, so a file that
 * makes a parser loop, recurse or balloon (zip bombs, pathological HTML or PDF) fails on its own
 * with a clear reason, and neither the main process nor the rest of the batch is affected.
 */
import type { Entity } from '../compare'
import { WorkerClient } from '../rpc/client'
import { RpcError, type RpcArgs, type RpcMethod, type RpcResult } from '../rpc/protocol'
import type { Parser } from '../importers/parse'
import { ImportFailure } from '../importers/types'
import type { ImportWorkerProtocol } from './parse-protocol'

type Proto = ImportWorkerProtocol

export interface PoolOptions {
  /** The bundled worker entry (out/main/import-worker.js). */
  script: string
  size?: number
  timeoutMs?: number
  /** Per worker: the V8 heap cap and the cap on all its memory (heap plus ArrayBuffers). */
  maxMemoryMb?: number
}

interface Slot {
  client: WorkerClient<Proto>
  busy: boolean
}

export class ParserPool {
  private readonly slots: Slot[] = []
  private readonly waiting: { resolve: (slot: Slot) => void; reject: (err: Error) => void }[] = []
  /** Set while one call runs alone, to learn whether it is the one that needs the memory. */
  private gate: Promise<void> | null = null
  private closed = false

  constructor(private readonly options: PoolOptions) {}

  readonly parse: Parser = async (format, name, bytes) => {
    try {
      return await this.run('parse', { format, name, bytes })
    } catch (err) {
      throw this.failure(err)
    }
  }

  /** An article's names, numbers and dates (for comparisons), computed in a worker. */
  entities(text: string): Promise<Entity[]> {
    return this.run('entities', { text })
  }

  async close(): Promise<void> {
    this.closed = true
    // Calls waiting for a worker get the same answer as calls made from now on.
    for (const w of this.waiting.splice(0)) w.reject(new RpcError('closed', 'parser pool closed'))
    await Promise.all(this.slots.map((s) => s.client.close()))
    this.slots.length = 0
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 10_000
  }

  private get maxMemoryMb(): number {
    return this.options.maxMemoryMb ?? 512
  }

  /**
   * A worker stopped for its memory while another was busy too may have been stopped for the
   * other's file (a worker stuck in synchronous code is judged by the process's growth): the call
   * is tried once more with every other worker idle, so only the file that needs the memory fails.
   */
  private async run<M extends RpcMethod<Proto>>(method: M, args: RpcArgs<Proto, M>): Promise<RpcResult<Proto, M>> {
    while (this.gate) await this.gate
    const slot = await this.acquire()
    try {
      return await slot.client.call(method, args, { timeoutMs: this.timeoutMs })
    } catch (err) {
      const othersBusy = this.slots.some((s) => s !== slot && s.busy)
      if (!(err instanceof RpcError && err.code === 'out_of_memory' && othersBusy)) throw err
    } finally {
      this.release(slot)
    }
    return this.alone((s) => s.client.call(method, args, { timeoutMs: this.timeoutMs }))
  }

  private async alone<T>(fn: (slot: Slot) => Promise<T>): Promise<T> {
    while (this.gate) await this.gate
    let open!: () => void
    this.gate = new Promise<void>((resolve) => (open = resolve))
    const held: Slot[] = []
    try {
      for (let i = 0; i < (this.options.size ?? 1); i++) held.push(await this.acquire(true))
      return await fn(held[0]!)
    } finally {
      this.gate = null
      open()
      held.forEach((s) => this.release(s))
    }
  }

  /** The reason a file failed in the worker, as the import result shows it. */
  private failure(err: unknown): ImportFailure {
    if (!(err instanceof RpcError)) return new ImportFailure(`could not be parsed: ${(err as Error)?.message ?? String(err)}`)
    switch (err.code) {
      case 'failed':
        return new ImportFailure(err.message)
      case 'internal':
        return new ImportFailure(`could not be parsed: ${err.message}`)
      case 'timeout':
        return new ImportFailure(`took too long to parse: stopped after ${this.timeoutMs / 1000} s`)
      case 'out_of_memory':
        return new ImportFailure(`file needs too much memory: parsing stopped at the ${this.maxMemoryMb} MB limit`)
      default:
        return new ImportFailure(err.message)
    }
  }

  /** A free worker; `first` jumps the queue (a call waiting to run alone). */
  private acquire(first = false): Promise<Slot> {
    if (this.closed) return Promise.reject(new RpcError('closed', 'parser pool closed'))
    const free = this.slots.find((s) => !s.busy)
    if (free) {
      free.busy = true
      return Promise.resolve(free)
    }
    if (this.slots.length < (this.options.size ?? 1)) {
      const { script } = this.options
      const slot = { client: new WorkerClient<Proto>({ script, name: 'parser', maxHeapMb: this.maxMemoryMb, maxMemoryMb: this.maxMemoryMb }), busy: true }
      this.slots.push(slot)
      return Promise.resolve(slot)
    }
    return new Promise((resolve, reject) => (first ? this.waiting.unshift({ resolve, reject }) : this.waiting.push({ resolve, reject })))
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift()
    if (next) next.resolve(slot)
    else slot.busy = false
  }
}
