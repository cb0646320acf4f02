/**
 * An NDJSON export larger than one file may be (LIMITS.maxFileBytes), read from disk a chunk at a
 * time: research exports (Media Cloud, GDELT, monitoring services) run to gigabytes, a line per
 * article. Only a file named by path (the desktop app, the CLI) can be read so; memory stays at a
 * chunk plus the record groups in flight, whatever the file's size. NDJSON is UTF-8 by definition,
 * so no encoding is guessed. A line longer than a file may be fails alone, and the rest goes on.
 */
import { constants } from 'node:fs'
import { lstat, open } from 'node:fs/promises'
import { LIMITS } from '../../../shared/contract'
import { ndjsonRecord, type RawRecord } from './record-stream'
import { ImportFailure } from './types'

const CHUNK = 1 << 20
const NEWLINE = 0x0a
/** Above this size an NDJSON file is read a chunk at a time; PARALLAX_STREAM_EXPORTS_ABOVE (bytes) lowers it for tests. */
const streamAbove = (): number => Number(process.env.PARALLAX_STREAM_EXPORTS_ABOVE) || LIMITS.maxFileBytes

/** Whether a file named by path is an NDJSON export too large to read whole (its size, the link itself not followed). */
export async function isLargeExport(path: string): Promise<boolean> {
  try {
    const st = await lstat(path)
    return st.isFile() && st.size > streamAbove()
  } catch {
    return false // the whole-file read says why it cannot be read
  }
}

/** A file's lines as UTF-8 text (null for a line over `maxLine` bytes), read a chunk at a time. */
export async function* fileLines(path: string, maxLine = LIMITS.maxFileBytes): AsyncGenerator<string | null> {
  const fh = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  try {
    if (!(await fh.stat()).isFile()) throw new ImportFailure('not a regular file')
    const decoder = new TextDecoder('utf-8')
    let parts: Buffer[] = []
    let carried = 0
    let tooLong = false
    const buf = Buffer.allocUnsafe(CHUNK)
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null)
      if (bytesRead === 0) break
      let from = 0
      for (let nl = buf.indexOf(NEWLINE, 0); nl >= 0 && nl < bytesRead; nl = buf.indexOf(NEWLINE, from)) {
        const piece = buf.subarray(from, nl)
        yield tooLong || carried + piece.length > maxLine ? null : decoder.decode(parts.length ? Buffer.concat([...parts, piece]) : piece)
        parts = []
        carried = 0
        tooLong = false
        from = nl + 1
      }
      const rest = bytesRead - from
      if (rest === 0) continue
      // The line goes on in the next chunk: keep its start, unless it is already too long to keep.
      carried += rest
      if (carried > maxLine) {
        tooLong = true
        parts = []
      } else parts.push(Buffer.from(buf.subarray(from, bytesRead)))
    }
    if (carried > 0) yield tooLong ? null : decoder.decode(Buffer.concat(parts))
  } finally {
    await fh.close().catch(() => undefined)
  }
}

/** The export's records, labelled by line as a whole-file read labels them. */
export async function* largeNdjsonRecords(path: string, maxLine = LIMITS.maxFileBytes): AsyncGenerator<RawRecord> {
  let line = 0
  for await (const text of fileLines(path, maxLine)) {
    line++
    if (text === null) {
      yield { label: `line ${line}`, error: `line too long: over ${Math.round(maxLine / (1024 * 1024))} MB` }
      continue
    }
    const raw = line === 1 ? text.replace(/^\uFEFF/, '') : text
    if (raw.trim()) yield ndjsonRecord(raw, line)
  }
}
