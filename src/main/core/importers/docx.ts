/**
 * Word documents (.docx). The zip is inspected with yauzl BEFORE mammoth touches it: too many
 * entries, a huge uncompressed total or an extreme compression ratio (zip bombs) are refused, and
 * every entry is inflated through a running byte count that never trusts the declared sizes.
 * Nothing is ever extracted to disk. Text comes from mammoth's HTML,
 * metadata from docProps/core.xml.
 */
import yauzl from 'yauzl'
import { htmlToParagraphs } from './html-text'
import { cleanAuthor } from './metadata'
import { ImportFailure, type Importer, type ImportInput, type ParsedArticle } from './types'

const MAX_ENTRIES = 5000
const MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
const MAX_RATIO = 100

export const docxImporter: Importer = {
  format: 'docx',
  extensions: ['docx'],
  binary: true,
  async parse(input: ImportInput): Promise<ParsedArticle> {
    const buf = Buffer.from(input.bytes)
    if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new ImportFailure('not a .docx: this is a password-protected document or an old .doc (Word 97-2003) file')
    }
    if (!buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw new ImportFailure('corrupt DOCX: not a zip archive')
    const core = await inspectZip(buf)
    let html: string
    try {
      // Loaded on first use: mammoth takes about half a second to load.
      const mammoth = (await import('mammoth')).default
      html = (await mammoth.convertToHtml({ buffer: buf })).value
    } catch (err) {
      throw new ImportFailure(`corrupt DOCX: ${(err as Error).message.split('\n')[0]}`)
    }
    const paragraphs = htmlToParagraphs(html)
    if (paragraphs.length === 0) throw new ImportFailure('the document has no text')
    const title = core.title ?? paragraphs.shift()!
    if (paragraphs[0] === title) paragraphs.shift()
    if (paragraphs.length === 0) throw new ImportFailure('the document has a title and no text')
    return {
      title,
      author: cleanAuthor(core.creator),
      outlet: null,
      publishedAt: core.created,
      url: null,
      language: core.language,
      text: paragraphs.join('\n\n'),
      warnings: []
    }
  }
}

interface CoreProps {
  title: string | null
  creator: string | null
  created: string | null
  language: string | null
}

/**
 * Checks the archive's shape, then inflates every entry through a running byte count, so an
 * entry whose headers understate its size (a zip bomb's lie) is stopped at the limit before
 * mammoth inflates it whole. docProps/core.xml (small, capped) is kept on the way.
 */
function inspectZip(buf: Buffer): Promise<CoreProps> {
  return new Promise((resolve, reject) => {
    const fail = (reason: string): void => reject(new ImportFailure(reason))
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return fail(`corrupt DOCX: ${err?.message ?? 'unreadable zip'}`)
      if (zip.entryCount > MAX_ENTRIES) return fail(`refused: the archive has ${zip.entryCount} entries (limit ${MAX_ENTRIES})`)
      const budget = { declared: 0, inflated: 0 }
      let hasDocument = false
      let coreXml: string | null = null
      zip.on('error', (e: Error) => fail(`corrupt DOCX: ${e.message}`))
      zip.on('entry', (entry: yauzl.Entry) => {
        const refusal = checkDeclared(entry, budget)
        if (refusal) return fail(refusal)
        if (entry.fileName === 'word/document.xml') hasDocument = true
        inflateCounted(zip, entry, budget).then((bytes) => {
          if (entry.fileName === 'docProps/core.xml' && bytes) coreXml = bytes.toString('utf8')
          zip.readEntry()
        }, (e: Error) => fail(e.message))
      })
      zip.on('end', () => {
        if (!hasDocument) return fail('corrupt DOCX: word/document.xml is missing')
        resolve(readCore(coreXml))
      })
      zip.readEntry()
    })
  })
}

/** What the central directory says, checked first: cheap, and enough for honest archives. */
function checkDeclared(entry: yauzl.Entry, budget: { declared: number }): string | null {
  budget.declared += entry.uncompressedSize
  if (budget.declared > MAX_TOTAL_UNCOMPRESSED) return 'refused: the archive would expand to more than 200 MB (zip bomb?)'
  if (entry.compressedSize > 0 && entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / entry.compressedSize > MAX_RATIO) {
    return `refused: ${entry.fileName} is compressed ${Math.round(entry.uncompressedSize / entry.compressedSize)}:1 (zip bomb?)`
  }
  return null
}

/**
 * Inflates one entry, counting the bytes that really come out: past the size its headers declare
 * (yauzl's validateEntrySizes) or past the archive's total limit, it stops. Returns the bytes of
 * docProps/core.xml, null for every other entry (their bytes are only counted).
 */
function inflateCounted(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { inflated: number }): Promise<Buffer | null> {
  const keep = entry.fileName === 'docProps/core.xml' && entry.uncompressedSize < 256 * 1024
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new ImportFailure(`corrupt DOCX: ${err?.message ?? 'unreadable entry'}`))
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => {
        budget.inflated += c.length
        if (keep) chunks.push(c)
        if (budget.inflated > MAX_TOTAL_UNCOMPRESSED) {
          stream.destroy()
          reject(new ImportFailure('refused: the archive expands to more than 200 MB (zip bomb?)'))
        }
      })
      stream.on('end', () => resolve(keep ? Buffer.concat(chunks) : null))
      stream.on('error', (e: Error) => {
        const lie = /too many bytes/i.test(e.message)
        reject(new ImportFailure(lie ? `refused: ${entry.fileName} inflates to more than the ${entry.uncompressedSize} bytes its header declares (zip bomb?)` : `corrupt DOCX: ${e.message}`))
      })
    })
  })
}

function readCore(xml: string | null): CoreProps {
  // Plain tag matching: core.xml is tiny and flat, and no XML entity is ever expanded here.
  const tag = (name: string): string | null => {
    const m = xml ? new RegExp(`<${name}[^>]*>([^<]{1,500})</${name}>`).exec(xml) : null
    return m ? m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim() || null : null
  }
  const created = tag('dcterms:created')
  return {
    title: tag('dc:title'),
    creator: tag('dc:creator'),
    created: created && /^\d{4}-\d{2}-\d{2}/.test(created) ? created.slice(0, 10) : null,
    language: tag('dc:language')?.slice(0, 2).toLowerCase() ?? null
  }
}
