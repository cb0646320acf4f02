/** `parallax compare <id> <id> [...]`: the comparison as text, JSON, or a Markdown or HTML report. */
import { positiveInt, UsageError } from '../args'
import type { Command } from '../context'
import { printComparison, printJson } from '../printers'

const FORMATS = ['text', 'markdown', 'html'] as const
const isFormat = (f: string): f is (typeof FORMATS)[number] => (FORMATS as readonly string[]).includes(f)

export const compareCommand: Command = {
  name: 'compare',
  async run(ctx) {
    if (ctx.args.length < 2 || ctx.args.length > 6) throw new UsageError('compare needs 2 to 6 article ids')
    const ids = ctx.args.map((r) => positiveInt(r, 'id'))
    const format = ctx.options.format ?? 'text'
    if (!isFormat(format)) throw new UsageError('--format must be text, markdown or html')
    ctx.open()
    if (format !== 'text') {
      process.stdout.write((await ctx.call('compare.report', { ids, format })).content)
      return 0
    }
    const comparison = await ctx.call('compare.run', { ids })
    if (ctx.json) printJson(comparison)
    else printComparison(comparison)
    return 0
  }
}
