/**
 * The `parallax` command. Every command goes through the same core (and, for calls the
 * contract has, the same `dispatch`) as the app, so the CLI sees exactly what the UI sees.
 */
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { existsSync } from 'node:fs'
import type { ArticleSummary, FolderOutlet, ImportResult, Result } from '../shared/contract'
import { openCore, type Core } from './core'
import { dispatch } from './core/dispatch'
import { collectSources, importBatch } from './core/importers/batch'
import { defaultLibraryDir } from './core/platform/paths'
import { APP_VERSION } from './core/version'
import { startHttpBridge } from './bridge/http'
import { backupLibrary, restoreLibrary } from './core/store/backup'

const USAGE = `Parallax ${APP_VERSION}: a research workbench for news coverage

Usage: parallax <command> [options]

Commands:
  import <file or folder>...   Import article files (folders are read recursively)
     [--outlet NAME | --outlet-from-folders]  outlet of files that do not name their own
  list [--limit N]             List the library's articles, newest import first
  show <id>                    Print one article
  search "<query>"             Search the library, best first (see the query language below)
     [--limit N] [--sort date] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--outlet NAME] [--language CODE]
  compare <id> <id> [<id>...]  Compare 2-6 articles: alignment, quotes, names and numbers
     [--format text|markdown|html]
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

class UsageError extends Error {}

/** The bundled import worker, beside this file in out/main. */
const WORKER = resolve(__dirname, 'import-worker.js')
const SEARCH_WORKER = resolve(__dirname, 'search-worker.js')

export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
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
      }
    })
  } catch (err) {
    process.stderr.write(`parallax: ${(err as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.version) {
    process.stdout.write(`${APP_VERSION}\n`)
    return 0
  }
  if (values.help || !command) {
    process.stdout.write(USAGE)
    return command || values.help ? 0 : 2
  }
  const libraryDir = resolve(values.library ?? defaultLibraryDir())
  const json = values.json ?? false

  let core: Core | undefined
  try {
    switch (command) {
      case 'import':
        if (rest.length === 0) throw new UsageError('import needs at least one file or folder')
        const folderOutlet = folderOutletOption(values.outlet, values['outlet-from-folders'])
        core = openCore(libraryDir, { workerScript: WORKER, lock: 'parallax import' })
        return await importCommand(core, rest, json, folderOutlet)
      case 'list': {
        const limit = values.limit === undefined ? undefined : positiveInt(values.limit, '--limit')
        core = openCore(libraryDir, { workerScript: WORKER })
        const env = await dispatch(core.service, 'articles.list', limit ? { limit } : {})
        if (!env.ok) return reportError(env.error.message)
        const { items, total } = env.result as { items: ArticleSummary[]; total: number }
        if (json) print(JSON.stringify(items, null, 2))
        else printList(items, total)
        return 0
      }
      case 'show': {
        if (rest.length !== 1) throw new UsageError('show needs exactly one article id')
        core = openCore(libraryDir, { workerScript: WORKER })
        const env = await dispatch(core.service, 'articles.get', { id: positiveInt(rest[0]!, 'id') })
        if (!env.ok) return reportError(env.error.message)
        const a = env.result as ArticleSummary & { text: string }
        if (json) print(JSON.stringify(a, null, 2))
        else print(`${a.title}\n${[a.outlet, a.author, a.publishedAt].filter(Boolean).join(' · ') || '(no byline)'}\nSource: ${a.sourceName} · ${a.wordCount} words\n\n${a.text}`)
        return 0
      }
      case 'search': {
        if (rest.length !== 1) throw new UsageError('search needs one query (quote it: parallax search "a b")')
        core = openCore(libraryDir, { workerScript: WORKER })
        const filters = Object.fromEntries(
          (['from', 'to', 'outlet', 'language'] as const).filter((k) => values[k] !== undefined).map((k) => [k, values[k]])
        )
        const args = {
          q: rest[0]!,
          limit: values.limit === undefined ? 20 : positiveInt(values.limit, '--limit'),
          ...(values.sort ? { sort: values.sort } : {}),
          ...(Object.keys(filters).length ? { filters } : {})
        }
        const env = await dispatch(core.service, 'search.query', args)
        if (!env.ok) return reportError(env.error.message)
        const res = env.result as Result<'search.query'>
        if (res.error) return reportError(res.error)
        if (json) print(JSON.stringify(res, null, 2))
        else printHits(res)
        return 0
      }
      case 'compare': {
        if (rest.length < 2 || rest.length > 6) throw new UsageError('compare needs 2 to 6 article ids')
        const ids = rest.map((r) => positiveInt(r, 'id'))
        const format = values.format ?? 'text'
        if (!['text', 'markdown', 'html'].includes(format)) throw new UsageError('--format must be text, markdown or html')
        core = openCore(libraryDir)
        if (format !== 'text') {
          const env = await dispatch(core.service, 'compare.report', { ids, format })
          if (!env.ok) return reportError(env.error.message)
          process.stdout.write((env.result as Result<'compare.report'>).content)
          return 0
        }
        const env = await dispatch(core.service, 'compare.run', { ids })
        if (!env.ok) return reportError(env.error.message)
        const c = env.result as Result<'compare.run'>
        if (json) print(JSON.stringify(c, null, 2))
        else printComparison(c)
        return 0
      }
      case 'related': {
        if (rest.length !== 1) throw new UsageError('related needs one article id')
        core = openCore(libraryDir)
        const env = await dispatch(core.service, 'articles.related', { id: positiveInt(rest[0]!, 'id'), limit: values.limit ? positiveInt(values.limit, '--limit') : 10 })
        if (!env.ok) return reportError(env.error.message)
        const { items } = env.result as Result<'articles.related'>
        if (json) print(JSON.stringify(items, null, 2))
        else if (items.length === 0) print('No related coverage found.')
        else for (const r of items) print(`${String(r.id).padStart(6)}  ${r.title}  (${[r.outlet, r.publishedAt?.slice(0, 10), r.nearDuplicate ? 'near-duplicate' : null].filter(Boolean).join(', ')})`)
        return 0
      }
      case 'stories': {
        core = openCore(libraryDir)
        const env = await dispatch(core.service, 'stories.list', values.limit ? { limit: positiveInt(values.limit, '--limit') } : {})
        if (!env.ok) return reportError(env.error.message)
        const { items } = env.result as Result<'stories.list'>
        if (json) print(JSON.stringify(items, null, 2))
        else if (items.length === 0) print('No stories yet: no two articles cover the same event.')
        else
          for (const st of items) {
            print(`${st.title}  (${[st.from, st.to].filter(Boolean).join(' to ') || 'undated'}; ${st.outlets.join(', ') || 'unknown outlets'})`)
            for (const a of st.articles) print(`  ${String(a.id).padStart(6)}  ${a.title}${a.outlet ? `  (${a.outlet})` : ''}`)
          }
        return 0
      }
      case 'backup': {
        if (rest.length !== 1) throw new UsageError('backup needs the file to write')
        core = openCore(libraryDir)
        const target = resolve(rest[0]!)
        const pages = await backupLibrary(core.library, target)
        print(json ? JSON.stringify({ file: target, pages }) : `Backed up ${core.library.articles.count()} articles to ${target}`)
        return 0
      }
      case 'restore': {
        if (rest.length !== 1) throw new UsageError('restore needs the backup file')
        const { kept, articles } = restoreLibrary(libraryDir, resolve(rest[0]!))
        print(json ? JSON.stringify({ restored: articles, previous: kept }) : `Restored ${articles} articles${kept ? `; the previous library is kept as ${kept}` : ''}`)
        return 0
      }
      case 'serve': {
        const port = values.port === undefined ? 0 : portNumber(values.port)
        core = openCore(libraryDir, { workerScript: WORKER, searchWorkerScript: SEARCH_WORKER, lock: 'parallax serve' })
        await serve(core, port, json)
        core = undefined // closed by serve's signal handlers
        return 0
      }
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`parallax: ${err.message}\n\n${USAGE}`)
      return 2
    }
    return reportError((err as Error).message)
  } finally {
    await core?.close()
  }
}

