/**
 * What a command gets: its arguments, the options, and the library, opened on request and
 * called through the contract's `dispatch`, exactly as the app calls it.
 */
import { resolve } from 'node:path'
import type { Args, Result } from '../../shared/contract'
import type { MethodName } from '../../shared/methods'
import { openCore, type Core } from '../core'
import { dispatch } from '../core/dispatch'
import type { CliOptions } from './args'

/** The bundled workers, beside the CLI in out/main. */
const IMPORT_WORKER = resolve(__dirname, 'import-worker.js')
const SEARCH_WORKER = resolve(__dirname, 'search-worker.js')

export interface OpenMode {
  /** Parse files in worker threads (started on first use). */
  parsers?: boolean
  /** Search in worker threads (a long-running process) rather than in-process. */
  searchWorkers?: boolean
  /** Hold the library's writer lock under this name. */
  lock?: string
  /** The command only reads: a read-only library folder is read (with a notice), not refused. */
  read?: boolean
}

/** A contract call that came back with an error: printed as `parallax: <message>`, exit code 1. */
export class CallFailed extends Error {}

export class CommandContext {
  private core: Core | undefined

  constructor(
    /** The positional arguments after the command name. */
    readonly args: string[],
    readonly options: CliOptions,
    readonly libraryDir: string
  ) {}

  get json(): boolean {
    return this.options.json ?? false
  }

  /** Opens the library once; the runner closes it after the command. */
  open(mode: OpenMode = {}): Core {
    if (this.core) return this.core
    this.core = openCore(this.libraryDir, {
      ...(mode.parsers ? { workerScript: IMPORT_WORKER } : {}),
      ...(mode.searchWorkers ? { searchWorkerScript: SEARCH_WORKER } : {}),
      ...(mode.lock ? { lock: mode.lock } : {}),
      ...(mode.read ? { readIfReadOnly: true } : {})
    })
    if (this.core.library.readOnly) {
      process.stderr.write(`parallax: the library folder ${this.libraryDir} is read-only: reading it as it is, saving nothing.\n`)
    }
    return this.core
  }

  /** A contract method through `dispatch`, as a local caller; its result, typed, or CallFailed. */
  async call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
    const envelope = await dispatch(this.open().service, method, args, { local: true })
    if (!envelope.ok) throw new CallFailed(envelope.error.message)
    return envelope.result
  }

  /** Hands the open library to a command that closes it itself (serve). */
  release(): void {
    this.core = undefined
  }

  async close(): Promise<void> {
    await this.core?.close()
    this.core = undefined
  }
}

/** One `parallax <name>` command: checks its arguments, calls the core, prints; returns the exit code. */
export interface Command {
  name: string
  run(ctx: CommandContext): Promise<number>
}
