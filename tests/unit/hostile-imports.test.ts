/**
 * The importer defects found by the hostile probe (issue 15; "Found by the probe" X3, X4, X5, X9,
 * X12, X13 in ../shared/notes/hostile-inputs.md). Big inputs are written at run time.
 */
import fsp from 'node:fs/promises'
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { controlCharFiles, lyingZipBomb, makeFifo, manyRecords } from '../../bench/hostile-files'
import { collectSources, importBatch, type ImportSource } from '../../src/main/core/services/import-batch'
import { htmlImporter } from '../../src/main/core/importers/html'
import { parseInProcess, type Parser } from '../../src/main/core/importers/parse'
import { rawRecords } from '../../src/main/core/importers/record-stream'
import { textImporter } from '../../src/main/core/importers/text'
import { isArticle } from '../../src/main/core/importers/types'
import { Library } from '../../src/main/core/store/library'
import { FIXTURES } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const hostile = (name: string): string => join(FIXTURES, 'hostile', name)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

async function withLibrary<T>(fn: (lib: Library) => Promise<T>): Promise<T> {
  const lib = Library.open(tmpDir())
  try {
    return await fn(lib)
  } finally {
    lib.close()
  }
}

describe('X3: control characters never reach the library', () => {
  it('strips ESC, BEL and C1 from titles, outlets and authors of JSON, NDJSON, CSV, TSV, HTML entities and e-mail encoded words', async () => {
    await withLibrary(async (lib) => {
      const results = await importBatch(lib, controlCharFiles())
      expect(results.map((r) => [r.name, r.status])).toEqual([
        ['controls.json (record 1)', 'imported'],
        ['controls.ndjson (line 1)', 'imported'],
        ['controls.csv (row 2)', 'imported'],
        ['controls.tsv (row 2)', 'imported'],
        ['controls.html', 'imported'],
        ['controls.eml', 'imported']
      ])
      for (const r of results) {
        const a = lib.articles.get(r.articleId!)!
        for (const field of [a.title, a.outlet, a.author, r.title]) expect(field ?? '').not.toMatch(CONTROL)
        expect(a.text.replace(/\n/g, '')).not.toMatch(CONTROL)
        expect(a.title).toMatch(/^Ferry \w+\]0;pwned\[2J31m timetable$/)
        expect(a.outlet).toBe('Harbour]0;pwned[2J31m News')
      }
    })
  })
})

describe('X4: a zip bomb whose headers lie', () => {
  it('stops inflating word/document.xml at a running byte count, whatever its header says', async () => {
    await withLibrary(async (lib) => {
      const [r] = await importBatch(lib, [{ name: 'bomb.docx', bytes: lyingZipBomb(300) }])
      expect(r).toMatchObject({ status: 'failed', reason: 'refused: word/document.xml inflates to more than the 900 bytes its header declares (zip bomb?)' })
    })
  })
})

describe('X5: a FIFO or device in a file’s place', () => {
  it('reads what it checked: no lstat-then-read-by-path window for a FIFO to be swapped into', async () => {
    const dir = tmpDir()
    const path = join(dir, 'swapped.txt')
    writeFileSync(path, 'Swapped\n\nThe body of a file that becomes a pipe.')
    const realLstat = fsp.lstat
    // Every lstat of the file is followed at once by the swap the probe made with `mv -f`.
    fsp.lstat = (async (p: string, ...rest: []) => {
      const st = await realLstat(p, ...rest)
      if (p === path && st.isFile()) {
        const content = readFileSync(path)
        rmSync(path)
        makeFifo(path)
        writeFileSync(join(dir, 'content'), content)
      }
      return st
    }) as typeof fsp.lstat
    syncBuiltinESMExports()
    try {
      await withLibrary(async (lib) => {
        const [r] = await importBatch(lib, [{ name: path, path }])
        // Opened once, checked and read through that handle: the path is never looked at twice
        // (the old lstat-then-readFile read the swapped-in pipe and blocked forever).
        expect(r).toMatchObject({ status: 'imported', title: 'Swapped' })
      })
    } finally {
      fsp.lstat = realLstat
      syncBuiltinESMExports()
    }
  })

  it('refuses a FIFO and a device at once, from the open handle', async () => {
    const dir = tmpDir()
    makeFifo(join(dir, 'pipe.txt'))
    const { sources } = await collectSources([join(dir, 'pipe.txt')])
    await withLibrary(async (lib) => {
      const results = await importBatch(lib, [...sources, { name: 'zero.txt', path: '/dev/zero' }])
      expect(results.map((r) => r.reason)).toEqual(['not a regular file: a named pipe (FIFO)', 'not a regular file: a device'])
    })
  })
})

