/**
 * The browser-mode transport: the same contract as IPC, over HTTP on 127.0.0.1 only.
 *
 * - POST /rpc/<method> with a JSON body: the argument. Needs `Authorization: Bearer <token>`
 *   and `Content-Type: application/json` (so a cross-site form cannot fake a call).
 * - POST /rpc/import.files may instead carry the files' raw bytes in one binary body
 *   (`Content-Type: application/vnd.parallax.upload`, framed as src/shared/upload-frame.ts says).
 * - GET /events?token=<token>: server-sent events carrying the contract's events.
 * - Anything else: the built renderer, as static files.
 * Every request must name this server in its Host header (against DNS rebinding) and, when it
 * has an Origin, come from this very origin (against cross-site requests).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, resolve } from 'node:path'
import { LIMITS, type ApiErrorShape } from '../../shared/contract'
import { dispatch } from '../core/dispatch'
import type { Service } from '../core/service'
import { contentType, RENDERER_CSP, resolveUnder } from '../renderer-files'
import { MAX_UPLOAD_HEADER_BYTES, readUploadFrame, UPLOAD_CONTENT_TYPE } from '../../shared/upload-frame'
import { BodyBudget, BodyRefused, type BodyLimits } from './body'

export interface HttpBridgeOptions {
  service: Service
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
  /** Limits on request bodies (tests shorten the timeouts); defaults in DEFAULT_BODY_LIMITS. */
  bodyLimits?: Partial<BodyLimits>
}

export interface HttpBridge {
  url: string
  /** The URL to open: carries the token in the fragment, which browsers never send to servers. */
  appUrl: string
  port: number
  token: string
  server: Server
  /** Request bodies being read and the bytes they hold (both zero when no upload is under way). */
  bodies(): { active: number; bytes: number }
  close(): Promise<void>
}

/** Base64 makes uploads a third larger; leave room for the JSON around it. */
const MAX_BODY_BYTES = Math.ceil((LIMITS.maxBatchBytes * 4) / 3) + 1024 * 1024
/** A binary upload: a batch's bytes and the header that names its files. */
export const MAX_UPLOAD_BYTES = LIMITS.maxBatchBytes + 4 + MAX_UPLOAD_HEADER_BYTES

/**
 * Two full-size uploads may be buffered at once (the renderer sends one batch at a time), so
 * unfinished uploads can never hold more than ~170 MB; a stalled or crawling body is dropped.
 */
export const DEFAULT_BODY_LIMITS: BodyLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxConcurrent: 16,
  maxBufferedBytes: 2 * MAX_BODY_BYTES,
  idleMs: 15_000,
  totalMs: 120_000
}

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('base64url')
  const staticRoot = resolve(options.staticDir)
  const budget = new BodyBudget({ ...DEFAULT_BODY_LIMITS, ...options.bodyLimits })
  let port = 0

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[parallax] http bridge error:', err)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res)
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 403, 'forbidden', 'Host not allowed')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return refuse(res, 403, 'forbidden', 'Cross-origin request refused')
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 403, 'forbidden', 'Cross-site request refused')

    const url = requestUrl(req)
    if (!url) return refuse(res, 400, 'invalid_argument', 'Malformed request target')
    if (url.pathname.startsWith('/rpc/')) return handleRpc(rpc, req, res, url.pathname.slice(5))
    if (url.pathname === '/events') return events.connect(req, res, url.searchParams.get('token'))
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'forbidden', 'Method not allowed')
    const path = decodePath(url.pathname)
    if (path === null) return refuse(res, 400, 'invalid_argument', 'Malformed percent-encoding in the path')
    return serveStatic(res, staticRoot, path)
  }

  const rpc: RpcContext = { service: options.service, token, budget }
  const events = new EventStream(options.service, token)

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/`

  return {
    url,
    appUrl: `${url}#token=${token}`,
    port,
    token,
    server,
    bodies: () => budget.usage(),
    close: () =>
      new Promise<void>((done) => {
        events.close()
        server.close(() => done())
        server.closeAllConnections()
      })
  }
}

/** What a call to /rpc needs: the service, the session token, the budget for request bodies. */
interface RpcContext {
  service: Service
  token: string
  budget: BodyBudget
}

