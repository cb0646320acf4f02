/**
 * The comparison report as a PDF in the desktop app: the core's HTML report (every article text
 * escaped, its own CSP forbidding any load) printed by Chromium with Electron's printToPDF, in a
 * hidden window that runs no script. The session already refuses every request to the network.
 */
import type { BrowserWindowConstructorOptions } from 'electron'
import type { Envelope, Result } from '../../shared/contract'

/** The slice of a BrowserWindow the printing needs (tests give a stand-in). */
export interface PdfWindow {
  loadURL(url: string): Promise<void>
  webContents: { printToPDF(options: { printBackground: boolean; pageSize: 'A4'; preferCSSPageSize: boolean }): Promise<Buffer> }
  destroy(): void
}

export const PDF_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false }
}

type Call = (method: string, args: unknown) => Promise<Envelope<unknown>>

/**
 * Answers `compare.pdf`: the report's arguments are checked by the contract (through `call`,
 * i.e. dispatch), so unknown fields and bad ids are refused as for any method.
 */
export async function reportPdf(call: Call, args: unknown, open: () => PdfWindow): Promise<Envelope<Result<'compare.pdf'>>> {
  const fields = typeof args === 'object' && args !== null && !Array.isArray(args) ? args : {}
  if ('format' in fields) return { ok: false, error: { code: 'invalid_argument', message: 'compare.pdf: unknown field(s): format', field: 'format' } }
  const report = await call('compare.report', { ...fields, format: 'html' })
  if (!report.ok) return report
  const { fileName, content } = report.result as Result<'compare.report'>
  const win = open()
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(content, 'utf8').toString('base64')}`)
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true })
    return { ok: true, result: { fileName: fileName.replace(/\.html$/, '.pdf'), mime: 'application/pdf', content: pdf.toString('base64') } }
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `The report could not be printed to PDF: ${(err as Error).message}` } }
  } finally {
    win.destroy()
  }
}
