/** The real `parallax` command, run as users run it, against a temporary library. */
import { spawnSync } from 'node:child_process'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, FIXTURES, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

function parallax(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PARALLAX_LIBRARY: '' } })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('parallax CLI', () => {
  it('imports files and folders, one JSON result per file with --json', () => {
    const lib = tmpDir()
    const src = tmpDir()
    copyFileSync(requireSample(), join(src, 'sample.txt'))
    copyFileSync(join(FIXTURES, 'articles/harbour-bridge.txt'), join(src, 'bridge.txt'))
    writeFileSync(join(src, 'empty.txt'), '')
    const r = parallax('import', src, '--library', lib, '--json')
    expect(r.code).toBe(1) // one file failed
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(3)
    const byName = Object.fromEntries(lines.map((l) => [l.path.slice(src.length + 1), l]))
    expect(byName['sample.txt']).toMatchObject({ status: 'imported', title: SAMPLE_TITLE, reason: null })
    expect(byName['bridge.txt']).toMatchObject({ status: 'imported' })
    expect(byName['empty.txt']).toMatchObject({ status: 'failed', reason: 'empty file', articleId: null })

    const again = parallax('import', join(src, 'sample.txt'), '--library', lib)
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/duplicate\s+.*sample\.txt: same text as article #\d+/)
    expect(again.out).toContain('0 imported, 1 duplicate, 0 skipped, 0 failed')
  })

  it('lists (all, or --limit N) and shows articles, as text or JSON', () => {
    const lib = tmpDir()
    expect(parallax('list', '--library', lib).out).toMatch(/library is empty/)
    parallax('import', requireSample(), join(FIXTURES, 'articles'), '--library', lib)
    const list = JSON.parse(parallax('list', '--library', lib, '--json').out)
    expect(list).toHaveLength(3)
    expect(JSON.parse(parallax('list', '--library', lib, '--json', '--limit', '1').out)).toHaveLength(1)
    const text = parallax('list', '--library', lib, '--limit', '2').out
    expect(text).toContain('… 1 more (use --limit)')

    const sampleId = list.find((a: { title: string }) => a.title === SAMPLE_TITLE).id
    const shown = parallax('show', String(sampleId), '--library', lib)
    expect(shown.code).toBe(0)
    expect(shown.out.split('\n')[0]).toBe(SAMPLE_TITLE)
    expect(shown.out).toContain('2025-03-01')
    const json = JSON.parse(parallax('show', String(sampleId), '--library', lib, '--json').out)
    expect(json.text.split('\n\n')).toHaveLength(19)
  })

  it('compares, finds related coverage and groups stories from the command line', () => {
    const lib = tmpDir()
    const files = ['original.txt', 'rewrite.txt', 'unrelated.txt'].map((f) => join(FIXTURES, 'compare', f))
    const imported = parallax('import', ...files, '--library', lib, '--json').out.trim().split('\n').map((l) => JSON.parse(l).articleId)
    const c = JSON.parse(parallax('compare', String(imported[0]), String(imported[1]), '--library', lib, '--json').out)
    expect(c.articles.map((a: { id: number }) => a.id)).toEqual(imported.slice(0, 2))
    expect(c.pairs).toHaveLength(8)
    expect(c.articles[0].sentences[6]).toMatchObject({ alignment: 'reworded', text: 'The bridge opened in 1924 and was last renovated 76 years ago.' })
    expect(c.quotes[0].carriers.map((k: { verbatim: boolean }) => k.verbatim)).toEqual([true, false])
    const md = parallax('compare', String(imported[0]), String(imported[1]), '--library', lib, '--format', 'markdown').out
    expect(md).toMatch(/^# Coverage comparison/)
    const related = JSON.parse(parallax('related', String(imported[0]), '--library', lib, '--json').out)
    expect(related[0]).toMatchObject({ id: imported[1], nearDuplicate: false })
    expect(related.map((r: { id: number }) => r.id)).not.toContain(imported[2])
    const stories = JSON.parse(parallax('stories', '--library', lib, '--json').out)
    expect(stories.map((s: { articles: { id: number }[] }) => s.articles.map((a) => a.id).sort())).toEqual([[imported[0], imported[1]].sort()])
    expect(parallax('compare', String(imported[0]), '--library', lib).err).toMatch(/compare needs 2 to 6 article ids/)
  })

  it('imports a second version of an article and lists its versions', { timeout: 60_000 }, () => {
    const lib = tmpDir()
    const src = tmpDir()
    const body = 'The ferry to Kestrel Island runs again from Monday.\n\nThe pier was repaired over the winter.'
    writeFileSync(join(src, 'first.txt'), `Ferry runs again\n\n${body}`)
    writeFileSync(join(src, 'second.txt'), `Island ferry back after winter repairs\n\n${body}`)
    expect(parallax('import', join(src, 'first.txt'), '--library', lib).code).toBe(0)
    const second = parallax('import', join(src, 'second.txt'), '--library', lib)
    expect(second.out).toContain('imported   #1  Island ferry back after winter repairs  (new version 2 of article #1 “Ferry runs again”: headline changed)')
    const text = parallax('versions', '1', '--library', lib).out
    expect(text).toMatch(/^ {3}1 {2}Ferry runs again {2}\(imported \d{4}-\d\d-\d\d \d\d:\d\d\)\n {3}2 {2}Island ferry back after winter repairs {2}\(imported .+, current\)\n$/)
    const json = JSON.parse(parallax('versions', '1', '--library', lib, '--json').out)
    expect(json.map((v: { number: number; current: boolean }) => [v.number, v.current])).toEqual([[1, false], [2, true]])
    expect(parallax('versions', '7', '--library', lib)).toMatchObject({ code: 1, err: expect.stringContaining('There is no article #7') })
  })

  it('fails clearly on bad input, never with a stack trace', () => {
    const lib = tmpDir()
    const missing = parallax('show', '42', '--library', lib)
    expect(missing.code).toBe(1)
    expect(missing.err).toBe('parallax: There is no article #42 in this library.\n')
    const bad = parallax('show', 'abc', '--library', lib)
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/id must be a positive whole number, not "abc"/)
    expect(parallax('frobnicate', '--library', lib).err).toMatch(/unknown command "frobnicate"/)
    expect(parallax('list', '--bogus').err).toMatch(/Unknown option '--bogus'/)
    const notLib = tmpDir()
    writeFileSync(join(notLib, 'library.sqlite'), 'not a database '.repeat(100))
    const broken = parallax('list', '--library', notLib)
    expect(broken.code).toBe(1)
    expect(broken.err).toMatch(/^parallax: .*library\.sqlite/)
    expect(broken.err).not.toMatch(/at .*\.js:\d+/)
  })
})

