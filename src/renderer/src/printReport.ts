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
 * own could run); the report is parsed inert in a <template> (every article text in it is
 * escaped by the core) and its stylesheet, print rules included, is adopted through CSSOM,
 * which that policy allows where a <style> element would be refused. A <template> rather than
 * DOMParser: a parsed document inherits the policy and logs a violation for each <style> in it.
 */
export function printReport(report: Result<'compare.report'>): Window {
  const page = window.open('', '_blank')
  if (!page) throw new Error('The print page could not open: allow pop-ups for Parallax to save the report as PDF.')
  const parsed = document.createElement('template')
  parsed.innerHTML = report.content
  const head = [...parsed.content.querySelectorAll('meta, title, style')]
  const doc = page.document
  doc.title = parsed.content.querySelector('title')?.textContent ?? ''
  doc.documentElement.lang = /<html[^>]*\blang="([^"]*)"/i.exec(report.content)?.[1] ?? ''
  // A stylesheet adopts into the document whose window made it: the print page's own constructor.
  const sheet = new (page as Window & typeof globalThis).CSSStyleSheet()
  sheet.replaceSync(head.filter((el) => el.localName === 'style').map((s) => s.textContent).join('\n'))
  doc.adoptedStyleSheets = [sheet]
  for (const el of head) el.remove()
  doc.body.replaceChildren(doc.importNode(parsed.content, true))
  page.focus()
  page.print()
  return page
}
