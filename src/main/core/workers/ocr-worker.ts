/**
 * Worker-thread entry (bundled to out/main/ocr-worker.js): reads scans page by page. Kept apart
 * from the parse workers, so a slow scan never holds up the other files of a batch.
 */
import { assemble, readPage } from '../importers/ocr/pages'
import { prepareArticle } from '../importers/prepare'
import { ImportFailure } from '../importers/types'
import { serveRpc } from '../rpc/server'
import type { OcrWorkerProtocol } from './ocr-protocol'

serveRpc<OcrWorkerProtocol>(
  {
    page: ({ source, page, languages }) => readPage(source, page, languages),
    assemble: async ({ source, pages, warnings }) => prepareArticle(await assemble(source, pages, warnings))
  },
  { expected: (err) => err instanceof ImportFailure }
)
