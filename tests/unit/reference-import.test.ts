/**
 * Reference libraries in: BibTeX, RIS and CSL-JSON exports as articles, attached files read as
 * their text from inside the export's folder only, metadata-only entries searchable, and the
 * hostile cases (malformed entries, path traversal, links out of the folder, many records).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { attachmentInBatch, attachmentOf } from '../../src/main/core/importers/attachments'
import { tmpDir } from '../helpers/tmp'

const BODY = 'The harbour bridge will close for three weeks of repairs, the council said on Friday, after engineers found corrosion in two of its cables. Ferries will run every twenty minutes.'

const ZOTERO_BIB = `@article{doe_harbour_2025,
	title = {Harbour bridge to close for repairs},
	url = {https://example.org/harbour},
	language = {en},
	urldate = {2025-03-04},
	journal = {The Kestrel Courier},
	author = {Doe, Jane and M{\\"u}ller, Hans},
	month = mar,
	year = {2025},
	file = {Full Text:files/12/harbour.txt:text/plain},
}

@article{lee_ferry_2025,
	title = {Ferry timetable changes after closure},
	journal = {Quay Times},
	author = {Lee, Ann},
	date = {2025-03-05},
}
`
const ZOTERO_RIS = `TY  - NEWS
TI  - Harbour bridge to close for repairs
AU  - Doe, Jane
AU  - Smith, John
T2  - The Kestrel Courier
DA  - 2025/03/01/
PY  - 2025
UR  - https://example.org/harbour
Y2  - 2025/03/04/
LA  - en
L1  - files/12/harbour.txt
ER  - 

TY  - MGZN
TI  - The long road to the bridge
AU  - Lee, Ann
T2  - Wochen Magazine
DA  - 2025/03/02/
ER  - 
`

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})
const open = (): ((m: string, a: unknown) => Promise<any>) => {
  core = openCore(tmpDir())
  return async (method, args) => {
    // As the CLI calls it: a local caller may name files by path.
    const r = await dispatch(core!.service, method as never, args, { local: true })
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.result
  }
}
const b64 = (s: string): string => Buffer.from(s).toString('base64')

/** An export folder as Zotero writes it: the export, and files/<id>/<name> beside it. */
function exportFolder(name: string, content: string): string {
  const dir = join(tmpDir(), 'My Library')
  mkdirSync(join(dir, 'files', '12'), { recursive: true })
  writeFileSync(join(dir, name), content)
  writeFileSync(join(dir, 'files', '12', 'harbour.txt'), `Harbour bridge to close\n\n${BODY}\n`)
  return dir
}

