/**
 * Reading a scan page by page, in the OCR worker: an image file is one page; a PDF page is read
 * from its text layer when it has one, else rendered with pdf.js onto a canvas (@napi-rs/canvas)
 * and read by OCR. The PDF stays open between pages; a worker replaced after a page ran too long
 * opens it again from the shared bytes.
 */
import { createCanvas } from '@napi-rs/canvas'
import { checkImage } from '../image'
import { articleFromBlocks, hasText, openPdf, pageParagraphs, pdfInfo, widestImage, type PdfDocument, type PdfPage } from '../pdf-text'
import { ImportFailure, type ParsedArticle } from '../types'
import { recognize, type RecognizedText } from './engine'

/** A file to read: its bytes live in a SharedArrayBuffer, so a call per page copies nothing. */
export interface OcrSource {
  id: number
  kind: 'image' | 'pdf'
  name: string
  bytes: Uint8Array
}

/** One page's paragraphs of lines; `confidence` is null when they came from a text layer. */
export interface PageText {
  paragraphs: string[][]
  confidence: number | null
}

/**
 * Pages are rendered at their scan's own resolution (an image upscaled blurs its speckle into
 * blots), between 150 and 400 dpi, 300 (what tesseract reads best) when no image says; at most
 * this many pixels.
 */
const RENDER_DPI = { min: 150, max: 400, fallback: 300 }
const MAX_RENDER_PIXELS = 16_000_000

let open: { id: number; doc: Promise<PdfDocument> } | null = null

function documentOf(source: OcrSource): Promise<PdfDocument> {
  if (open?.id === source.id) return open.doc
  if (open) void open.doc.then((d) => d.destroy()).catch(() => {})
  open = { id: source.id, doc: openPdf(source.bytes) }
  return open.doc
}

export async function readPage(source: OcrSource, n: number, languages: readonly string[]): Promise<PageText> {
  if (source.kind === 'image') {
    checkImage(source.name, source.bytes)
    return fromOcr(await recognize(Buffer.from(source.bytes), languages))
  }
  const page = await (await documentOf(source)).getPage(n)
  try {
    const paragraphs = await pageParagraphs(page)
    if (hasText(paragraphs)) return { paragraphs, confidence: null }
    return fromOcr(await recognize(await renderPage(page), languages))
  } finally {
    page.cleanup()
  }
}

/** The page as a PNG on white, at its scan's resolution or as close as the pixel cap allows. */
async function renderPage(page: PdfPage): Promise<Buffer> {
  const unit = page.getViewport({ scale: 1 })
  const image = await widestImage(page)
  const dpi = image ? Math.min(RENDER_DPI.max, Math.max(RENDER_DPI.min, (image / unit.width) * 72)) : RENDER_DPI.fallback
  const scale = Math.min(dpi / 72, Math.sqrt(MAX_RENDER_PIXELS / (unit.width * unit.height)))
  const viewport = page.getViewport({ scale })
  const canvas = createCanvas(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)))
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  // pdf.js draws on any CanvasRenderingContext2D-like object; @napi-rs/canvas is what its Node build
  // uses. Typed as the DOM's context where the DOM library is loaded (tests), as `any` where not.
  const canvasContext: unknown = context
  await page.render({ canvasContext: canvasContext as Parameters<PdfPage['render']>[0]['canvasContext'], viewport }).promise
  return canvas.toBuffer('image/png')
}

/** Tesseract's text: blocks separated by blank lines, lines by newlines. */
function fromOcr(r: RecognizedText): PageText {
  const paragraphs = r.text
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
  return { paragraphs, confidence: paragraphs.length ? r.confidence : null }
}

/** The article from the pages read, marked with the OCR'd pages' mean confidence (weighted by their text). */
export async function assemble(source: OcrSource, pages: PageText[], warnings: string[]): Promise<ParsedArticle> {
  const blocks = pages.flatMap((p) => p.paragraphs.map((lines) => [...lines]))
  if (!hasText(blocks)) throw new ImportFailure(source.kind === 'pdf' ? 'PDF has no text layer, and OCR found no text in it' : 'OCR found no text in the image')
  const info = source.kind === 'pdf' ? await pdfInfo(await documentOf(source)) : { title: null, author: null, publishedAt: null }
  const article = articleFromBlocks(blocks, info, warnings, source.kind === 'pdf' ? 'PDF' : 'the scan')
  return { ...article, ocrConfidence: meanConfidence(pages) }
}

function meanConfidence(pages: PageText[]): number | null {
  let weight = 0
  let sum = 0
  for (const p of pages) {
    if (p.confidence === null) continue
    const chars = p.paragraphs.flat().join('').length
    weight += chars
    sum += p.confidence * chars
  }
  return weight > 0 ? Math.round((sum / weight) * 10) / 10 : null
}
