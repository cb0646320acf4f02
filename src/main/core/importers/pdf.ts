/**
 * PDFs with a text layer, read by pdf.js (Mozilla's reference implementation) with scripting and
 * eval off. Lines are rebuilt from the text items; a vertical gap clearly wider than the usual
 * line spacing starts a new paragraph. Scanned PDFs (no text) and encrypted ones fail with that
 * reason. Page count is capped; the worker's time limit bounds the rest.
 */
import { parseDate } from './metadata'
import { ImportFailure, type Importer, type ImportInput, type ParsedArticle } from './types'

const MAX_PAGES = 500

interface TextItem {
  str: string
  hasEOL?: boolean
  transform?: number[]
  height?: number
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: Promise<PdfJs> | null = null

export const pdfImporter: Importer = {
  format: 'pdf',
  extensions: ['pdf'],
  binary: true,
  async parse(input: ImportInput): Promise<ParsedArticle> {
    const head = Buffer.from(input.bytes.subarray(0, 1024)).toString('latin1')
    if (!head.includes('%PDF-')) throw new ImportFailure('invalid PDF: no %PDF header')
    pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
    const lib = await pdfjs
    let doc
    try {
      doc = await lib.getDocument({
        data: new Uint8Array(input.bytes),
        isEvalSupported: false,
        disableFontFace: true,
        useSystemFonts: false,
        stopAtErrors: false,
        verbosity: 0
      }).promise
    } catch (err) {
      const name = (err as Error)?.name
      if (name === 'PasswordException') throw new ImportFailure('PDF is password-protected')
      throw new ImportFailure(`invalid PDF: ${(err as Error)?.message ?? String(err)}`)
    }
    try {
      if (doc.numPages === 0) throw new ImportFailure('PDF has no pages')
      const warnings: string[] = []
      const pages = Math.min(doc.numPages, MAX_PAGES)
      if (doc.numPages > MAX_PAGES) warnings.push(`only the first ${MAX_PAGES} of ${doc.numPages} pages were read`)
      const blocks: string[][] = []
      for (let n = 1; n <= pages; n++) {
        const page = await doc.getPage(n)
        const content = await page.getTextContent()
        blocks.push(...toParagraphs(content.items as TextItem[]))
        page.cleanup()
      }
      if (blocks.flat().join('').replace(/\s/g, '').length === 0) throw new ImportFailure('PDF has no text layer (scanned? OCR is not supported)')

      const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> }
      const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
      // Without a Title in the document info, the first line is the title.
      const title = str(info.Title) ?? blocks[0]!.shift()!
      const paragraphs = blocks.map(joinLines).filter((p) => p && p !== title)
      if (paragraphs.length === 0) throw new ImportFailure('PDF has a title and no text')
      return {
        title: title.slice(0, 500),
        author: str(info.Author),
        outlet: null,
        publishedAt: pdfDate(str(info.CreationDate)),
        url: null,
        language: null,
        text: paragraphs.join('\n\n'),
        warnings
      }
    } finally {
      await doc.destroy()
    }
  }
}

/** Lines of a paragraph joined, mending words hyphenated across a line break. */
function joinLines(lines: string[]): string {
  return lines.reduce((para, line) => (para === '' ? line : /[a-z]-$/.test(para) ? para.slice(0, -1) + line : `${para} ${line}`), '')
}

/** Text items to lines (by end-of-line marks and y position), lines to paragraphs (by gaps). */
function toParagraphs(items: TextItem[]): string[][] {
  const lines: { text: string; y: number; h: number }[] = []
  let current = ''
  let y = NaN
  let h = 0
  const flush = (): void => {
    if (current.trim()) lines.push({ text: current.replace(/\s+/g, ' ').trim(), y, h })
    current = ''
    y = NaN
  }
  for (const it of items) {
    const iy = it.transform?.[5] ?? NaN
    if (!Number.isNaN(y) && !Number.isNaN(iy) && Math.abs(iy - y) > Math.max(2, (it.height ?? 10) * 0.5) && current) flush()
    if (Number.isNaN(y)) {
      y = iy
      h = it.height ?? 10
    }
    current += it.str
    if (it.hasEOL) flush()
  }
  flush()
  if (lines.length === 0) return []

  const gaps = lines.slice(1).map((l, i) => Math.abs(lines[i]!.y - l.y)).filter((g) => g > 0)
  const sorted = [...gaps].sort((a, b) => a - b)
  // The usual line spacing: the lower quartile, so that paragraph gaps (fewer than lines) never set it;
  // capped by the font size, since a page may have too few lines for the quartile to mean much.
  const fontSize = lines.map((l) => l.h).sort((a, b) => a - b)[Math.floor(lines.length / 2)] || 10
  const threshold = Math.min((sorted[Math.floor(sorted.length / 4)] ?? Infinity) * 1.4, fontSize * 1.5)
  const paragraphs: string[][] = [[lines[0]!.text]]
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.abs(lines[i - 1]!.y - lines[i]!.y)
    if (gap > threshold) paragraphs.push([lines[i]!.text])
    else paragraphs.at(-1)!.push(lines[i]!.text)
  }
  return paragraphs
}

/** PDF dates look like `D:20250301103000+01'00'`. */
function pdfDate(v: string | null): string | null {
  const m = v ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(v) : null
  return m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : null
}