describe('X9: a declared charset that the bytes contradict', () => {
  it('reads valid UTF-8 declared as windows-1251 or utf-16 as UTF-8, and says the declaration was ignored', async () => {
    for (const name of ['declares-1251.html', 'declares-utf16.html']) {
      const a = await htmlImporter.parse({ name, bytes: readFileSync(hostile(name)) })
      if (!isArticle(a)) throw new Error('expected one article')
      expect(a.title).toBe('Naïve résumé at the café')
      expect(a.text).toContain('The naïve résumé of the café’s owner')
      expect(a.warnings.join(' ')).toMatch(/^declared charset ignored: the page says (windows-1251|utf-16), its bytes are utf-8$/)
    }
  })

  it('still honours a declared charset that is true', async () => {
    const page = '<html><head><meta charset="windows-1251"><title>Совет</title></head><body><h1>Совет</h1><p>Городской совет проголосовал за сохранение ночных автобусов до конца следующего года, сообщил председатель.</p></body></html>'
    const { default: iconv } = await import('iconv-lite')
    const a = await htmlImporter.parse({ name: 'ru.html', bytes: iconv.encode(page, 'windows-1251') })
    if (!isArticle(a)) throw new Error('expected one article')
    expect(a.title).toBe('Совет')
    expect(a.warnings).toEqual([])
  })
})

describe('X12: messages that say exactly what is wrong', () => {
  it('a path that never existed is "no such file"; a symlink loop named directly says it is a loop', async () => {
    const dir = tmpDir()
    symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'))
    symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'))
    const { problems } = await collectSources([join(dir, 'never-existed.txt'), join(dir, 'loop-a.txt')])
    expect(problems.map((p) => p.reason)).toEqual(['no such file', 'symbolic link loop: the link leads back to itself'])
  })

  it('a file one byte over the limit says so, not "50 MB, limit 50 MB"', async () => {
    const path = join(tmpDir(), 'over.txt')
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024 + 1, 0x61))
    await withLibrary(async (lib) => {
      const [r] = await importBatch(lib, [{ name: path, path }])
      expect(r!.reason).toBe('file too large: 50 MB + 1 byte, limit 50 MB')
    })
  })

  it('detects UTF-16LE Cyrillic without a byte-order mark instead of calling it binary', async () => {
    const a = await textImporter.parse({ name: 'ru.txt', bytes: readFileSync(hostile('cyrillic-utf16le-nobom.txt')) })
    if (!isArticle(a)) throw new Error('expected one article')
    expect(a.title).toBe('Городской совет')
    expect(a.text).toMatch(/^Городской совет проголосовал/)
    expect(a.warnings).toEqual(['decoded as UTF-16LE (no byte-order mark)'])
  })

  it('a CSV quote that never closes is reported where it opens, after the rows before it are imported', async () => {
    await withLibrary(async (lib) => {
      const path = hostile('unclosed-quote.csv')
      const results = await importBatch(lib, [{ name: 'unclosed-quote.csv', path }])
      expect(results.map((r) => [r.name, r.status, r.reason])).toEqual([
        ['unclosed-quote.csv (row 2)', 'imported', null],
        ['unclosed-quote.csv', 'failed', 'invalid CSV: the quote opening on line 5 is never closed (row 3 onwards not read)']
      ])
    })
  })
})

describe('X13: a batch export of a million records', () => {
  it('is split record by record: 1,000,000 records under the size limit, every one labelled', async () => {
    for (const format of ['ndjson', 'json'] as const) {
      const bytes = manyRecords(1_000_000, format)
      expect(bytes.length).toBeLessThan(50 * 1024 * 1024)
      let count = 0
      let last = ''
      for await (const r of rawRecords(format, `big.${format}`, bytes)) {
        if ('error' in r) throw new Error(`${r.label}: ${r.error}`)
        count++
        last = r.label
      }
      expect(count).toBe(1_000_000)
      expect(last).toBe(format === 'ndjson' ? 'line 1000000' : 'record 1000000')
    }
  }, 120_000)

  it('reaches the parser in small groups, never whole, and reports progress between them', async () => {
    let largest = 0
    // The worker's time limit applies per parser call: no call may carry the whole file.
    const parser: Parser = async (format, name, bytes) => {
      const out = await parseInProcess(format, name, bytes)
      largest = Math.max(largest, 'records' in out ? out.records.length : 1)
      return out
    }
    const sources: ImportSource[] = [{ name: 'big.ndjson', bytes: manyRecords(3_000, 'ndjson') }, { name: 'big.json', bytes: manyRecords(2_000, 'json', 'Memo') }]
    const progress: string[] = []
    await withLibrary(async (lib) => {
      const results = await importBatch(lib, sources, { parser, onProgress: (p) => p.current && progress.push(p.current) })
      expect(results.filter((r) => r.status === 'imported')).toHaveLength(5_000)
      expect(results.at(-1)!.name).toBe('big.json (record 2000)')
      expect(lib.articles.count()).toBe(5_000)
    })
    expect(largest).toBeLessThanOrEqual(500)
    expect(progress).toContain('big.ndjson (line 1500)')
  }, 120_000)

  it('keeps the records before a truncation and says where the file broke off', async () => {
    await withLibrary(async (lib) => {
      const results = await importBatch(lib, [{ name: 'cut.json', bytes: manyRecords(3, 'json').subarray(0, -20) }])
      expect(results.map((r) => [r.name, r.status, r.reason])).toEqual([
        ['cut.json (record 1)', 'imported', null],
        ['cut.json (record 2)', 'imported', null],
        ['cut.json', 'failed', 'invalid JSON: the file ends before the array is closed (truncated?)']
      ])
    })
  })
})
