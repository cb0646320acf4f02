/**
 * WACZ (Webrecorder's web archive package): a zip holding the crawl's WARC files under
 * `archive/`. The zip's central directory is checked first (entry count, declared sizes,
 * compression ratio), then each WARC entry is streamed from yauzl (which stops an entry that
 * inflates past the size it declares) into the WARC reader, whose budget covers all of them.
 * Nothing is extracted to disk.
 */
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { ImportFailure } from './types'
import { WARC_LIMITS, rethrown, warcEntries, type ArchiveEntry, type InflateBudget } from './warc-read'

const MAX_ENTRIES = 10_000
/** Above this declared size an entry's compression ratio is checked. */
const RATIO_FLOOR = 1024 * 1024
const MAX_RATIO = 100

/** The HTML entries of every WARC in the package, in the order of the zip. */
export async function* waczEntries(bytes: Uint8Array, budget: InflateBudget): AsyncGenerator<ArchiveEntry> {
  const zip = await openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  try {
    const warcs = await warcEntriesOf(zip)
    if (warcs.length === 0) throw new ImportFailure('not a WACZ package: it holds no archive/*.warc or archive/*.warc.gz file')
    for (const entry of warcs) {
      const stream = await openEntry(zip, entry)
      try {
        yield* warcEntries(stream, budget, `${entry.fileName.slice('archive/'.length)} `)
      } catch (err) {
        throw /too many bytes/i.test((err as Error).message)
          ? new ImportFailure(`refused: ${entry.fileName} inflates to more than the ${entry.uncompressedSize} bytes its header declares (zip bomb?)`)
          : rethrown(err, `unreadable ${entry.fileName}`)
      } finally {
        stream.destroy()
      }
    }
  } finally {
    zip.close()
  }
}

function openZip(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new ImportFailure(`not a WACZ package: ${err?.message ?? 'unreadable zip'}`))
      if (zip.entryCount > MAX_ENTRIES) {
        zip.close()
        return reject(new ImportFailure(`refused: the package has ${zip.entryCount} entries (limit ${MAX_ENTRIES})`))
      }
      resolve(zip)
    })
  })
}

/** The WARC entries, each checked against what its header declares before any byte is inflated. */
function warcEntriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = []
    let declared = 0
    zip.on('error', (err: Error) => reject(new ImportFailure(`corrupt WACZ package: ${err.message}`)))
    zip.on('entry', (entry: yauzl.Entry) => {
      if (/^archive\/[^/]+\.warc(?:\.gz)?$/i.test(entry.fileName)) {
        declared += entry.uncompressedSize
        const refusal = refusalOf(entry, declared)
        if (refusal) return reject(new ImportFailure(refusal))
        found.push(entry)
      }
      zip.readEntry()
    })
    zip.on('end', () => resolve(found))
    zip.readEntry()
  })
}

function refusalOf(entry: yauzl.Entry, declaredTotal: number): string | null {
  if (declaredTotal > WARC_LIMITS.inflatedBytes) return `refused: the package's archives would expand to more than ${WARC_LIMITS.inflatedBytes / (1024 * 1024)} MB (zip bomb?)`
  const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : Infinity
  if (entry.uncompressedSize > RATIO_FLOOR && ratio > MAX_RATIO) return `refused: ${entry.fileName} is compressed ${Math.round(ratio)}:1 (zip bomb?)`
  return null
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(new ImportFailure(`corrupt WACZ package: ${err?.message ?? 'unreadable entry'}`)) : resolve(stream)))
  })
}
