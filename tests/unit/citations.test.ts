/**
 * Citations out: a collection exported as CSL-JSON, BibTeX and RIS, read back by Citation.js field
 * for field, in Zotero's conventions; APA and Chicago references of a known article.
 */
import { Cite, plugins, type CslItem } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import { parse as parseName } from '@citation-js/name'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { bylineParts } from '../../src/main/core/cite/names'
import { tmpDir } from '../helpers/tmp'

const BODY = 'The harbour bridge will close for three weeks of repairs, the council said on Friday, after engineers found corrosion in two of its cables.'
const RECORDS = [
  { title: 'Harbour bridge to close for repairs', text: BODY, author: 'Jane Doe and John Smith', outlet: 'The Kestrel Courier', date: '2025-03-01', url: 'https://example.org/harbour', language: 'en' },
  { title: 'Die Brücke wird gesperrt', text: `${BODY} Auf Deutsch berichtet.`, author: 'Hans Müller', outlet: 'Wochen Magazine', date: '2025-03-02', url: 'https://example.org/bruecke', language: 'de' },
  { title: 'Bridge closure: what we know', text: `${BODY} A live page.`, author: 'Reuters', outlet: null, date: '2025-03-03', url: 'https://example.org/live', language: 'en' }
]

let core: Core
let ids: number[]
let collection: number
const call = async (method: string, args: unknown): Promise<any> => {
  const r = await dispatch(core.service, method as never, args)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.result
}
const exported = async (format: string): Promise<string> => (await call('citations.export', { collection, format })).content

beforeAll(async () => {
  core = openCore(tmpDir())
  const data = Buffer.from(JSON.stringify(RECORDS)).toString('base64')
  const { results } = await call('import.files', { jobId: 'c', files: [{ name: 'export.json', data }] })
  ids = results.map((r: { articleId: number }) => r.articleId)
  collection = (await call('collections.create', { name: 'Bridge coverage' })).id
  await call('collections.add', { id: collection, articleIds: ids })
})
afterAll(async () => core.close())

/** What a citation must carry of each article, as CSL-JSON. */
function expectFields(items: CslItem[], names: (item: CslItem) => unknown = (i) => i.author): void {
  expect(items).toHaveLength(3)
  const [harbour, bruecke, live] = items
  expect(harbour).toMatchObject({ title: RECORDS[0]!.title, 'container-title': 'The Kestrel Courier', URL: 'https://example.org/harbour', language: 'en' })
  expect(names(harbour!)).toEqual([{ family: 'Doe', given: 'Jane' }, { family: 'Smith', given: 'John' }])
  expect(harbour!.issued?.['date-parts']).toEqual([[2025, 3, 1]])
  expect(harbour!.accessed?.['date-parts']?.[0]).toHaveLength(3)
  expect(bruecke).toMatchObject({ title: 'Die Brücke wird gesperrt', 'container-title': 'Wochen Magazine', language: 'de' })
  expect(names(bruecke!)).toEqual([{ family: 'Müller', given: 'Hans' }])
  expect(live).toMatchObject({ title: RECORDS[2]!.title, URL: 'https://example.org/live' })
  expect(live!.issued?.['date-parts']).toEqual([[2025, 3, 3]])
}

