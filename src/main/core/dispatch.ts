/**
 * The one entry point both transports (and the CLI) call: method allow-list, argument
 * validation against the contract, the service call, and errors turned into the same
 * `{ code, message, field }` shape everywhere. Nothing unvalidated reaches the service.
 */
import { ApiError, methods, type ApiErrorShape, type Args, type Envelope, type Result } from '../../shared/contract'
import { LOCAL_ONLY_METHODS, METHOD_NAMES, type MethodName } from '../../shared/methods'
import type { Service } from './service'
import { LibraryError } from './store/library'

const KNOWN = new Set<string>(METHOD_NAMES)
const LOCAL_ONLY = new Set<MethodName>(LOCAL_ONLY_METHODS)

/** Who is calling. `local`: a caller that may name files on this machine (the CLI; the desktop app's own window over IPC). */
export interface Caller {
  local?: boolean
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && KNOWN.has(name)
}

/**
 * A method the caller names in code gets its own result type (the CLI needs no casts); a name
 * from the wire is checked against the allow-list first.
 */
export async function dispatch<M extends MethodName>(service: Service, method: M, rawArgs: Args<M>, caller?: Caller): Promise<Envelope<Result<M>>>
export async function dispatch(service: Service, method: unknown, rawArgs: unknown, caller?: Caller): Promise<Envelope<unknown>>
export async function dispatch(service: Service, method: unknown, rawArgs: unknown, caller: Caller = {}): Promise<Envelope<unknown>> {
  if (LOCAL_ONLY.has(method as MethodName) && !caller.local) {
    return fail({ code: 'forbidden', message: `${String(method)} reads files on this machine and is not available here` })
  }
  return validateAndCall(service, method, rawArgs)
}

async function validateAndCall(service: Service, method: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return fail({ code: 'unknown_method', message: `Unknown method: ${JSON.stringify(String(method)).slice(0, 80)}` })
  }
  const spec = methods[method]
  const parsed = spec.args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path.map(String).join('.')
    return fail({
      code: 'invalid_argument',
      message: `${method}: ${field ? `argument "${field}"` : 'arguments'} ${describeIssue(issue)}`,
      ...(field ? { field } : {})
    })
  }
  try {
    // The cast is safe: `parsed.data` was validated against this very method's schema.
    const call = service[method] as (args: unknown) => Promise<unknown>
    const result = await call.call(service, parsed.data)
    return { ok: true, result }
  } catch (err) {
    if (err instanceof ApiError) return fail(err.toJSON())
    if (err instanceof LibraryError) return fail({ code: 'library_error', message: err.message })
    console.error(`[parallax] ${method} failed:`, err)
    return fail({ code: 'internal', message: `${method} failed unexpectedly: ${(err as Error)?.message ?? String(err)}` })
  }
}

function describeIssue(issue: { code: string; message: string; expected?: unknown; keys?: string[] }): string {
  if (issue.code === 'invalid_type') return `must be ${String(issue.expected)}`
  if (issue.code === 'unrecognized_keys') return `has unknown field(s): ${(issue.keys ?? []).join(', ')}`
  return issue.message.replace(/^Invalid input: /, '').replace(/^Too (big|small): /, '')
}

function fail(error: ApiErrorShape): Envelope<never> {
  return { ok: false, error }
}
