/**
 * NDJSON exports larger than a file may be, read from disk a chunk at a time through the path
 * import the desktop app and the CLI use: lines across chunk boundaries, a character split between
 * chunks, a line too long to keep (failed alone), and the records imported as a whole-file read
 * imports them.
 */
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/shared/limits'
import { openCore } from '../../src/main/core'
import { fileLines } from '../../src/main/core/importers/large-export'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

const collect = async (path: string, maxLine?: number): Promise<(string | null)[]> => {
  const out: (string | null)[] = []
  for await (const line of fileLines(path, maxLine)) out.push(line)
  return out
}

describe('large NDJSON exports read from disk', () => {
  it('splits lines across 1 MB chunks, keeps a character split between chunks whole, and drops only a line too long', async () => {
    const file = join(tmpDir(), 'lines.ndjson')
    const long = 'x'.repeat((1 << 20) - 2) + 'é' + 'y'.repeat(10) // é straddles the first chunk's end
    const huge = 'z'.repeat(3 << 20)
    writeFileSync(file, ['first', long, huge, 'after the huge one', 'last, no newline'].join('\n'))
    expect(await collect(file, 2 << 20)).toEqual(['first', long, null, 'after the huge one', 'last, no newline'])
  })

  it('imports an export larger than a file may be (LIMITS.maxFileBytes), which a whole-file read refuses', async () => {
    const file = join(tmpDir(), 'big.ndjson')
    // 56 long articles of about 1 MB each: 56 MB, over the 50 MB a file may hold.
    const body = (i: number): string => Array.from({ length: 130_000 }, (_, k) => `word${(i * 31 + k) % 997}`).join(' ')
    writeFileSync(file, Array.from({ length: 56 }, (_, i) => JSON.stringify({ title: `Long report ${i + 1}`, outlet: 'Metro Wire', text: `Opening ${i + 1}. ${body(i)}` })).join('\n'))
    expect(statSync(file).size).toBeGreaterThan(LIMITS.maxFileBytes)
    const core = openCore(tmpDir())
    try {
      const { results } = await core.service['import.paths']({ jobId: 'big', paths: [file] })
      expect(results.map((r) => r.status)).toEqual(new Array(56).fill('imported'))
      expect(results.at(-1)!.title).toBe('Long report 56')
    } finally {
      await core.close()
    }
  }, 180_000)

  describe('through import.paths', () => {
    const before = process.env.PARALLAX_STREAM_EXPORTS_ABOVE
    beforeAll(() => {
      process.env.PARALLAX_STREAM_EXPORTS_ABOVE = '1000'
    })
    afterAll(() => {
      if (before === undefined) delete process.env.PARALLAX_STREAM_EXPORTS_ABOVE
      else process.env.PARALLAX_STREAM_EXPORTS_ABOVE = before
    })

    it('imports every record of an export over the limit, a broken line failing alone, labelled by line', async () => {
      const file = join(tmpDir(), 'export.ndjson')
      const record = (i: number): string =>
        JSON.stringify({ title: `Harbour report ${i}`, outlet: 'Valley News', date: '2025-04-02', text: `The harbour board met for the ${i}th time and agreed on new ferry berths near pier ${i}.` })
      const lines = Array.from({ length: 1200 }, (_, i) => record(i + 1))
      lines[599] = '{"title": "cut off'
      writeFileSync(file, `\uFEFF${lines.join('\n')}\n`)
      const dir = tmpDir()
      const core = openCore(dir)
      try {
        const { results } = await core.service['import.paths']({ jobId: 'large', paths: [file] })
        expect(results).toHaveLength(1200)
        expect(results.filter((r) => r.status === 'imported')).toHaveLength(1199)
        const failed = results.filter((r) => r.status === 'failed')
        expect(failed.map((r) => r.name)).toEqual([`${file} (line 600)`])
        expect(failed[0]!.reason).toMatch(/^invalid JSON/)
        expect(results[0]!.title).toBe('Harbour report 1')
        expect(Library.connection(core.library).prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1199)
        expect((await core.service['search.query']({ q: '"pier 1200"' })).total).toBe(1)
      } finally {
        await core.close()
      }
    }, 120_000)
  })
})
