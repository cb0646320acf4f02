/**
 * Reading a PDF with pdf.js (Mozilla's reference implementation, legacy build, scripting and eval
 * off): opening it, a page's text layer as paragraphs, and the article from the pages' paragraphs
 * and the document's info. Shared by the PDF importer and the OCR worker (scanned pages).
 */
import { parseDate } from './metadata'
import { ImportFailure, type ParsedArticle } from './types'

export const MAX_PDF_PAGES = 500
/** pdf.js refuses to decode an embedded image larger than this (pixels): decompression bombs. */
export const MAX_PDF_IMAGE_PIXELS = 40_000_000

interface TextItem {
  str: string
  hasEOL?: boolean
  transform?: number[]
  height?: number
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>
let pdfjs: Promise<PdfJs> | null = null

/** Opens a PDF, refusing what is not one or is password-protected with that reason. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  if (!head.includes('%PDF-')) throw new ImportFailure('invalid PDF: no %PDF header')
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  const lib = await pdfjs
  try {
    return await lib.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      maxImageSize: MAX_PDF_IMAGE_PIXELS,
      verbosity: 0
    }).promise
  } catch (err) {
    const name = (err as Error)?.name
    if (name === 'PasswordException') throw new ImportFailure('PDF is password-protected')
    throw new ImportFailure(`invalid PDF: ${(err as Error)?.message ?? String(err)}`)
  }
}

/** A page's text layer as paragraphs of lines (none: the page is a scan or blank). */
export async function pageParagraphs(page: PdfPage): Promise<string[][]> {
  const content = await page.getTextContent()
  return toParagraphs(content.items as TextItem[])
}

/** The pixel width of the widest image a page paints (a scanned page is one image): 0 when none. */
export async function widestImage(page: PdfPage): Promise<number> {
  const { OPS } = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))
  const list = await page.getOperatorList()
  let widest = 0
  list.fnArray.forEach((fn, i) => {
    const width = (list.argsArray[i] as unknown[] | undefined)?.[1]
    if (fn === OPS.paintImageXObject && typeof width === 'number') widest = Math.max(widest, width)
  })
  return widest
}

export function hasText(paragraphs: string[][]): boolean {
  return paragraphs.flat().join('').replace(/\s/g, '').length > 0
}

/** What a PDF's document info says: Title, Author, CreationDate. */
export interface DocumentInfo {
  title: string | null
  author: string | null
  publishedAt: string | null
}

export async function pdfInfo(doc: PdfDocument): Promise<DocumentInfo> {
  const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> }
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
  return { title: str(info.Title), author: str(info.Author), publishedAt: pdfDate(str(info.CreationDate)) }
}

/** The article from its pages' paragraphs of lines; without a title in the info, the first line is the title. */
export function articleFromBlocks(blocks: string[][], info: DocumentInfo, warnings: string[], what = 'PDF'): ParsedArticle {
  const title = info.title ?? blocks[0]!.shift()!
  const paragraphs = blocks.map(joinLines).filter((p) => p && p !== title)
  if (paragraphs.length === 0) throw new ImportFailure(`${what} has a title and no text`)
  return { title: title.slice(0, 500), author: info.author, outlet: null, publishedAt: info.publishedAt, url: null, language: null, text: paragraphs.join('\n\n'), warnings }
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