function folderOutletOption(outlet: string | undefined, fromFolders: boolean): FolderOutlet | undefined {
  if (outlet !== undefined && fromFolders) throw new UsageError('--outlet and --outlet-from-folders exclude each other')
  if (fromFolders) return { from: 'subfolders' }
  if (outlet === undefined) return undefined
  if (!outlet.trim()) throw new UsageError('--outlet needs a name')
  return { from: 'name', name: outlet.trim().slice(0, 200) }
}

async function importCommand(core: Core, paths: string[], json: boolean, folderOutlet?: FolderOutlet): Promise<number> {
  const { sources, problems } = await collectSources(paths)
  const emit = (r: ImportResult): void => {
    if (json) print(JSON.stringify({ path: r.name, status: r.status, reason: r.reason, articleId: r.articleId, title: r.title }))
  }
  problems.forEach(emit)
  const tty = !json && process.stderr.isTTY
  const results = await importBatch(core.library, sources, {
    parser: core.parser,
    readAhead: core.readAhead,
    folderOutlet,
    onProgress: ({ done, total, current, last }) => {
      if (done > 0 && last) emit(last)
      if (tty) process.stderr.write(`\r\x1b[2KImporting ${done}/${total}${current ? `: ${current}` : ''}`)
    }
  })
  if (tty) process.stderr.write('\r\x1b[2K')
  // The import is done when its articles are in the search index too.
  if (results.some((r) => r.status === 'imported')) await core.service.search.changed()
  const all = [...problems, ...results]
  if (!json) printImportSummary(all)
  return all.some((r) => r.status === 'failed') ? 1 : 0
}

function printImportSummary(results: ImportResult[]): void {
  const count = (s: ImportResult['status']): number => results.filter((r) => r.status === s).length
  for (const r of results) {
    if (r.status === 'imported') print(`imported   #${r.articleId}  ${r.title}`)
    else print(`${r.status.padEnd(10)} ${r.name}: ${r.reason}`)
  }
  const metadata = count('metadata') ? `; ${count('metadata')} metadata file(s) read into their articles` : ''
  print(`\n${count('imported')} imported, ${count('duplicate')} duplicate, ${count('skipped')} skipped, ${count('failed')} failed${metadata}`)
}

