/** The file picker offers what the importers read: the shared list and each importer's agree. */
import { describe, expect, it } from 'vitest'
import { importerByFormat, supportedExtensions } from '../../src/main/core/importers/registry'
import { FORMAT_EXTENSIONS, IMPORTABLE_EXTENSIONS, PICKER_ACCEPT } from '../../src/shared/formats'
import type { SourceFormat } from '../../src/shared/contract'

describe('importable extensions', () => {
  it('names, for each format, the extensions its importer reads', () => {
    for (const [format, extensions] of Object.entries(FORMAT_EXTENSIONS)) {
      expect([format, [...importerByFormat(format as SourceFormat).extensions]]).toEqual([format, [...extensions]])
    }
    expect([...IMPORTABLE_EXTENSIONS].sort()).toEqual(supportedExtensions().sort())
  })

  it('offers every one of them in the file picker', () => {
    expect(PICKER_ACCEPT.split(',')).toEqual(IMPORTABLE_EXTENSIONS.map((e) => `.${e}`))
    expect(PICKER_ACCEPT).toContain('.jsonl')
  })
})
