/**
 * "Save as PDF" for a comparison report. In the desktop app the shell prints it (Electron's
 * printToPDF) and it is saved like any export. In a browser the report opens in a print-ready
 * page of its own and the browser's print dialog (Save as PDF) opens on it.
 */
import type { Result } from '../../shared/contract'
import { api } from './api/client'
import { downloadFile } from './download'

export async function saveReportPdf(ids: number[]): Promise<void> {
  if (window.parallax) {
    const pdf = await api['compare.pdf']({ ids })
    downloadFile({ ...pdf, content: Uint8Array.from(atob(pdf.content), (c) => c.charCodeAt(0)) })
    return
  }
  printReport(await api['compare.report']({ ids, format: 'html' }))
}

/**
 * Opens the HTML report in a new, blank page of this origin and prints it. The page inherits the
 * app's Content-Security-Policy (nothing may load from the network, no script of the report's
 * own could run); the report is parsed as an inert document (every article text in it is
 * escaped by the core) and its stylesheet, print rules included, is adopted through CSSOM,
 * which that policy allows where a <style> element would be refused.
 */
export function printReport(report: Result<'compare.report'>): Window {
  const page = window.open('', '_blank')
  if (!page) throw new Error('The print page could not open: allow pop-ups for Parallax to save the report as PDF.')
  const parsed = new DOMParser().parseFromString(report.content, 'text/html')
  const doc = page.document
  doc.title = parsed.title
  doc.documentElement.lang = parsed.documentElement.lang
  // A stylesheet adopts into the document whose window made it: the print page's own constructor.
  const sheet = new (page as Window & typeof globalThis).CSSStyleSheet()
  sheet.replaceSync([...parsed.querySelectorAll('style')].map((s) => s.textContent).join('\n'))
  doc.adoptedStyleSheets = [sheet]
  doc.body.replaceWith(doc.importNode(parsed.body, true))
  page.focus()
  page.print()
  return page
}
