/** What the OCR worker answers: one page of a scan at a time, then the article from the pages. */
import type { PreparedArticle } from '../importers/prepare'
import type { OcrSource, PageText } from '../importers/ocr/pages'

export type OcrWorkerProtocol = {
  page: { args: { source: OcrSource; page: number; languages: string[] }; result: PageText }
  assemble: { args: { source: OcrSource; pages: PageText[]; warnings: string[] }; result: PreparedArticle }
}
