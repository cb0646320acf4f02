import Database from 'better-sqlite3'
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectSources, displayNameOf, importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { FIXTURES, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

describe('import batches', () => {
  it('gives every file one result and lets no bad file stop the others', async () => {
    const src = tmpDir()
    copyFileSync(requireSample(), join(src, 'sample.txt'))
    copyFileSync(join(FIXTURES, 'articles/harbour-bridge.txt'), join(src, 'bridge.txt'))
    mkdirSync(join(src, 'sub'))
    copyFileSync(join(FIXTURES, 'articles/council-vote.md'), join(src, 'sub', 'council.md'))
    writeFileSync(join(src, 'empty.txt'), '')
    writeFileSync(join(src, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]))
    writeFileSync(join(src, 'page.pdf'), '%PDF-1.4\nthis is not really a PDF\n')
    writeFileSync(join(src, 'clip.mp4'), 'not imported')
    copyFileSync(requireSample(), join(src, 'zz-sample-copy.txt'))
    symlinkSync('/etc/passwd', join(src, 'passwd.txt'))
    writeFileSync(join(src, '.hidden.txt'), 'Hidden\n\nnot imported')

    const lib = Library.open(tmpDir())
    try {
      const { sources, problems } = await collectSources([src])
      const results = [...problems, ...(await importBatch(lib, sources))]
      const byName = Object.fromEntries(results.map((r) => [r.name.slice(src.length + 1), r]))
      expect(Object.keys(byName).sort()).toEqual(
        ['binary.txt', 'bridge.txt', 'clip.mp4', 'empty.txt', 'page.pdf', 'passwd.txt', 'zz-sample-copy.txt', 'sample.txt', 'sub/council.md'].sort()
      )
      expect(byName['sample.txt']).toMatchObject({ status: 'imported', title: SAMPLE_TITLE })
      expect(byName['bridge.txt']!.status).toBe('imported')
      expect(byName['sub/council.md']!.status).toBe('imported')
      expect(byName['zz-sample-copy.txt']).toMatchObject({ status: 'duplicate', articleId: byName['sample.txt']!.articleId })
      expect(byName['empty.txt']).toMatchObject({ status: 'failed', reason: 'empty file' })
      expect(byName['binary.txt']).toMatchObject({ status: 'failed', reason: 'binary file: named .txt but it is an executable (ELF)' })
      expect(byName['page.pdf']!.status).toBe('failed')
      expect(byName['page.pdf']!.reason).toMatch(/^invalid PDF/)
      expect(byName['clip.mp4']).toMatchObject({ status: 'skipped', reason: 'unsupported file type (.mp4)' })
      expect(byName['passwd.txt']).toMatchObject({ status: 'skipped', reason: 'symbolic link: not followed' })
      expect(lib.articles.count()).toBe(3)
      expect((Library.connection(lib).pragma('integrity_check', { simple: true }) as string)).toBe('ok')
    } finally {
      lib.close()
    }
  })

  it('reports a file that vanishes mid-batch and goes on with the rest', async () => {
    const src = tmpDir()
    writeFileSync(join(src, 'a.txt'), 'First\n\nAlpha body.')
    writeFileSync(join(src, 'b.txt'), 'Second\n\nBravo body.')
    writeFileSync(join(src, 'c.txt'), 'Third\n\nCharlie body.')
    const lib = Library.open(tmpDir())
    try {
      const { sources } = await collectSources([src])
      const results = await importBatch(lib, sources, {
        onProgress: ({ done }) => {
          if (done === 1) rmSync(join(src, 'b.txt'))
        }
      })
      expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'imported'])
      expect(results[1]!.reason).toBe('file vanished before it could be read')
    } finally {
      lib.close()
    }
  })

  it('stops at cancel and reports the rest as cancelled', async () => {
    const lib = Library.open(tmpDir())
    const controller = new AbortController()
    try {
      const files = ['One', 'Two', 'Three'].map((t) => ({ name: `${t}.txt`, bytes: new TextEncoder().encode(`${t}\n\n${t} body.`) }))
      const results = await importBatch(lib, files, {
        signal: controller.signal,
        onProgress: ({ done }) => done === 1 && controller.abort()
      })
      expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'skipped'])
      expect(results[2]!.reason).toMatch(/cancelled/)
    } finally {
      lib.close()
    }
  })

  it('sanitises display names: no paths, control or bidi-override characters', () => {
    expect(displayNameOf('../../etc/passwd')).toBe('passwd')
    expect(displayNameOf('C:\\Users\\x\\evil\u202Etxt.exe')).toBe('eviltxt.exe')
    expect(displayNameOf('line\nbreak.txt')).toBe('linebreak.txt')
    expect(displayNameOf('\u0000')).toBe('unnamed')
  })

  it('leaves the library consistent when the database refuses a write', async () => {
    const dir = tmpDir()
    const lib = Library.open(dir)
    try {
      // A trigger stands in for a failing disk: the second insert aborts inside its transaction.
      Library.connection(lib).exec(`CREATE TRIGGER fail_second BEFORE INSERT ON articles WHEN (SELECT count(*) FROM articles) >= 1
        BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`)
      const files = ['One', 'Two'].map((t) => ({ name: `${t}.txt`, bytes: new TextEncoder().encode(`${t}\n\n${t} body.`) }))
      const results = await importBatch(lib, files)
      expect(results.map((r) => r.status)).toEqual(['imported', 'failed'])
      expect(results[1]!.reason).toMatch(/disk I\/O error/)
    } finally {
      lib.close()
    }
    const check = new Database(join(dir, 'library.sqlite'), { readonly: true })
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(1)
    check.close()
  })
})

