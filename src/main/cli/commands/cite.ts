/** `parallax cite <id>... --format csl-json|bibtex|ris|apa|chicago`: the articles' citations, printed. */
import { CitationFormat } from '../../../shared/contract'
import { positiveInt, UsageError } from '../args'
import type { Command } from '../context'
import { terminalSafe } from '../output'
import { printJson } from '../printers'

export const citeCommand: Command = {
  name: 'cite',
  async run(ctx) {
    if (ctx.args.length === 0) throw new UsageError('cite needs at least one article id')
    const ids = ctx.args.map((r) => positiveInt(r, 'id'))
    const format = CitationFormat.safeParse(ctx.options.format ?? 'apa')
    if (!format.success) throw new UsageError(`--format must be one of ${CitationFormat.options.join(', ')}`)
    ctx.open({ read: true })
    const file = await ctx.call('citations.export', { ids, format: format.data })
    if (ctx.json) printJson(file)
    else process.stdout.write(terminalSafe(file.content.endsWith('\n') ? file.content : `${file.content}\n`, true))
    return 0
  }
}
