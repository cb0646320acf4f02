/**
 * The one entry point both transports (and the CLI) call: method allow-list, argument
 * validation against the contract, the service call, and errors turned into the same
 * `{ code, message, field }` shape everywhere. Nothing unvalidated reaches the service.
 */
import { ApiError, methods, type ApiErrorShape, type Envelope } from '../../shared/contract'
import { METHOD_NAMES, type MethodName } from '../../shared/methods'
import type { Service } from './service'
import { LibraryError } from './store/library'

const KNOWN = new Set<string>(METHOD_NAMES)

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && KNOWN.has(name)
}

export async function dispatch(service: Service, method: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
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
