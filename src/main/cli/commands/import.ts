/** `parallax import <files or folders>...`: the contract's `import.paths`, printed as results arrive. */
import { randomUUID } from 'node:crypto'
import type { EventPayload, ImportResult } from '../../../shared/contract'
import { folderOutletOption, UsageError } from '../args'
import type { Command } from '../context'
import { terminalSafe } from '../output'
import { printImportResult, printImportTotals, printJson } from '../printers'

export const importCommand: Command = {
  name: 'import',
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('import needs at least one file or folder')
    // Checked before the library opens: a wrong option changes nothing.
    const folderOutlet = folderOutletOption(ctx.options)
    const core = ctx.open({ parsers: true, lock: 'parallax import' })
    const jobId = `cli-${randomUUID()}`
    const tty = !ctx.json && process.stderr.isTTY
    // One line per file, and per record of a batch file, as each is stored.
    const emit = (r: ImportResult): void => {
      if (!ctx.json) return
      printJson({ path: r.name, status: r.status, reason: r.reason, articleId: r.articleId, title: r.title, ...(r.version ? { version: r.version } : {}) }, true)
    }
    const unsubscribe = core.service.events.subscribe((name, payload) => {
      if (name !== 'import.progress') return
      const p = payload as EventPayload<'import.progress'>
      if (p.jobId !== jobId) return
      p.finished?.forEach(emit)
      if (tty) process.stderr.write(`\r\x1b[2KImporting ${p.done}/${p.total}${p.current ? `: ${terminalSafe(p.current)}` : ''}`)
    })
    try {
      const { results } = await ctx.call('import.paths', { jobId, paths: ctx.args, ...(folderOutlet ? { folderOutlet } : {}) })
      if (tty) process.stderr.write('\r\x1b[2K')
      if (!ctx.json) {
        results.forEach(printImportResult)
        printImportTotals(results)
      }
      return results.some((r) => r.status === 'failed') ? 1 : 0
    } finally {
      unsubscribe()
    }
  }
}
