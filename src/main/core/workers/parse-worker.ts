/** Worker-thread entry (bundled to out/main/import-worker.js): parses files on request. */
import { articleEntities } from '../compare'
import { splitSentences } from '../compare/sentences'
import { serveRpc } from '../rpc/server'
import { parseInProcess } from '../importers/parse'
import { ImportFailure } from '../importers/types'
import type { ImportWorkerProtocol } from './parse-protocol'

serveRpc<ImportWorkerProtocol>(
  {
    parse: ({ format, name, bytes }) => parseInProcess(format, name, bytes),
    // Names, numbers and dates for comparisons, found ahead of time off the main thread.
    entities: ({ text }) => articleEntities(splitSentences(text))
  },
  { expected: (err) => err instanceof ImportFailure }
)
