/**
 * BibTeX and BibLaTeX files (`.bib`) as Zotero, Mendeley, JabRef and EndNote export them: one
 * article per entry, read by Citation.js. A malformed entry fails alone (the file is then read
 * entry by entry, `@string` macros kept); the entries around it still import.
 */
import type { CslItem } from '@citation-js/core'
import { citationJs } from '../platform/citation-js'
import { attachmentOf } from './attachments'
import { decodeText } from './decode'
import { cslRecord } from './references'
import { ImportFailure, type Importer, type ParsedRecord } from './types'

type BibEntry = { type: string; label: string; properties: Record<string, unknown> }
type Plugins = Awaited<ReturnType<typeof citationJs>>['plugins']

export const bibtexImporter: Importer = {
  format: 'bibtex',
  extensions: ['bib', 'bibtex'],
  async parse(input) {
    const text = decodeText(input.bytes).text
    if (!/@\s*[A-Za-z]+\s*[{(]/.test(text)) throw new ImportFailure('not a BibTeX file: no @entry{…} found')
    const { plugins } = await citationJs()
    const records = readEntries(plugins, text).map((e, i) => ('error' in e ? { label: `entry ${i + 1}`, error: e.error } : entryRecord(plugins, e, i)))
    if (records.length === 0) throw new ImportFailure('the BibTeX file holds no entries')
    return { records }
  }
}

function entryRecord(plugins: Plugins, entry: BibEntry, i: number): ParsedRecord {
  const label = `entry ${i + 1} (${entry.label.slice(0, 80)})`
  try {
    const item = plugins.input.chain([entry], { forceType: '@biblatex/entries+list', generateGraph: false })[0] as CslItem
    return cslRecord(item, label, attachmentOf(entry.properties.file))
  } catch (err) {
    return { label, error: `malformed BibTeX entry: ${firstLine(err)}` }
  }
}

function parseEntries(plugins: Plugins, text: string): BibEntry[] {
  return plugins.input.chain(text, { forceType: '@biblatex/text', target: '@biblatex/entries+list', generateGraph: false }) as unknown as BibEntry[]
}

/** The whole file at once; when that fails, entry by entry so a broken one fails alone. */
function readEntries(plugins: Plugins, text: string): (BibEntry | { error: string })[] {
  try {
    return parseEntries(plugins, text)
  } catch {
    const chunks = text.split(/^(?=[ \t]*@)/m).filter((c) => /^\s*@/.test(c))
    const macros = chunks.filter((c) => /^\s*@\s*(string|preamble)\b/i.test(c)).join('\n')
    return chunks
      .filter((c) => !/^\s*@\s*(string|preamble|comment)\b/i.test(c))
      .flatMap((chunk): (BibEntry | { error: string })[] => {
        try {
          return parseEntries(plugins, `${macros}\n${chunk}`)
        } catch (err) {
          return [{ error: `malformed BibTeX entry “${chunk.trim().slice(0, 60)}…”: ${firstLine(err)}` }]
        }
      })
  }
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/:\s*$/, '').slice(0, 200)
}
