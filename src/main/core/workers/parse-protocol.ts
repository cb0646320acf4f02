/** What the import worker answers: parsing a file, and an article's entities for comparisons. */
import type { SourceFormat } from '../../../shared/contract'
import type { Entity } from '../compare'
import type { PreparedOutput } from '../importers/prepare'
import type { OcrRequest } from '../importers/types'

export type ImportWorkerProtocol = {
  parse: { args: { format: SourceFormat; name: string; bytes: Uint8Array }; result: PreparedOutput | OcrRequest }
  entities: { args: { text: string }; result: Entity[] }
}
