/**
 * PDFs with a text layer, read by pdf.js (see pdf-text.ts). Lines are rebuilt from the text items;
 * a vertical gap clearly wider than the usual line spacing starts a new paragraph. A PDF with a
 * page that has no text layer (a scan) is handed to OCR, which reads it whole, page by page, in
 * order. Encrypted ones fail with that reason. Page count is capped; the worker's time limit
 * bounds the rest.
 */
import { articleFromBlocks, hasText, MAX_PDF_PAGES, openPdf, pageParagraphs, pdfInfo } from './pdf-text'
import { ImportFailure, type Importer, type ImportInput, type ParseOutput } from './types'

export const pdfImporter: Importer = {
  format: 'pdf',
  extensions: ['pdf'],
  binary: true,
  async parse(input: ImportInput): Promise<ParseOutput> {
    const doc = await openPdf(input.bytes)
    try {
      if (doc.numPages === 0) throw new ImportFailure('PDF has no pages')
      const warnings: string[] = []
      const pages = Math.min(doc.numPages, MAX_PDF_PAGES)
      if (doc.numPages > MAX_PDF_PAGES) warnings.push(`only the first ${MAX_PDF_PAGES} of ${doc.numPages} pages were read`)
      const blocks: string[][] = []
      for (let n = 1; n <= pages; n++) {
        const page = await doc.getPage(n)
        const paragraphs = await pageParagraphs(page)
        page.cleanup()
        if (!hasText(paragraphs)) return { ocr: { kind: 'pdf', pages, warnings } }
        blocks.push(...paragraphs)
      }
      return articleFromBlocks(blocks, await pdfInfo(doc), warnings)
    } finally {
      await doc.destroy()
    }
  }
}
