/**
 * RIS files (`.ris`) as Zotero, Mendeley and EndNote export them: one article per record, read by
 * Citation.js. A newspaper record (`TY  - NEWS`) is read with the magazine mapping: these tools
 * write its AU and DA as a magazine's, where the RIS specification Citation.js follows has AU as
 * "reporter" and no date but the year.
 */
import type { CslItem } from '@citation-js/core'
import { citationJs } from '../platform/citation-js'
import { attachmentOf } from './attachments'
import { decodeText } from './decode'
import { cslRecord } from './references'
import { ImportFailure, type Importer, type ParsedRecord } from './types'

type RisRecord = Record<string, string | string[]>
type Plugins = Awaited<ReturnType<typeof citationJs>>['plugins']

export const risImporter: Importer = {
  format: 'ris',
  extensions: ['ris'],
  async parse(input) {
    const text = decodeText(input.bytes).text
    if (!/^TY {2}- /m.test(text)) throw new ImportFailure('not a RIS file: no "TY  - " record found')
    const { plugins } = await citationJs()
    let list: RisRecord[]
    try {
      list = plugins.input.chainLink(text, { forceType: '@ris/file' }) as RisRecord[]
    } catch (err) {
      throw new ImportFailure(`malformed RIS: ${(err as Error).message.split('\n')[0]}`)
    }
    if (list.length === 0) throw new ImportFailure('the RIS file holds no records')
    return { records: list.map((r, i) => toRecord(plugins, r, i)) }
  }
}

function toRecord(plugins: Plugins, record: RisRecord, i: number): ParsedRecord {
  const label = `record ${i + 1}`
  try {
    const adapted = record.TY === 'NEWS' ? { ...record, TY: 'MGZN' } : record
    const item = plugins.input.chain(adapted, { forceType: '@ris/record', generateGraph: false })[0] as CslItem
    return cslRecord(item, label, attachmentOf(record.L1 ?? record.L4))
  } catch (err) {
    return { label, error: `malformed RIS record: ${(err as Error).message.split('\n')[0]}` }
  }
}
