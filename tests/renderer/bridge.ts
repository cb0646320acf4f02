/**
 * A stand-in for the desktop preload (`window.parallax`): the renderer's real client and IPC
 * transport run on top of it, and each test decides what the core answers and which events it sends.
 */
import type { Envelope } from '../../src/shared/errors'

type Handler = (args: never) => unknown

export class FakeBridge {
  readonly calls: { method: string; args: unknown }[] = []
  private handlers = new Map<string, Handler>()
  private listeners = new Map<string, Set<(payload: unknown) => void>>()

  /** What the core answers to `method`: a value, a promise, or a thrown error (sent as an error envelope). */
  answer(method: string, handler: Handler): void {
    this.handlers.set(method, handler)
  }

  callsOf(method: string): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args)
  }

  emit(event: string, payload: unknown): void {
    this.listeners.get(event)?.forEach((l) => l(payload))
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0
  }

  reset(): void {
    this.calls.length = 0
    this.handlers.clear()
    this.listeners.clear()
  }

  invoke = async (method: string, args: unknown): Promise<Envelope<unknown>> => {
    this.calls.push({ method, args })
    const handler = this.handlers.get(method)
    if (!handler) return { ok: false, error: { code: 'unknown_method', message: `no answer set for ${method}` } }
    try {
      return { ok: true, result: await handler(args as never) }
    } catch (err) {
      return { ok: false, error: { code: 'library_error', message: (err as Error).message } }
    }
  }

  on = (event: string, callback: (payload: unknown) => void): (() => void) => {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    set.add(callback)
    return () => set.delete(callback)
  }
}

/** Installed before the client module loads, so the renderer picks the IPC transport over it. */
export const bridge = new FakeBridge()

/** A promise the test settles when it chooses (an answer that arrives late). */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve!: (v: T) => void
  let reject!: (e: Error) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