describe('citations.export', () => {
  it('CSL-JSON: newspaper, magazine and web page items Citation.js reads as they are', async () => {
    const text = await exported('csl-json')
    const items = new Cite(JSON.parse(text)).data
    expectFields(items)
    expect(items.map((i) => i.type)).toEqual(['article-newspaper', 'article-magazine', 'webpage'])
    expect(items[2]!.author).toEqual([{ literal: 'Reuters' }])
  })

  it('BibTeX as Zotero writes it (@article with journal, urldate, language) reads back field for field', async () => {
    const bib = await exported('bibtex')
    expect(bib).toMatch(/^@article\{/m)
    expect(bib).toContain('journal = {The Kestrel Courier}')
    expect(bib).toMatch(/urldate = \{\d{4}-\d{2}-\d{2}\}/)
    expect(bib).toContain('language = {de}')
    expect(bib).toMatch(/^@misc\{/m)
    const items = plugins.input.chain(bib, { forceType: '@biblatex/text', generateGraph: false })
    expectFields(items)
  })

  it('RIS as Zotero writes a newspaper article (TY NEWS, AU, DA, T2, UR, Y2, LA) reads back field for field', async () => {
    const ris = await exported('ris')
    const first = ris.split(/^ER {2}- *$/m)[0]!
    for (const tag of ['TY  - NEWS', 'AU  - Doe, Jane', 'AU  - Smith, John', 'DA  - 2025/3/1/', 'PY  - 2025', 'T2  - The Kestrel Courier', 'UR  - https://example.org/harbour', 'LA  - en']) expect(first).toContain(tag)
    expect(first).toMatch(/^Y2 {2}- \d{4}\/\d{1,2}\/\d{1,2}\/$/m)
    expect(ris).toContain('TY  - MGZN')
    expect(ris).toContain('TY  - ELEC')
    // Citation.js reads NEWS by the RIS specification: AU as "reporter", the date from PY alone.
    const items = (plugins.input.chainLink(ris, { forceType: '@ris/file' }) as Record<string, unknown>[]).map(
      (r) => plugins.input.chain(r.TY === 'NEWS' ? { ...r, TY: 'MGZN' } : r, { forceType: '@ris/record', generateGraph: false })[0]!
    )
    expectFields(items)
    const strict = plugins.input.chain(ris, { forceType: '@ris/file', generateGraph: false })
    expect(strict[0]).toMatchObject({ type: 'article-newspaper', title: RECORDS[0]!.title, 'container-title': 'The Kestrel Courier', URL: 'https://example.org/harbour', language: 'en' })
    expect([strict[0]!.reporter].flat().map((n) => parseName(String(n)))).toEqual([{ family: 'Doe', given: 'Jane' }, { family: 'Smith', given: 'John' }])
  })

  it('APA and Chicago author-date references of a known article', async () => {
    const apa = (await call('citations.export', { ids: [ids[0]], format: 'apa' })).content.trim()
    expect(apa).toBe('Doe, J., & Smith, J. (2025, March 1). Harbour bridge to close for repairs. The Kestrel Courier. https://example.org/harbour')
    const chicago = (await call('citations.export', { ids: [ids[0]], format: 'chicago' })).content.trim()
    expect(chicago).toBe('Doe, Jane, and John Smith. 2025. “Harbour Bridge to Close for Repairs.” The Kestrel Courier, March 1, 2025. https://example.org/harbour.')
  })

  it('names the file after the collection, keeps a selection in its order, refuses unknown ids', async () => {
    const file = await call('citations.export', { collection, format: 'bibtex' })
    expect(file).toMatchObject({ fileName: 'bridge-coverage.bib', mime: 'application/x-bibtex', count: 3 })
    const two = JSON.parse((await call('citations.export', { ids: [ids[2], ids[0]], format: 'csl-json' })).content)
    expect(two.map((i: CslItem) => i.title)).toEqual([RECORDS[2]!.title, RECORDS[0]!.title])
    expect(await dispatch(core.service, 'citations.export', { ids: [999], format: 'apa' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'ids' } })
    expect(await dispatch(core.service, 'citations.export', { ids: [1], collection, format: 'apa' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(await dispatch(core.service, 'citations.export', { ids: [1], format: 'mla' })).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'format' } })
  })

  it("a note's export carries its article's references", async () => {
    const text = (await call('articles.get', { id: ids[0] })).text as string
    await call('notes.create', { articleId: ids[0], start: 0, end: 16, color: 'yellow', body: 'check' })
    const md = (await call('notes.export', { articleId: ids[0] })).content
    expect(md).toContain(`> ${text.slice(0, 16)}`)
    // Escaped like every text from the library in a Markdown export (&amp; renders as &).
    expect(md).toContain('Cite as (APA): Doe, J., &amp; Smith, J. (2025, March 1).')
    expect(md).toContain('Cite as (Chicago): Doe, Jane, and John Smith. 2025.')
  })
})

describe('bylines as names', () => {
  it('splits at "and", ";" and commas between full names, keeps "Doe, Jane" whole', () => {
    expect(bylineParts('Jane Doe and John Smith')).toEqual(['Jane Doe', 'John Smith'])
    expect(bylineParts('Jane Doe, John Smith, Ann Lee')).toEqual(['Jane Doe', 'John Smith', 'Ann Lee'])
    expect(bylineParts('Doe, Jane; Smith, John')).toEqual(['Doe, Jane', 'Smith, John'])
    expect(bylineParts('Doe, Jane')).toEqual(['Doe, Jane'])
  })
})
