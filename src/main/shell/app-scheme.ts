/**
 * The built renderer served from `app://parallax/`, a privileged custom scheme, instead of
 * file:// (so the grantFileProtocolExtraPrivileges fuse can be off, and the page's origin is
 * its own, not the whole disk). Plain Node, tested without Electron: the shell registers the
 * scheme and hands each request to `serveAppRequest`, which reads only files under the
 * renderer folder.
 */
import { readFile, stat } from 'node:fs/promises'
import { contentType, RENDERER_CSP, resolveUnder } from '../renderer-files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'parallax'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * How the scheme is registered: standard (origin, relative URLs, 'self' in the CSP), secure
 * (like https), fetch for module scripts; nothing more (no CORS for others, no service workers).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const

/** True for a URL of our own renderer (the only origin allowed to call the core). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`)
}

/**
 * The file under `root` an app:// URL names, or null for anything else: another scheme or
 * host, malformed percent-encoding, or a path that could leave `root` (a `..` segment, plain or
 * encoded, a backslash, a NUL; see resolveUnder).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  return resolveUnder(root, path)
}

/** Answers one app:// request: the file (GET/HEAD only) with its type and the CSP, else 404/405. */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers })
  const file = resolveAppPath(root, request.url)
  if (!file) return new Response('Not found', { status: 404, headers })
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file')
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType(file) } })
  } catch {
    return new Response('Not found', { status: 404, headers })
  }
}
