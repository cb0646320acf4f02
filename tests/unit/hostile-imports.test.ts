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
import { collectSources, importBatch, type ImportSource } from '../../src/main/core/importers/batch'
import { htmlImporter } from '../../src/main/core/importers/html'
import { parseInProcess, type Parser } from '../../src/main/core/importers/parse'
import { rawRecords } from '../../src/main/core/importers/record-stream'
import { textImporter } from '../../src/main/core/importers/text'
import { isRecords } from '../../src/main/core/importers/types'
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