function printHits(res: Result<'search.query'>): void {
  if (res.total === 0) {
    print('No results.')
    return
  }
  for (const h of res.hits) {
    const meta = [h.outlet, h.publishedAt?.slice(0, 10)].filter(Boolean).join(', ')
    // Matched words in bold on a terminal, in [brackets] otherwise.
    const tty = process.stdout.isTTY
    let snippet = ''
    let at = 0
    for (const [s, e] of h.snippet.highlights) {
      snippet += h.snippet.text.slice(at, s) + (tty ? `\x1b[1m${h.snippet.text.slice(s, e)}\x1b[22m` : `[${h.snippet.text.slice(s, e)}]`)
      at = e
    }
    snippet += h.snippet.text.slice(at)
    print(`${String(h.id).padStart(6)}  ${h.title}${meta ? `  (${meta})` : ''}\n        ${snippet}`)
  }
  print(`\n${res.total} result${res.total === 1 ? '' : 's'}`)
}

function printComparison(c: Result<'compare.run'>): void {
  const name = (i: number): string => `[${i + 1}] ${c.articles[i]!.outlet ?? `#${c.articles[i]!.id}`}`
  c.articles.forEach((a, i) => {
    const shares = a.sharedWith.map((s, j) => (i === j ? null : `${Math.round(s * 100)}% in ${name(j)}`)).filter(Boolean)
    print(`${name(i)} ${a.title} — ${a.words} words; ${shares.join(', ')}; ${a.adds} sentence(s) only here`)
  })
  print('\nAlignment (same = verbatim, ~ = reworded):')
  for (const p of c.pairs) {
    const left = p.as.map((i) => c.articles[p.a]!.sentences[i]!.text).join(' ')
    print(`  ${p.cls === 'same' ? '=' : '~'} ${name(p.a)} ${p.as.map((i) => i + 1).join('+')} <-> ${name(p.b)} ${p.bs.map((i) => i + 1).join('+')} (${p.similarity.toFixed(2)}): ${left.slice(0, 90)}`)
    if (p.cls === 'reworded') print(`      ${p.diff.map((d) => (d.op === '=' ? d.text : d.op === '+' ? `{+${d.text}+}` : `[-${d.text}-]`)).join('').slice(0, 300)}`)
  }
  print('\nOnly here:')
  c.articles.forEach((a, i) => a.sentences.filter((s) => s.cls === 'only').forEach((s) => print(`  ${name(i)} ${s.index + 1}: ${s.text.slice(0, 120)}`)))
  print('\nQuotes:')
  for (const q of c.quotes) {
    print(`  “${q.text.slice(0, 100)}”`)
    for (const k of q.carriers) print(`      ${name(k.article)} ${k.verbatim ? 'verbatim' : 'ALTERED'}${k.speaker ? `, ${k.speaker}` : ''}`)
  }
  print('\nNames, numbers and dates that differ in aligned sentences:')
  for (const ch of c.changes) print(`  ${ch.kind}: ${name(ch.a)} ${JSON.stringify(ch.inA)}  vs  ${name(ch.b)} ${JSON.stringify(ch.inB)}`)
}

function printList(items: ArticleSummary[], total: number): void {
  if (items.length === 0) {
    print('The library is empty. Import articles with: parallax import <files or folders>')
    return
  }
  for (const a of items) {
    const meta = [a.outlet, a.publishedAt?.slice(0, 10)].filter(Boolean).join(', ')
    print(`${String(a.id).padStart(6)}  ${a.title}${meta ? `  (${meta})` : ''}`)
  }
  if (items.length < total) print(`… ${total - items.length} more (use --limit)`)
}

async function serve(core: Core, port: number, json: boolean): Promise<void> {
  const staticDir = resolve(__dirname, '../renderer')
  if (!existsSync(resolve(staticDir, 'index.html'))) throw new Error(`The app is not built (${staticDir} is missing); run npm run build`)
  const bridge = await startHttpBridge({ service: core.service, staticDir, port })
  if (json) print(JSON.stringify({ url: bridge.url, appUrl: bridge.appUrl, port: bridge.port, token: bridge.token, library: core.library.dir }))
  else {
    print(`Parallax browser mode, library ${core.library.dir}`)
    print(`Open ${bridge.appUrl}`)
    print('Press Ctrl+C to stop.')
  }
  await new Promise<void>((done) => {
    const stop = (): void => {
      void bridge
        .close()
        .then(() => core.close())
        .then(done)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

function positiveInt(text: string, what: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${what} must be a positive whole number, not "${text}"`)
  return n
}

function portNumber(text: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be 0-65535, not "${text}"`)
  return n
}

function reportError(message: string): number {
  process.stderr.write(`parallax: ${message}\n`)
  return 1
}

function print(line: string): void {
  process.stdout.write(line + '\n')
}