describe('reference-library exports', () => {
  it('BibTeX: an entry with its attached file gets its text; one without is a searchable metadata-only entry', async () => {
    const call = open()
    const dir = exportFolder('My Library.bib', ZOTERO_BIB)
    const { results } = await call('import.paths', { jobId: 'b', paths: [dir] })
    expect(results.map((r: any) => [r.status, r.title])).toEqual([
      ['imported', 'Harbour bridge to close for repairs'],
      ['imported', 'Ferry timetable changes after closure'],
      ['skipped', null]
    ])
    expect(results[2].reason).toMatch(/^imported as the text of .*My Library\.bib \(entry 1 \(doe_harbour_2025\)\)$/)
    const harbour = await call('articles.get', { id: results[0].articleId })
    expect(harbour).toMatchObject({ author: 'Jane Doe and Hans Müller', outlet: 'The Kestrel Courier', publishedAt: '2025-03', url: 'https://example.org/harbour', language: 'en', sourceFormat: 'bibtex' })
    expect(harbour.text).toContain('Ferries will run every twenty minutes.')
    expect(harbour.warnings).toContain('text from its attached file files/12/harbour.txt')
    const ferry = await call('articles.get', { id: results[1].articleId })
    expect(ferry).toMatchObject({ text: '', wordCount: 0, author: 'Ann Lee', outlet: 'Quay Times', publishedAt: '2025-03-05' })
    expect(ferry.warnings[0]).toMatch(/^metadata only/)
    const hits = await call('search.query', { q: 'timetable' })
    expect(hits.hits.map((h: any) => h.id)).toEqual([ferry.id])
    // The same export again adds nothing, metadata-only entries included.
    const again = await call('import.paths', { jobId: 'b2', paths: [join(dir, 'My Library.bib')] })
    expect(again.results.map((r: any) => r.status)).toEqual(['duplicate', 'duplicate'])
  })

  it('RIS: Zotero newspaper records keep their authors and full date; L1 is read as the text', async () => {
    const call = open()
    const dir = exportFolder('export.ris', ZOTERO_RIS)
    const { results } = await call('import.paths', { jobId: 'r', paths: [join(dir, 'export.ris')] })
    expect(results.map((r: any) => r.status)).toEqual(['imported', 'imported'])
    const news = await call('articles.get', { id: results[0].articleId })
    expect(news).toMatchObject({ title: 'Harbour bridge to close for repairs', author: 'Jane Doe and John Smith', outlet: 'The Kestrel Courier', publishedAt: '2025-03-01', language: 'en', sourceFormat: 'ris' })
    expect(news.text).toContain('corrosion in two of its cables')
    const mag = await call('articles.get', { id: results[1].articleId })
    expect(mag).toMatchObject({ author: 'Ann Lee', outlet: 'Wochen Magazine', publishedAt: '2025-03-02', text: '' })
  })

  it('CSL-JSON is told from an article JSON export by its shape; article records still import as before', async () => {
    const call = open()
    const csl = [{ id: 'x', type: 'article-newspaper', title: 'Bridge reopens', 'container-title': 'Quay Times', author: [{ family: 'Lee', given: 'Ann' }], issued: { 'date-parts': [[2025, 4, 2]] }, URL: 'https://example.org/reopens', language: 'en-GB' }]
    const articles = [{ type: 'article', title: 'Bridge reopens to traffic', text: BODY, source: 'Quay Times' }]
    const { results } = await call('import.files', { jobId: 'j', files: [{ name: 'zotero.json', data: b64(JSON.stringify(csl)) }, { name: 'feed.json', data: b64(JSON.stringify(articles)) }] })
    expect(results.map((r: any) => r.status)).toEqual(['imported', 'imported'])
    const entry = await call('articles.get', { id: results[0].articleId })
    expect(entry).toMatchObject({ title: 'Bridge reopens', author: 'Ann Lee', outlet: 'Quay Times', publishedAt: '2025-04-02', url: 'https://example.org/reopens', language: 'en', text: '', sourceFormat: 'json' })
    const article = await call('articles.get', { id: results[1].articleId })
    expect(article).toMatchObject({ outlet: 'Quay Times', text: BODY })
  })

  it('an upload of the export with its folder reads the attached file from the same upload', async () => {
    const call = open()
    const files = [
      { name: 'Lib/files/12/harbour.txt', data: b64(`Harbour bridge to close\n\n${BODY}\n`) },
      { name: 'Lib/export.ris', data: b64(ZOTERO_RIS) }
    ]
    const { results } = await call('import.files', { jobId: 'u', files })
    expect(results.map((r: any) => r.status)).toEqual(['imported', 'imported', 'skipped'])
    expect((await call('articles.get', { id: results[0].articleId })).text).toContain('Ferries will run')
  })
})

describe('a metadata-only entry receives its file later', () => {
  it('takes the text of a file (metadata kept), and refuses one for an article that has text or a duplicate text', async () => {
    const call = open()
    const { results } = await call('import.files', { jobId: 'a', files: [{ name: 'x.ris', data: b64(ZOTERO_RIS.split('\n\n')[1]!) }, { name: 'other.txt', data: b64(`Other story\n\nA different article about the council budget and its many line items, read in full here.\n`) }] })
    const [entry, other] = results.map((r: any) => r.articleId)
    const file = { name: 'road.txt', data: b64(`The long road\n\n${BODY}\n`) }
    const filled = await call('articles.attachFile', { id: entry, file })
    expect(filled).toMatchObject({ title: 'The long road to the bridge', author: 'Ann Lee', outlet: 'Wochen Magazine', publishedAt: '2025-03-02' })
    expect(filled.text).toContain('Ferries will run')
    expect(filled.wordCount).toBeGreaterThan(20)
    expect(filled.warnings).toContain('text from road.txt')
    expect((await call('search.query', { q: 'corrosion' })).hits.map((h: any) => h.id)).toEqual([entry])
    const again = await dispatch(core!.service, 'articles.attachFile', { id: entry, file })
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'id' } })
    const withText = await dispatch(core!.service, 'articles.attachFile', { id: other, file })
    expect(withText).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'id' } })
    const { results: more } = await call('import.files', { jobId: 'a2', files: [{ name: 'y.ris', data: b64('TY  - NEWS\nTI  - Another record\nT2  - Quay Times\nER  - \n') }] })
    const dup = await dispatch(core!.service, 'articles.attachFile', { id: more[0].articleId, file })
    expect(dup).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'file', message: expect.stringContaining(`same text as article #${entry}`) } })
    const png = await dispatch(core!.service, 'articles.attachFile', { id: more[0].articleId, file: { name: 'scan.txt', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]).toString('base64') } })
    expect(png).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: 'scan.txt: binary file: named .txt but it is a PNG image' } })
  })
})

