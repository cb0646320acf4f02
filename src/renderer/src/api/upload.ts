/**
 * How an import's files reach the core, per transport, without base64: the desktop app sends
 * their paths (the main process reads the files), the browser mode one binary body per batch.
 */
import type { Args } from '../../../shared/contract'
import type { Envelope } from '../../../shared/errors'
import { uploadPrefix, UPLOAD_CONTENT_TYPE } from '../../../shared/upload-frame'

/** One file of a batch: the name the user sees (a folder's files keep their path in it) and the file itself. */
export interface Upload {
  name: string
  file: File
}

/** An `import.files` call's argument without the files, which go separately. */
export type ImportCall = Omit<Args<'import.files'>, 'files'>

/** What the preload offers for imports: the file's path on disk (Electron's webUtils), '' when it has none. */
export interface PathBridge {
  invoke(method: string, args: unknown): Promise<Envelope<unknown>>
  pathForFile?(file: File): string
}

/**
 * Desktop: the files' paths, read by the main process (`import.paths`, accepted only from the
 * app's own window). Files with no path on disk (made in the page) go as raw bytes instead.
 */
export async function importOverIpc(bridge: PathBridge, call: ImportCall, files: Upload[]): Promise<Envelope<unknown>> {
  const paths = files.map((f) => bridge.pathForFile?.(f.file) ?? '')
  if (paths.every((p) => p !== '')) return bridge.invoke('import.paths', { ...call, paths: files.map((f, i) => ({ path: paths[i], name: f.name })) })
  const bytes = await Promise.all(files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.file.arrayBuffer()) })))
  return bridge.invoke('import.files', { ...call, files: bytes })
}

/** Browser mode: one binary body holding the files as the browser reads them from disk. */
export async function uploadOverHttp(url: string, token: string, call: ImportCall, files: Upload[]): Promise<Response> {
  const header = { ...call, files: files.map((f) => ({ name: f.name, size: f.file.size })) }
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': UPLOAD_CONTENT_TYPE, Authorization: `Bearer ${token}` },
    body: new Blob([uploadPrefix(header) as Uint8Array<ArrayBuffer>, ...files.map((f) => f.file)])
  })
}
