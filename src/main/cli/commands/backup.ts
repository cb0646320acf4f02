/** `parallax backup <file>` and `parallax restore <file>`: whole-library copies, outside the contract. */
import { resolve } from 'node:path'
import { backupLibrary, restoreLibrary } from '../../core/store/backup'
import { UsageError } from '../args'
import type { Command } from '../context'
import { print } from '../output'
import { printJson } from '../printers'

export const backupCommand: Command = {
  name: 'backup',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('backup needs the file to write')
    const core = ctx.open()
    const target = resolve(ctx.args[0]!)
    const pages = await backupLibrary(core.library, target)
    if (ctx.json) printJson({ file: target, pages }, true)
    else print(`Backed up ${core.library.articles.count()} articles to ${target}`)
    return 0
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('restore needs the backup file')
    // The library must not be open: restore swaps its file (and takes the writer lock itself).
    const { kept, articles } = restoreLibrary(ctx.libraryDir, resolve(ctx.args[0]!))
    if (ctx.json) printJson({ restored: articles, previous: kept }, true)
    else print(`Restored ${articles} articles${kept ? `; the previous library is kept as ${kept}` : ''}`)
    return 0
  }
}
