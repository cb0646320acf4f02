/**
 * Request bodies under a shared budget, so unfinished or slow uploads cannot pin the bridge's
 * memory: a cap on bodies being read at once, a cap on the bytes all of them may hold (a body's
 * declared length is reserved before it is read), and a body that stops sending, or takes too
 * long as a whole, is dropped and its bytes released.
 */
import type { IncomingMessage } from 'node:http'

export interface BodyLimits {
  /** Largest single body. */
  maxBodyBytes: number
  /** Bodies being read at the same time. */
  maxConcurrent: number
  /** Bytes all bodies being read may hold together. */
  maxBufferedBytes: number
  /** Longest wait for the next chunk of a body. */
  idleMs: number
  /** Longest time to receive a whole body. */
  totalMs: number
}

/** Why a body was not read: the HTTP status and the message to send. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 408 | 413 | 503,
    message: string
  ) {
    super(message)
  }
}

export class BodyBudget {
  private active = 0
  private held = 0

  constructor(readonly limits: BodyLimits) {}

  /** Bodies being read and the bytes they hold or have reserved (all zero when idle). */
  usage(): { active: number; bytes: number } {
    return { active: this.active, bytes: this.held }
  }

  /**
   * Reads a whole body within the limits (and within `maxBytes` when that is lower: a kind of
   * body with a smaller limit of its own), or rejects with BodyRefused.
   */
  async read(req: IncomingMessage, maxBytes = Infinity): Promise<Buffer> {
    const { maxConcurrent, maxBufferedBytes } = this.limits
    const maxBodyBytes = Math.min(maxBytes, this.limits.maxBodyBytes)
    const declared = Number(req.headers['content-length'] ?? 0) || 0
    if (declared > maxBodyBytes) throw new BodyRefused(413, `Request too large: limit ${maxBodyBytes} bytes`)
    if (this.active >= maxConcurrent) throw new BodyRefused(503, 'Too many uploads at once; try again when the current ones finish')
    if (this.held + declared > maxBufferedBytes) throw new BodyRefused(503, 'Too much data being uploaded at once; try again when the current uploads finish')
    this.active++
    this.held += declared
    let counted = declared
    try {
      return await this.collect(req, (size) => {
        // A body without (or beyond) a declared length is counted as it arrives.
        if (size <= counted) return
        if (size > maxBodyBytes) throw new BodyRefused(413, `Request too large: limit ${maxBodyBytes} bytes`)
        if (this.held + size - counted > maxBufferedBytes) throw new BodyRefused(503, 'Too much data being uploaded at once; try again later')
        this.held += size - counted
        counted = size
      })
    } finally {
      this.active--
      this.held -= counted
    }
  }

  private collect(req: IncomingMessage, grow: (size: number) => void): Promise<Buffer> {
    const { idleMs, totalMs } = this.limits
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      let size = 0
      let idle: NodeJS.Timeout
      const fail = (err: BodyRefused): void => {
        done()
        chunks.length = 0
        reject(err)
      }
      const overall = setTimeout(() => fail(new BodyRefused(408, `Request body not received within ${totalMs / 1000} s`)), totalMs)
      const armIdle = (): void => {
        clearTimeout(idle)
        idle = setTimeout(() => fail(new BodyRefused(408, `Request body stalled: nothing received for ${idleMs / 1000} s`)), idleMs)
      }
      const onData = (chunk: Buffer): void => {
        size += chunk.length
        try {
          grow(size)
        } catch (err) {
          return fail(err as BodyRefused)
        }
        chunks.push(chunk)
        armIdle()
      }
      const onEnd = (): void => {
        done()
        resolve(Buffer.concat(chunks, size))
      }
      const onAbort = (): void => fail(new BodyRefused(408, 'The client went away before sending the whole body'))
      function done(): void {
        clearTimeout(overall)
        clearTimeout(idle)
        req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort)
      }
      req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort)
      armIdle()
    })
  }
}
