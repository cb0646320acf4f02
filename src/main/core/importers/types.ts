/** The one interface every importer implements, and the failure they all throw. */
import type { SourceFormat } from '../../../shared/contract'
import type { NewArticle } from '../store/articles'

/** A file handed to an importer: already read, size-checked and sniffed as text. */
export interface ImportInput {
  /** The file's display name (never used as a path). */
  name: string
  bytes: Uint8Array
}

/** What an importer extracts; the batch runner adds hash, word count and source fields. */
export type ParsedArticle = Pick<NewArticle, 'title' | 'author' | 'outlet' | 'publishedAt' | 'url' | 'language' | 'text' | 'warnings'>

export interface Importer {
  format: SourceFormat
  /** Lower-case file extensions without the dot. */
  extensions: readonly string[]
  parse(input: ImportInput): ParsedArticle
}

/** A file that cannot be imported, with the specific reason shown to the user. */
export class ImportFailure extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'ImportFailure'
  }
}
