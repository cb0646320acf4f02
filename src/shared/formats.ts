/**
 * The file extensions each import format is read from (lower case, no dot): one list for the
 * file picker and the importers, so a format added here is offered and read alike.
 */
import type { SourceFormat } from './contract'

export const FORMAT_EXTENSIONS = {
  bibtex: ['bib', 'bibtex'],
  txt: ['txt', 'text'],
  md: ['md', 'markdown'],
  html: ['html', 'htm', 'xhtml'],
  pdf: ['pdf'],
  ris: ['ris'],
  docx: ['docx'],
  eml: ['eml'],
  json: ['json'],
  ndjson: ['ndjson', 'jsonl'],
  csv: ['csv', 'tsv'],
  mhtml: ['mhtml', 'mht'],
  warc: ['warc', 'warc.gz'],
  wacz: ['wacz'],
  // RSS and Atom; a JSON Feed is a .json file recognised by its content (registry.ts).
  feed: ['rss', 'atom', 'xml'],
  image: ['png', 'jpg', 'jpeg', 'tif', 'tiff']
} as const satisfies Record<SourceFormat, readonly string[]>

/** Every importable extension, in the order above. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = Object.values(FORMAT_EXTENSIONS).flat()

/** The file picker's `accept` attribute: every importable extension. */
export const PICKER_ACCEPT = IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join(',')
