/**
 * The worker side of the channel: answers calls with the given handlers, says when it is ready
 * (so time limits count work, not start-up) and reports its memory, which the heap cap alone
 * does not bound: ArrayBuffers live outside V8's heap.
 */
import { getHeapStatistics } from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { MEMORY_REPORT_MS, RpcError, type Protocol, type RpcCall, type RpcErrorShape, type RpcHandlers, type RpcMessage } from './protocol'

export interface ServeOptions {
  /** Errors meant for the user (reported with code `failed` and their own message). */
  expected?: (err: unknown) => boolean
}

export function serveRpc<P extends Protocol>(handlers: RpcHandlers<P>, options: ServeOptions = {}): void {
  const port = parentPort
  if (!port) throw new Error('serveRpc runs in a worker thread')
  const post = (m: RpcMessage): void => port.postMessage(m)
  const answer = async (m: RpcCall): Promise<void> => {
    try {
      const handler = (handlers as Record<string, ((args: unknown) => unknown) | undefined>)[m.method]
      if (!handler) throw new RpcError('internal', `unknown method ${m.method}`)
      post({ kind: 'reply', id: m.id, ok: true, result: await handler(m.args) })
    } catch (err) {
      post({ kind: 'reply', id: m.id, ok: false, error: errorShape(err, options) })
    }
  }
  // Every call is answered, with its result or its error: `answer` never rejects.
  port.on('message', (m: RpcCall) => {
    if (m?.kind === 'call') void answer(m)
  })
  const report = (): void => {
    const heap = getHeapStatistics()
    post({ kind: 'memory', bytes: heap.used_heap_size + heap.external_memory })
  }
  setInterval(report, MEMORY_REPORT_MS).unref()
  report()
  post({ kind: 'ready' })
}

function errorShape(err: unknown, options: ServeOptions): RpcErrorShape {
  if (err instanceof RpcError) return err.toJSON()
  const message = err instanceof Error ? err.message : String(err)
  return { code: options.expected?.(err) ? 'failed' : 'internal', message }
}
