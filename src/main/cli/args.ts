/** The command line: options, usage text, and checks of the values given. */
import { parseArgs } from 'node:util'
import type { FolderOutlet } from '../../shared/contract'
import { defaultLibraryDir } from '../core/platform/paths'
import { APP_VERSION } from '../core/version'

export function usage(): string {
  return `Parallax ${APP_VERSION}: a research workbench for news coverage

Usage: parallax <command> [options]

Commands:
  import <file or folder>...   Import article files (folders are read recursively)
     [--outlet NAME | --outlet-from-folders]  outlet of files that do not name their own
  list [--limit N]             List the library's articles, newest import first
  show <id>                    Print one article
  versions <id>                An article's versions (headlines and texts imported over time)
  search "<query>"             Search the library, best first (see the query language below)
     [--limit N] [--sort date] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--outlet NAME] [--language CODE]
  compare <id> <id> [<id>...]  Compare 2-6 articles: alignment, quotes, names and numbers
     [--format text|markdown|html]
  cite <id>...                 The articles' citations (default: APA references)
     [--format csl-json|bibtex|ris|apa|chicago]
  related <id> [--limit N]     Articles about the same story
  stories [--limit N]          The library grouped into stories, newest first
  backup <file>                Copy the library to a file (safe while the app runs)
  restore <file>               Replace the library with a backup (the current one is kept aside)
  serve [--port N]             Serve the app in your browser (browser mode)

Query language: words (ranked), "exact phrase", +required, -excluded,
  title:/author:/outlet:/tag:/notes: field terms, prefix* (3+ letters), fuzzy~1

Options:
  --library <dir>   Library folder (default: ${defaultLibraryDir()})
  --json            Machine-readable output
  -h, --help        This help
`
}

/** A mistake in how the command was called: exit code 2 and the usage text. */
export class UsageError extends Error {}

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  limit: { type: 'string' },
  port: { type: 'string' },
  sort: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  outlet: { type: 'string' },
  'outlet-from-folders': { type: 'boolean', default: false },
  language: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false }
} as const

export type CliOptions = ReturnType<typeof parseCommandLine>['values']

/** Throws parseArgs's own error (unknown option, missing value) for the caller to report. */
export function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS })
}

export function positiveInt(text: string, what: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${what} must be a positive whole number, not "${text}"`)
  return n
}

/** `import --outlet NAME` or `--outlet-from-folders`: the outlet of files that do not name their own. */
export function folderOutletOption(options: CliOptions): FolderOutlet | undefined {
  const { outlet } = options
  if (outlet !== undefined && options['outlet-from-folders']) throw new UsageError('--outlet and --outlet-from-folders exclude each other')
  if (options['outlet-from-folders']) return { from: 'subfolders' }
  if (outlet === undefined) return undefined
  if (!outlet.trim()) throw new UsageError('--outlet needs a name')
  return { from: 'name', name: outlet.trim().slice(0, 200) }
}

/** The one article id a command takes (`show 12`, `related 12`). */
export function oneArticleId(args: string[], command: string): number {
  if (args.length !== 1) throw new UsageError(`${command} needs exactly one article id`)
  return positiveInt(args[0]!, 'id')
}

/** `--limit N` when given. */
export function limitOption(options: CliOptions): number | undefined {
  return options.limit === undefined ? undefined : positiveInt(options.limit, '--limit')
}

export function portNumber(text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be 0-65535, not "${text}"`)
  return n
}
