/**
 * The typed client every view uses: `api['articles.get']({ id })`, `api.on('import.progress', …)`.
 * It is built over a Transport and never knows whether that is IPC or HTTP.
 */
import type { Api, Args, EventPayload, Result } from '../../../shared/contract'
import { ApiError, type Envelope } from '../../../shared/errors'
import { METHOD_NAMES, type EventName, type MethodName } from '../../../shared/methods'
import { pickTransport, type Transport } from './transport'
import type { ImportCall, Upload } from './upload'

export type Client = Api & {
  transport: Transport['kind']
  /** One batch of an import, its files sent as the transport does best (paths or raw bytes). */
  importFiles(call: ImportCall, files: Upload[]): Promise<Result<'import.files'>>
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void
  /** Calls back when the library changes for one of `reasons` (or any reason), and on a resync. */
  onChange(reasons: ChangeReason[] | null, callback: () => void): () => void
}

export type ChangeReason = Exclude<EventPayload<'library.changed'>['reason'], 'resync'>

export function createClient(transport: Transport): Client {
  const unwrap = <R>(envelope: Envelope<unknown>): R => {
    if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.field)
    return envelope.result as R
  }
  const call = async <M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> => unwrap<Result<M>>(await transport.call(method, args))
  const methods = Object.fromEntries(METHOD_NAMES.map((m) => [m, (args: Args<typeof m>) => call(m, args)])) as Api
  return {
    ...methods,
    transport: transport.kind,
    importFiles: async (c, files) => unwrap<Result<'import.files'>>(await transport.importFiles(c, files)),
    on: (event, callback) => transport.on(event, callback as (payload: unknown) => void),
    onChange: (reasons, callback) =>
      transport.on('library.changed', (payload) => {
        const { reason } = payload as EventPayload<'library.changed'>
        if (reason === 'resync' || !reasons || reasons.includes(reason)) callback()
      })
  }
}

export const api: Client = createClient(pickTransport())