describe('hostile reference exports', () => {
  it('a malformed BibTeX entry fails alone; the entries around it import (with @string macros)', async () => {
    const call = open()
    const bib = `@string{kc = {The Kestrel Courier}}\n@article{ok1, title = {First}, journal = kc, year = {2025}}\n@article{broken, title = {never closed\n@article{ok2, title = {Second}, journal = kc, year = {2025}}\n`
    const { results } = await call('import.files', { jobId: 'm', files: [{ name: 'bad.bib', data: b64(bib) }] })
    expect(results.map((r: any) => r.status)).toEqual(['imported', 'failed', 'imported'])
    expect(results[1].reason).toMatch(/^malformed BibTeX entry “@article\{broken/)
    expect((await call('articles.get', { id: results[2].articleId })).outlet).toBe('The Kestrel Courier')
    const none = await call('import.files', { jobId: 'm2', files: [{ name: 'x.bib', data: b64('just text, no entries') }, { name: 'y.ris', data: b64('hello') }, { name: 'z.bib', data: b64(`@article{a, title={${'{'.repeat(20000)}}}`) }] })
    expect(none.results.map((r: any) => [r.status, r.reason])).toEqual([
      ['failed', 'not a BibTeX file: no @entry{…} found'],
      ['failed', 'not a RIS file: no "TY  - " record found'],
      ['failed', expect.stringMatching(/^malformed BibTeX entry/)]
    ])
  })

  it('an attached file outside the export folder (.., absolute, symbolic link) is never read', async () => {
    const call = open()
    const root = tmpDir()
    const dir = join(root, 'export')
    mkdirSync(dir)
    writeFileSync(join(root, 'secret.txt'), `Secret\n\n${BODY} SECRET-MARKER\n`)
    symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'))
    const ris = ['../secret.txt', join(root, 'secret.txt'), 'link.txt', 'missing.txt'].map((p, i) => `TY  - NEWS\nTI  - Record ${i}\nT2  - Quay Times\nL1  - ${p}\nER  - \n`).join('\n')
    writeFileSync(join(dir, 'export.ris'), ris)
    const { results } = await call('import.paths', { jobId: 'h', paths: [join(dir, 'export.ris')] })
    expect(results.map((r: any) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported'])
    const warnings = await Promise.all(results.map(async (r: any) => (await call('articles.get', { id: r.articleId })) as { text: string; warnings: string[] }))
    expect(warnings.map((a) => a.text)).toEqual(['', '', '', ''])
    expect(warnings.map((a) => a.warnings[0])).toEqual([
      "metadata only: its attached file ../secret.txt is outside the export's folder (not read)",
      `metadata only: its attached file ${join(root, 'secret.txt')} is outside the export's folder (not read)`,
      "metadata only: its attached file link.txt leads outside the export's folder (not read)",
      'metadata only: its attached file missing.txt was not found beside the export'
    ])
    expect((await call('search.query', { q: 'SECRET-MARKER' })).total).toBe(0)
  })

  it('uploaded names cannot climb out of the export folder either', () => {
    expect(attachmentInBatch('Lib/export.ris', 'files/1/a.pdf')).toEqual({ name: 'Lib/files/1/a.pdf' })
    expect(attachmentInBatch('Lib/export.ris', '../other/a.pdf')).toMatchObject({ refused: expect.any(String) })
    expect(attachmentInBatch('export.ris', '../a.pdf')).toMatchObject({ refused: expect.any(String) })
    expect(attachmentInBatch('export.ris', '/etc/a.txt')).toMatchObject({ refused: expect.any(String) })
  })

  it("reads Zotero's, Mendeley's and Better BibTeX's file fields, skipping what it cannot import", () => {
    expect(attachmentOf('Full Text PDF:files/12/a.pdf:application/pdf')).toBe('files/12/a.pdf')
    expect(attachmentOf('Snapshot:files/3/s.png:image/png;Full Text:files/3/a.html:text/html')).toBe('files/3/a.html')
    expect(attachmentOf(':C\\:/Users/x/a.pdf:pdf')).toBe('C:/Users/x/a.pdf')
    expect(attachmentOf('files/9/a.docx')).toBe('files/9/a.docx')
    expect(attachmentOf(['file:///home/x/a.pdf'])).toBe('/home/x/a.pdf')
    expect(attachmentOf('x:files/other.bib:text/x-bibtex')).toBeUndefined()
  })

  it('an export of many records imports record by record', async () => {
    const call = open()
    const ris = Array.from({ length: 2000 }, (_, i) => `TY  - NEWS\nTI  - Council notice ${i}\nAU  - Doe, Jane\nT2  - Quay Times\nDA  - 2025/03/01/\nER  - \n`).join('\n')
    const { results } = await call('import.files', { jobId: 'big', files: [{ name: 'big.ris', data: b64(ris) }] })
    expect(results).toHaveLength(2000)
    expect(results.every((r: any) => r.status === 'imported')).toBe(true)
    expect((await call('library.info', {})).articleCount).toBe(2000)
  })
})
