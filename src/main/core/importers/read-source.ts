/**
 * Reading a file named by path, safely: opened once without following a link and without
 * blocking (a FIFO swapped in for the file cannot hang the import), checked on the open handle
 * (only a regular file is read), read from that same handle with a size cap and a time limit.
 */
import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { LIMITS } from '../../../shared/contract'
import { describeSqliteError } from '../platform/sqlite-errors'
import { ImportFailure } from './types'

/** As long as the worker pool gives a parse: no file may hold the batch (and the library lock) longer. */
export const READ_TIMEOUT_MS = 10_000
const CHUNK = 1 << 20

export async function readSource(path: string, timeoutMs = READ_TIMEOUT_MS): Promise<Uint8Array> {
  let fh: FileHandle
  try {
    // O_NOFOLLOW: a link put in the file's place fails with ELOOP instead of being followed.
    fh = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ImportFailure('file vanished before it could be read')
    if (code === 'ELOOP') throw new ImportFailure('symbolic link: not followed (import the file it points to instead)')
    throw err
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImportFailure(`took too long to read: stopped after ${timeoutMs / 1000} s`)), timeoutMs)
  })
  try {
    return await Promise.race([readRegularFile(fh), timeout])
  } finally {
    clearTimeout(timer)
    // Not awaited: close() waits for a pending read, and a read that hangs must not hang the batch.
    fh.close().catch(() => {})
  }
}

async function readRegularFile(fh: FileHandle): Promise<Uint8Array> {
  const st = await fh.stat()
  if (!st.isFile()) throw new ImportFailure(`not a regular file: ${kindOf(st)}`)
  checkSize(st.size)
  // Read to the end, not to the stated size: the file may have grown since (and must still fit).
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(st.size - total, 0) + 1))
    const { bytesRead } = await fh.read(buf, 0, buf.length, null)
    if (bytesRead === 0) break
    total += bytesRead
    checkSize(total)
    chunks.push(buf.subarray(0, bytesRead))
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  if (st.isDirectory()) return 'a folder'
  return 'not a file'
}

export function checkSize(size: number): void {
  if (size > LIMITS.maxFileBytes) throw new ImportFailure(`file too large: ${sizeOver(size, LIMITS.maxFileBytes)}, limit ${mb(LIMITS.maxFileBytes)}`)
}

/** A size over a limit, precise enough that it never reads as equal to the limit. */
function sizeOver(size: number, limit: number): string {
  if (mb(size) !== mb(limit)) return mb(size)
  const extra = size - limit
  return `${mb(limit)} + ${extra.toLocaleString('en')} byte${extra === 1 ? '' : 's'}`
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

export function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file'
    case 'ELOOP':
      return 'symbolic link loop: the link leads back to itself'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder'
    default:
      if (e?.code?.startsWith('SQLITE_')) return `${describeSqliteError(err)}: nothing was stored for this file`
      return `unexpected error: ${e?.message ?? String(err)}`
  }
}