describe('parallax backup and restore', () => {
  it('backs up a library, restores it after a change, keeps the replaced one aside, and refuses a bad backup', () => {
    const lib = tmpDir()
    const out = tmpDir()
    parallax('import', requireSample(), '--library', lib)
    const file = join(out, 'backup.sqlite')
    expect(parallax('backup', file, '--library', lib).out).toMatch(/^Backed up 1 articles to /)
    expect(parallax('backup', file, '--library', lib).err).toMatch(/already exists/)
    parallax('import', join(FIXTURES, 'articles'), '--library', lib)
    expect(JSON.parse(parallax('list', '--library', lib, '--json').out)).toHaveLength(3)
    const restored = JSON.parse(parallax('restore', file, '--library', lib, '--json').out)
    expect(restored.restored).toBe(1)
    expect(restored.previous).toMatch(/library-before-restore-.*\.sqlite$/)
    const list = JSON.parse(parallax('list', '--library', lib, '--json').out)
    expect(list.map((a: { title: string }) => a.title)).toEqual([SAMPLE_TITLE])
    // The restored library is searchable: its index came along.
    expect(JSON.parse(parallax('search', 'Kallas', '--library', lib, '--json').out).total).toBe(1)
    const junk = join(out, 'junk.sqlite')
    writeFileSync(junk, 'not a database '.repeat(100))
    const bad = parallax('restore', junk, '--library', lib)
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/^parallax: /)
    expect(JSON.parse(parallax('list', '--library', lib, '--json').out)).toHaveLength(1)
  }, 90_000) // ten real commands; on the shared two-core machines each can take several seconds
})

describe('parallax import of batch files and hostile metadata', () => {
  // eslint-disable-next-line no-control-regex
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

  it('prints one JSON line per record of a batch file, not only the last', () => {
    const lib = tmpDir()
    const src = tmpDir()
    const records = [
      { title: 'First record', text: 'The first record of the export has enough words to be an article.' },
      { title: 'Second record', text: '' },
      { title: 'Third record', text: 'The third record of the export is an article about something else entirely.' }
    ]
    writeFileSync(join(src, 'export.ndjson'), records.map((r) => JSON.stringify(r)).join('\n'))
    const r = parallax('import', join(src, 'export.ndjson'), '--library', lib, '--json')
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => [l.path.slice(src.length + 1), l.status])).toEqual([
      ['export.ndjson (line 1)', 'imported'],
      ['export.ndjson (line 2)', 'failed'],
      ['export.ndjson (line 3)', 'imported']
    ])
    expect(r.code).toBe(1)
  })

  it('escapes control characters from files in list, show, search and the import summary', { timeout: 60_000 }, () => {
    const lib = tmpDir()
    const src = tmpDir()
    const hostile = '\u001b]0;owned\u0007\u001b[2J\u009b31m'
    const record = { title: `Harbour ${hostile} title`, outlet: `Quay${hostile}Times`, author: `A${hostile}`, text: `Harbour bridge repairs begin ${hostile} next week, the council said on Monday.` }
    writeFileSync(join(src, 'records.json'), JSON.stringify([record]))
    const badName = join(src, 'bad\u001b[2Jname.txt')
    writeFileSync(badName, '')
    const imported = parallax('import', src, '--library', lib)
    expect(imported.out).toContain('bad\\x1b[2Jname.txt: empty file')
    const outputs = [
      imported.out,
      parallax('list', '--library', lib).out,
      parallax('show', '1', '--library', lib).out,
      parallax('search', 'harbour', '--library', lib).out,
      parallax('search', 'harbour', '--library', lib, '--json').out
    ]
    for (const out of outputs) {
      expect(out).toMatch(/[Hh]arbour/)
      expect(out).not.toMatch(RAW_CONTROL)
    }
  })
})