describe('import batches: metadata, near-duplicates and limits', () => {
  const para = (n: number): string =>
    `Paragraph ${n} of the wire story says the harbour authority approved the dredging plan after a long public inquiry into costs and wildlife.`

  it('links near-duplicates (the same wire story on two sites) and stores both', async () => {
    const lib = Library.open(tmpDir())
    try {
      const wire = Array.from({ length: 8 }, (_, i) => para(i + 1))
      const siteA = `Dredging plan approved\n\n${wire.join('\n\n')}`
      const siteB = `Harbour dredging gets green light\n\nBy the Coast Desk\n\n${wire.slice(0, 7).join('\n\n')}\n\nA local angle added by the second site about the fishing fleet and its worries.`
      const unrelated = `Ferry fares rise\n\n${'Fares on the island ferry go up by four percent in April because of fuel costs and new crew rules. '.repeat(5)}`
      const files = [siteA, siteB, unrelated].map((t, i) => ({ name: `${i}.txt`, bytes: new TextEncoder().encode(t) }))
      const [a, b, c] = await importBatch(lib, files)
      expect(a!.status).toBe('imported')
      expect(b!.status).toBe('imported')
      expect(b!.nearDuplicates).toEqual([a!.articleId])
      expect(c!.nearDuplicates).toEqual([])
      const linked = lib.articles.get(a!.articleId!)!.nearDuplicates
      expect(linked).toHaveLength(1)
      expect(linked[0]).toMatchObject({ id: b!.articleId, title: 'Harbour dredging gets green light' })
      expect(linked[0]!.similarity).toBeGreaterThan(0.5)
      // Deleting one article removes its links.
      lib.articles.delete([b!.articleId!])
      expect(lib.articles.get(a!.articleId!)!.nearDuplicates).toEqual([])
    } finally {
      lib.close()
    }
  })

  it('detects the language, counts words and, when asked, takes the outlet from the folder a file was found in', async () => {
    const src = tmpDir()
    mkdirSync(join(src, 'Kestrel Courier', '2025', '03'), { recursive: true })
    writeFileSync(
      // Date folders under the outlet's folder do not name the outlet.
      join(src, 'Kestrel Courier', '2025', '03', 'ru.txt'),
      'Заголовок статьи\n\nПрезидент заявил в четверг, что переговоры о мирном соглашении продолжатся на следующей неделе в столице.'
    )
    const lib = Library.open(tmpDir())
    try {
      const { sources } = await collectSources([src])
      const [r] = await importBatch(lib, sources, { folderOutlet: { from: 'subfolders' } })
      const a = lib.articles.get(r!.articleId!)!
      expect(a.language).toBe('ru')
      expect(a.outlet).toBe('Kestrel Courier')
      expect(a.wordCount).toBe(15)
      const sample = (await importBatch(lib, [{ name: 's.txt', path: requireSample() }]))[0]!
      expect(lib.articles.get(sample.articleId!)!.language).toBe('en')
    } finally {
      lib.close()
    }
  })

  it('imports batch files record by record, naming each record in its result', async () => {
    const lib = Library.open(tmpDir())
    try {
      const results = await importBatch(lib, [{ name: 'export.ndjson', path: join(FIXTURES, 'batches/export.ndjson') }])
      expect(results.map((r) => [r.name, r.status])).toEqual([
        ['export.ndjson (line 1)', 'imported'],
        ['export.ndjson (line 2)', 'failed'],
        ['export.ndjson (line 3)', 'imported']
      ])
      expect(results[1]!.reason).toMatch(/^invalid JSON/)
      expect(lib.articles.get(results[0]!.articleId!)!.sourceFormat).toBe('ndjson')
    } finally {
      lib.close()
    }
  })

  it('refuses a 60 MB single-line file as too large before reading it', async () => {
    const src = tmpDir()
    const big = join(src, 'huge.txt')
    writeFileSync(big, Buffer.alloc(60 * 1024 * 1024, 0x61))
    const lib = Library.open(tmpDir())
    try {
      const [r] = await importBatch(lib, [{ name: big, path: big }])
      expect(r).toMatchObject({ status: 'failed', reason: 'file too large: 60 MB, limit 50 MB' })
    } finally {
      lib.close()
    }
  })
})