/** POST /rpc/<method>: token first, then the method name, the body (JSON or an upload), and `dispatch`. */
async function handleRpc(ctx: RpcContext, req: IncomingMessage, res: ServerResponse, encodedMethod: string): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'forbidden', 'Use POST for /rpc')
  // The token first: nothing about the request is examined for a caller without it.
  if (!tokenMatches(bearer(req.headers.authorization), ctx.token)) return refuse(res, 401, 'unauthorized', 'Missing or wrong session token')
  const method = decodePath(encodedMethod)
  if (method === null) return refuse(res, 400, 'invalid_argument', 'Malformed percent-encoding in the method name')
  const type = req.headers['content-type'] ?? ''
  const upload = type.startsWith(UPLOAD_CONTENT_TYPE)
  if (upload && method !== 'import.files') return refuse(res, 415, 'invalid_argument', `${UPLOAD_CONTENT_TYPE} is for import.files only`)
  if (!upload && !type.startsWith('application/json')) {
    return refuse(res, 415, 'invalid_argument', `Content-Type must be application/json (or ${UPLOAD_CONTENT_TYPE} for import.files)`)
  }
  const body = await readBody(ctx.budget, req, res, upload ? MAX_UPLOAD_BYTES : undefined)
  if (body === null) return
  const args = upload ? readUploadFrame(body) : parseJson(body)
  if (!args.ok) return refuse(res, 400, 'invalid_argument', args.message)
  const envelope = await dispatch(ctx.service, method, args.args)
  sendJson(res, envelope.ok ? 200 : statusFor(envelope.error), envelope)
}

function parseJson(body: Buffer): { ok: true; args: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, args: body.length ? JSON.parse(body.toString('utf8')) : {} }
  } catch {
    return { ok: false, message: 'Request body is not valid JSON' }
  }
}

/** GET /events: the contract's events as server-sent events, to every client holding the token. */
class EventStream {
  private readonly clients = new Set<ServerResponse>()
  private readonly unsubscribe: () => void

  constructor(
    service: Service,
    private readonly token: string
  ) {
    this.unsubscribe = service.events.subscribe((name, payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const client of this.clients) client.write(frame)
    })
  }

  connect(req: IncomingMessage, res: ServerResponse, given: string | null): void {
    if (!tokenMatches(given ?? undefined, this.token)) return refuse(res, 401, 'unauthorized', 'Missing or wrong session token')
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
    res.write(': connected\n\n')
    this.clients.add(res)
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000)
    req.on('close', () => {
      clearInterval(heartbeat)
      this.clients.delete(res)
    })
  }

  close(): void {
    this.unsubscribe()
    for (const c of this.clients) c.end()
  }
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', RENDERER_CSP)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

/** The request target as a URL, or null when it cannot be parsed. */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://bridge.invalid')
  } catch {
    return null
  }
}

/** Percent-decoding that answers null for malformed input (`%`, `%FF`, a cut UTF-8 sequence) instead of throwing. */
export function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return m?.[1]
}

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** A file of the built renderer, or 403/404. */
function serveStatic(res: ServerResponse, staticRoot: string, pathname: string): void {
  const file = resolveUnder(staticRoot, pathname)
  if (!file) return refuse(res, 403, 'forbidden', 'Path outside the app')
  let size: number
  try {
    const st = statSync(file)
    if (!st.isFile()) throw new Error('not a file')
    size = st.size
  } catch {
    return refuse(res, 404, 'not_found', 'Not found')
  }
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': size,
    'Cache-Control': basename(file) === 'index.html' ? 'no-store' : 'max-age=3600'
  })
  createReadStream(file).pipe(res)
}

/** The body, or null once a refusal has been sent (larger than `maxBytes` or the budget's limit, server busy, too slow). */
async function readBody(budget: BodyBudget, req: IncomingMessage, res: ServerResponse, maxBytes?: number): Promise<Buffer | null> {
  try {
    return await budget.read(req, maxBytes)
  } catch (err) {
    if (!(err instanceof BodyRefused)) throw err
    // Answer and drop the connection rather than read (or keep) a body we will not use.
    res.setHeader('Connection', 'close')
    if (err.status === 503) res.setHeader('Retry-After', '5')
    // No error code of its own: an incomplete body is a bad argument, a busy server a size problem.
    refuse(res, err.status, err.status === 408 ? 'invalid_argument' : 'too_large', err.message)
    return null
  }
}

function statusFor(error: ApiErrorShape): number {
  switch (error.code) {
    case 'invalid_argument':
      return 400
    case 'unknown_method':
    case 'not_found':
      return 404
    case 'too_large':
      return 413
    default:
      return 500
  }
}

function refuse(res: ServerResponse, status: number, code: ApiErrorShape['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}
