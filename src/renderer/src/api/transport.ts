/**
 * The two ways the renderer reaches the core. Both carry the same envelopes; the client on
 * top does not know which one it has.
 */
import type { Envelope } from '../../../shared/errors'
import { importOverIpc, uploadOverHttp, type ImportCall, type Upload } from './upload'

export interface Transport {
  kind: 'ipc' | 'http'
  call(method: string, args: unknown): Promise<Envelope<unknown>>
  /** One batch of an import: the files' paths (desktop) or their raw bytes (browser mode), never base64. */
  importFiles(call: ImportCall, files: Upload[]): Promise<Envelope<unknown>>
  /** Subscribes to one contract event; returns the unsubscribe function. */
  on(event: string, callback: (payload: unknown) => void): () => void
}

/** What the preload exposes on `window.parallax` in the desktop app. */
interface PreloadBridge {
  invoke(method: string, args: unknown): Promise<Envelope<unknown>>
  on(event: string, callback: (payload: unknown) => void): () => void
  /** A dropped or chosen file's path on disk ('' when it has none). */
  pathForFile?(file: File): string
}

declare global {
  interface Window {
    parallax?: PreloadBridge
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { kind: 'ipc', call: (m, a) => bridge.invoke(m, a), importFiles: (c, f) => importOverIpc(bridge, c, f), on: (e, cb) => bridge.on(e, cb) }
}

const TOKEN_KEY = 'parallax.token'

/**
 * Browser mode: the session token arrives in the URL fragment (never sent to any server),
 * is kept in sessionStorage for reloads, and removed from the address bar.
 */
export function httpTransport(base = ''): Transport {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash)
    history.replaceState(null, '', location.pathname + location.search)
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? ''
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  const ensureSource = (): EventSource => {
    if (source) return source
    source = new EventSource(`${base}/events?token=${encodeURIComponent(token)}`)
    // Events sent before the stream (re)connected are lost; tell every view to reload.
    source.addEventListener('open', () => {
      listeners.get('library.changed')?.forEach((h) => h({ reason: 'resync' }))
    })
    return source
  }

  return {
    kind: 'http',
    call: (method, args) =>
      answerOf(
        () =>
          fetch(`${base}/rpc/${encodeURIComponent(method)}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(args ?? {})
          }),
        'Parallax is not reachable: is `parallax serve` still running?'
      ),
    // A file that cannot be read (moved, deleted) fails the request as the browser sends it.
    importFiles: (call, files) => answerOf(() => uploadOverHttp(`${base}/rpc/import.files`, token, call, files), 'The upload failed: a file could not be read, or Parallax is not reachable (is `parallax serve` still running?)'),
    on(event, callback) {
      const es = ensureSource()
      let set = listeners.get(event)
      if (!set) {
        const handlers = new Set<(payload: unknown) => void>()
        listeners.set(event, handlers)
        es.addEventListener(event, (msg) => {
          const payload = JSON.parse((msg as MessageEvent<string>).data) as unknown
          handlers.forEach((h) => h(payload))
        })
        set = handlers
      }
      set.add(callback)
      return () => set.delete(callback)
    }
  }
}

/** A request's envelope, or an error envelope saying it never got an answer (`unreachable`) or a strange one. */
async function answerOf(request: () => Promise<Response>, unreachable: string): Promise<Envelope<unknown>> {
  let res: Response
  try {
    res = await request()
  } catch {
    return { ok: false, error: { code: 'internal', message: unreachable } }
  }
  try {
    return (await res.json()) as Envelope<unknown>
  } catch {
    return { ok: false, error: { code: 'internal', message: `Unexpected answer from Parallax (HTTP ${res.status})` } }
  }
}

export function pickTransport(): Transport {
  return window.parallax ? ipcTransport(window.parallax) : httpTransport()
}
