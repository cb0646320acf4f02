/**
 * The `parallax` command (bundled to out/main/cli.js): a table of commands, each calling the
 * core through the contract's `dispatch` as the app does, so CLI and app run the same path.
 */
import { resolve } from 'node:path'
import { defaultLibraryDir } from '../core/platform/paths'
import { APP_VERSION } from '../core/version'
import { parseCommandLine, usage, UsageError } from './args'
import { backupCommand, restoreCommand } from './commands/backup'
import { citeCommand } from './commands/cite'
import { compareCommand } from './commands/compare'
import { importCommand } from './commands/import'
import { listCommand, showCommand, versionsCommand } from './commands/library'
import { relatedCommand, searchCommand, storiesCommand } from './commands/search'
import { serveCommand } from './commands/serve'
import { CommandContext, type Command } from './context'
import { reportError } from './output'

const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [importCommand, listCommand, showCommand, versionsCommand, searchCommand, compareCommand, citeCommand, relatedCommand, storiesCommand, backupCommand, restoreCommand, serveCommand].map((c) => [c.name, c])
)

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (err) {
    process.stderr.write(`parallax: ${(err as Error).message}\n\n${usage()}`)
    return 2
  }
  const { values, positionals } = parsed
  const [name, ...args] = positionals
  if (values.version) {
    process.stdout.write(`${APP_VERSION}\n`)
    return 0
  }
  if (values.help || !name) {
    process.stdout.write(usage())
    return name || values.help ? 0 : 2
  }
  const ctx = new CommandContext(args, values, resolve(values.library ?? defaultLibraryDir()))
  try {
    const command = COMMANDS.get(name)
    if (!command) throw new UsageError(`unknown command "${name}"`)
    return await command.run(ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`parallax: ${err.message}\n\n${usage()}`)
      return 2
    }
    // A refused call (CallFailed) or a library that cannot be opened: one line, no stack trace.
    return reportError((err as Error).message)
  } finally {
    await ctx.close()
  }
}
