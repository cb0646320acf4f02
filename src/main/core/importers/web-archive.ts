/**
 * WARC and WACZ files as importers. The batch reads them page by page through the worker pool
 * (web-archive-stream.ts); `parse` here reads a whole archive in one call, with the same pages
 * and the same HTML importer, for callers that hold one file (and for the tests).
 */
import { htmlImporter } from './html'
import { prepareOutput, type Parser, type PreparedRecord } from './prepare'
import type { Importer, ImportInput, ParseOutput } from './types'
import { parseArchivedPages } from './web-archive-stream'

const parseHere: Parser = async (_format, name, bytes) => prepareOutput(await htmlImporter.parse({ name, bytes }))

async function parseWhole(format: 'warc' | 'wacz', input: ImportInput): Promise<ParseOutput> {
  const records: PreparedRecord[] = []
  for await (const group of parseArchivedPages(format, input.bytes, parseHere)) records.push(...group)
  return { records }
}

export const warcImporter: Importer = {
  format: 'warc',
  extensions: ['warc', 'warc.gz'],
  binary: true,
  parse: (input) => parseWhole('warc', input)
}

export const waczImporter: Importer = {
  format: 'wacz',
  extensions: ['wacz'],
  binary: true,
  parse: (input) => parseWhole('wacz', input)
}
