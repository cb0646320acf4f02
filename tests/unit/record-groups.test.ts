/**
 * Batch exports are parsed in groups of records; a group the parser fails on is split until the
 * record at fault fails alone. Real importer (parseInProcess) behind a parser that fails the way
 * the worker pool does: on a group that runs out of time (a busy machine) or a record that breaks it.
 */
import { describe, expect, it } from 'vitest'
import { parseInProcess, type Parser } from '../../src/main/core/importers/parse'
import { parseRecordGroups } from '../../src/main/core/importers/record-stream'
import type { PreparedRecord } from '../../src/main/core/importers/prepare'
import { ImportFailure } from '../../src/main/core/importers/types'

const records = (n: number, poison?: number): Uint8Array =>
  new TextEncoder().encode(
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({ title: i === poison ? 'POISON' : `Record ${i + 1} of the export`, text: `Body of record ${i + 1}, long enough to be an article about the harbour.` })
    ).join('\n')
  )

/** Fails like the pool: any call holding more than `maxRecords`, or the poison record, "takes too long". */
function slowParser(maxRecords: number, calls: number[]): Parser {
  return async (format, name, bytes) => {
    const values = JSON.parse(new TextDecoder().decode(bytes)) as { title: string }[]
    calls.push(values.length)
    if (values.length > maxRecords || values.some((v) => v.title === 'POISON')) throw new ImportFailure('took too long to parse: stopped after 10 s')
    return parseInProcess(format, name, bytes)
  }
}

async function all(bytes: Uint8Array, parser: Parser): Promise<PreparedRecord[]> {
  const out: PreparedRecord[] = []
  for await (const group of parseRecordGroups('ndjson', 'export.ndjson', bytes, parser)) out.push(...group)
  return out
}

describe('record groups that fail are split, not lost', () => {
  it('imports every record when whole groups run out of time on a busy machine', async () => {
    const calls: number[] = []
    const out = await all(records(1200), slowParser(100, calls))
    expect(out).toHaveLength(1200)
    expect(out.filter((r) => 'error' in r)).toEqual([])
    expect(out.map((r) => r.label).slice(0, 2)).toEqual(['line 1', 'line 2'])
    expect('article' in out[1199]! && out[1199].article.title).toBe('Record 1200 of the export')
    expect(Math.max(...calls)).toBe(500)
  })

  it('fails only the record that breaks the parser, with its reason and line', async () => {
    const out = await all(records(600, 321), slowParser(10_000, []))
    const failed = out.filter((r) => 'error' in r)
    expect(failed).toEqual([{ label: 'line 322', error: 'took too long to parse: stopped after 10 s' }])
    expect(out.filter((r) => 'article' in r)).toHaveLength(599)
  })
})
