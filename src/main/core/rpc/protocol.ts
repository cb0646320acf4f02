/**
 * The typed channel between the main thread and a worker thread. A worker's methods are declared
 * as a protocol map (method -> args and result), the way the contract declares the API, so both
 * sides are checked by the compiler; failures cross the thread boundary as a code and a message.
 */

/** A worker's methods: each one's argument and result. */
export type Protocol = Record<string, { args: unknown; result: unknown }>

export type RpcMethod<P extends Protocol> = keyof P & string
export type RpcArgs<P extends Protocol, M extends RpcMethod<P>> = P[M]['args']
export type RpcResult<P extends Protocol, M extends RpcMethod<P>> = P[M]['result']

/** The worker side: one function per method. */
export type RpcHandlers<P extends Protocol> = {
  [M in RpcMethod<P>]: (args: RpcArgs<P, M>) => RpcResult<P, M> | Promise<RpcResult<P, M>>
}

/**
 * Why a call failed. `failed`: the handler refused with a message meant for the user (a file that
 * cannot be imported); `internal`: it threw something unexpected; the others are the channel's own:
 * the call ran too long, the worker went over its memory cap or died, or the channel was closed.
 */
export type RpcErrorCode = 'failed' | 'internal' | 'timeout' | 'out_of_memory' | 'crashed' | 'closed'

export interface RpcErrorShape {
  code: RpcErrorCode
  message: string
}

export class RpcError extends Error implements RpcErrorShape {
  constructor(
    readonly code: RpcErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'RpcError'
  }

  toJSON(): RpcErrorShape {
    return { code: this.code, message: this.message }
  }
}

/** Main thread -> worker. */
export interface RpcCall {
  kind: 'call'
  id: number
  method: string
  args: unknown
}

/** Worker -> main thread: a reply, the ready signal, or a memory report. */
export type RpcMessage =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: RpcErrorShape }
  | { kind: 'ready' }
  | { kind: 'memory'; bytes: number }

/** How often a worker reports its memory (V8 heap plus ArrayBuffers and other external memory). */
export const MEMORY_REPORT_MS = 100
