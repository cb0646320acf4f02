/**
 * The built renderer's files as both transports serve them: the browser mode's HTTP bridge and
 * the desktop app's app:// scheme. One CSP (src/shared/csp.ts), one table of types, one path
 * check. Plain Node.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { HEADER_CSP } from '../shared/csp'

/** The page's Content-Security-Policy as a header (index.html carries it as a meta tag too). */
export const RENDERER_CSP = HEADER_CSP

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export function contentType(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream'
}

/**
 * The file under `root` that a decoded URL path names ('' or '/' is index.html), or null when
 * it could leave `root`: a NUL or backslash, a `.` or `..` segment, or a result outside it.
 */
export function resolveUnder(root: string, decodedPath: string): string | null {
  if (/[\0\\]/.test(decodedPath)) return null
  const segments = decodedPath.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return null
  const base = resolve(root)
  const file = resolve(base, segments.length === 0 ? 'index.html' : segments.join('/'))
  const inside = relative(base, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || !file.startsWith(base + sep)) return null
  return file
}
