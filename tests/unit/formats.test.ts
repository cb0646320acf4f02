/** Each importer on fixtures written for it, and on the broken and hostile inputs it must survive. */
import JSZip from 'jszip'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docxImporter } from '../../src/main/core/importers/docx'
import { emlImporter } from '../../src/main/core/importers/eml'
import { htmlImporter } from '../../src/main/core/importers/html'
import { pdfImporter } from '../../src/main/core/importers/pdf'
import { csvImporter, jsonImporter, ndjsonImporter } from '../../src/main/core/importers/records'
import type { ParsedArticle } from '../../src/main/core/importers/types'
import { one, records } from '../helpers/importers'
import { FIXTURES } from '../helpers/paths'
import { makePdf } from '../helpers/pdf'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const fixture = (p: string): Uint8Array => readFileSync(join(FIXTURES, p))

describe('HTML pages', () => {
  it('extracts the article with Readability and the metadata from meta tags and JSON-LD', async () => {
    const a = await one(htmlImporter, 'story.html', fixture('pages/wire-story.html'))
    expect(a.title).toBe('Harbour bridge reopens after three-year repair')
    expect(a.author).toBe('Ines Duarte')
    expect(a.outlet).toBe('Kestrel Courier')
    expect(a.publishedAt).toBe('2024-06-03T09:30:00+01:00')
    expect(a.url).toBe('https://courier.example/news/harbour-bridge-reopens')
    expect(a.language).toBe('en')
    const paras = a.text.split('\n\n')
    expect(paras[0]).toMatch(/^The Kestrel Harbour bridge reopened/)
    expect(paras.at(-1)).toMatch(/welcomed the reopening\.$/)
    // Navigation, ads, comments, footer and scripts are not part of the article.
    for (const junk of ['Weather', 'SPONSORED', 'First!', 'My cousin', 'All rights reserved', 'tracking', 'alert', 'hacked']) {
      expect(a.text).not.toContain(junk)
    }
  })

  it('keeps no scripts, handlers, iframes or javascript: links, only words', async () => {
    const html = `<html><head><title>Payloads</title><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/"></head><body>
      <p>Real paragraph one with enough words to count as the text of a short article about nothing.</p>
      <script src="https://evil.example/x.js"></script><svg><script>alert(1)</script><animate onbegin="alert(2)"/></svg>
      <p><a href="jav&#x09;ascript:alert(3)">a link</a> and <img src=x onerror="alert(4)"> and <iframe srcdoc="<script>alert(5)</script>"></iframe></p>
      <math><mtext><table><mglyph><style><img src=x onerror=alert(6)></style></mglyph></table></mtext></math>
      <p style="background:url(javascript:alert(7))">Real paragraph two, still plain text, and nothing in it may run anywhere.</p></body></html>`
    const a = await one(htmlImporter, 'payloads.html', enc(html))
    expect(a.text).toContain('Real paragraph one')
    expect(a.text).toContain('Real paragraph two')
    expect(a.text).not.toMatch(/<|alert\(|javascript:|onerror|onbegin/)
  })

  it('decodes a page that declares UTF-8 but is Windows-1252, and one that declares its charset', async () => {
    const body = '<p>Caf\xe9 owners said \x93no\x94 to the plan \x96 twice, and the council said it again and again and again.</p>'
    const lying = Buffer.from(`<html><head><meta charset="utf-8"><title>Caf\xe9 row</title></head><body>${body}</body></html>`, 'latin1')
    const a = await one(htmlImporter, 'a.html', lying)
    expect(a.title).toBe('Café row')
    expect(a.text).toContain('Café owners said “no” to the plan – twice')
    const honest = Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>T</title></head><body>${body}</body></html>`, 'latin1')
    expect((await one(htmlImporter, 'b.html', honest)).text).toContain('“no”')
  })

  it('survives 10,000 nested <div>s', async () => {
    const deep = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(10_000)}<p>Deep inside, a sentence long enough to be kept as the article text here.</p>${'</div>'.repeat(10_000)}</body></html>`
    const a = await one(htmlImporter, 'deep.html', enc(deep))
    expect(a.text).toContain('Deep inside')
  })

  it('fails clearly on a page with no text', async () => {
    await expect(one(htmlImporter, 'e.html', enc('<html><body><nav><a href="/">Home</a></nav></body></html>'))).rejects.toThrow(/no article text found/)
  })
})

describe('PDF', () => {
  it('reads the text layer into paragraphs, with title, author and date from the document info', async () => {
    const pdf = makePdf(
      [
        ['Night buses stay, council decides', '', 'The city council voted 14 to 9 on Tuesday to keep', 'the night bus network running through 2026.', '', 'Supporters said the service is a lifeline.'],
        ['Route N5 will be reviewed in spring.']
      ],
      { author: 'Tomas Reyes', created: '2024-11-05' }
    )
    const a = await one(pdfImporter, 'buses.pdf', pdf)
    expect(a.title).toBe('Night buses stay, council decides')
    expect(a.author).toBe('Tomas Reyes')
    expect(a.publishedAt).toBe('2024-11-05')
    expect(a.text.split('\n\n')).toEqual([
      'The city council voted 14 to 9 on Tuesday to keep the night bus network running through 2026.',
      'Supporters said the service is a lifeline.',
      'Route N5 will be reviewed in spring.'
    ])
  })

  it('reads a one-paragraph PDF without document info: the first line is the title', async () => {
    const a = await one(pdfImporter, 'memo.pdf', makePdf([['Budget memo', '', 'The council will cut the night bus budget by a third.']]))
    expect(a.title).toBe('Budget memo')
    expect(a.text).toBe('The council will cut the night bus budget by a third.')
  })

  it('hands a scan (a page without text) to OCR, and fails with the reason for a password-protected file and a broken one', async () => {
    expect(await pdfImporter.parse({ name: 'scan.pdf', bytes: makePdf([[], []]) })).toEqual({ ocr: { kind: 'pdf', pages: 2, warnings: [] } })
    expect(await pdfImporter.parse({ name: 'mixed.pdf', bytes: makePdf([['Title', '', 'Body text here.'], []]) })).toEqual({ ocr: { kind: 'pdf', pages: 2, warnings: [] } })
    await expect(one(pdfImporter, 'locked.pdf', fixture('pdf/password-protected.pdf'))).rejects.toThrow('PDF is password-protected')
    const truncated = makePdf([['Title', '', 'Body text here.']]).subarray(0, 200)
    await expect(one(pdfImporter, 'cut.pdf', truncated)).rejects.toThrow(/^invalid PDF/)
    await expect(one(pdfImporter, 'fake.pdf', enc('hello, not a pdf'))).rejects.toThrow('invalid PDF: no %PDF header')
  })
})

async function docx(paragraphs: string[], core?: string, extra?: (zip: JSZip) => void): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('')
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`)
  if (core) zip.file('docProps/core.xml', core)
  extra?.(zip)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

describe('DOCX', () => {
  it('reads paragraphs with mammoth and metadata from docProps/core.xml', async () => {
    const core = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Tram line extension approved</dc:title><dc:creator>Ana P&amp;rez</dc:creator><dcterms:created>2024-05-10T08:00:00Z</dcterms:created></cp:coreProperties>`
    const a = await one(docxImporter, 'tram.docx', await docx(['The tram line will reach the airport by 2027.', 'Construction starts in the autumn.'], core))
    expect(a).toMatchObject({ title: 'Tram line extension approved', author: 'Ana P&rez', publishedAt: '2024-05-10' })
    expect(a.text).toBe('The tram line will reach the airport by 2027.\n\nConstruction starts in the autumn.')
  })

  it('takes the first paragraph as title without core properties', async () => {
    const a = await one(docxImporter, 'x.docx', await docx(['Ferry fares to rise', 'Fares rise four percent in April.']))
    expect(a.title).toBe('Ferry fares to rise')
    expect(a.text).toBe('Fares rise four percent in April.')
  })

  it('refuses corrupt files, zip bombs, a missing document and password-protected or old .doc files', async () => {
    await expect(one(docxImporter, 'c.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))).rejects.toThrow(/^corrupt DOCX/)
    await expect(one(docxImporter, 'n.docx', enc('not a zip at all'))).rejects.toThrow('corrupt DOCX: not a zip archive')
    await expect(one(docxImporter, 'o.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).rejects.toThrow(/password-protected document or an old \.doc/)
    const bomb = await docx(['Title', 'Body'], undefined, (zip) => zip.file('word/media/pad.xml', ' '.repeat(20 * 1024 * 1024)))
    await expect(one(docxImporter, 'bomb.docx', bomb)).rejects.toThrow(/refused: word\/media\/pad\.xml is compressed \d+:1 \(zip bomb\?\)/)
    const zip = new JSZip()
    zip.file('hello.txt', 'hi')
    await expect(one(docxImporter, 'm.docx', await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow('corrupt DOCX: word/document.xml is missing')
  })
})

describe('e-mail newsletters', () => {
  it('takes the subject as title, the sender as outlet, the date, and the HTML body as a page', async () => {
    const a = await one(emlImporter, 'brief.eml', fixture('mail/newsletter.eml'))
    expect(a.title).toBe('Morning Brief: Council keeps night buses — and more')
    expect(a.outlet).toBe('Morning Brief')
    expect(a.publishedAt).toBe('2024-11-06T06:30:00Z')
    expect(a.text).toMatch(/^The city council voted 14 to 9/)
    expect(a.text).toContain('Route N5 will be reviewed')
    expect(a.text).not.toMatch(/alert|steal|track\.example/)
  })

  it('reads a plain-text message, caps a giant subject, and refuses non-mail and encrypted mail', async () => {
    const plain = `From: desk@paper.example\r\nSubject: ${'Long '.repeat(200_000)}\r\nDate: Thu, 07 Nov 2024 10:00:00 +0100\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n`
    const a = await one(emlImporter, 'p.eml', enc(plain))
    expect(a.title.length).toBeLessThanOrEqual(500)
    expect(a.outlet).toBe('paper.example')
    expect(a.text).toBe('First paragraph.\n\nSecond paragraph.')
    await expect(one(emlImporter, 'x.eml', enc('\u0000\u0001 binary junk, no headers'))).rejects.toThrow('not an e-mail message: no headers found')
    const smime = 'From: a@b.example\r\nSubject: Secret\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n\r\nMIIB...\r\n'
    await expect(one(emlImporter, 's.eml', enc(smime))).rejects.toThrow('encrypted message: S/MIME or PGP mail cannot be read')
    const garbageDate = 'From: a@b.example\r\nSubject: Odd date\r\nDate: Moonday, 99 Smarch 99999\r\n\r\nBody text.\r\n'
    expect((await one(emlImporter, 'd.eml', enc(garbageDate))).publishedAt).toBeNull()
  })
})

describe('batch files', () => {
  it('JSON array: one article per record, field names matched loosely, bad records reported', async () => {
    const rs = await records(jsonImporter, 'export.json', fixture('batches/export.json'))
    expect(rs).toHaveLength(3)
    expect(rs[0]).toMatchObject({ label: 'record 1', article: { title: 'Dock strike ends after nine days', author: 'Lee Park', outlet: 'Harbour Post', publishedAt: '2024-09-13', url: 'https://post.example/dock-strike' } })
    expect(rs[1]).toMatchObject({ label: 'record 2', article: { title: 'Ferry fares to rise in spring', outlet: 'Island Times', publishedAt: '2024-09-12' } })
    expect(rs[2]).toEqual({ label: 'record 3', error: 'no text (expected a "text", "body" or "content" field)' })
    await expect((async () => jsonImporter.parse({ name: 'bad.json', bytes: enc('[{"title": ') }))()).rejects.toThrow(/^invalid JSON/)
  })

  it('NDJSON: a broken line fails alone', async () => {
    const rs = await records(ndjsonImporter, 'export.ndjson', fixture('batches/export.ndjson'))
    expect(rs.map((r) => ('article' in r ? `${r.label}: ${r.article.title}` : `${r.label}: error`))).toEqual([
      'line 1: Library opens on Sundays',
      'line 2: error',
      'line 3: Market hall gets new roof'
    ])
    expect(rs[2]).toMatchObject({ article: { publishedAt: '2024-04-03' } })
  })

  it('CSV with a header row, quoted multi-line fields and escaped quotes', async () => {
    const rs = await records(csvImporter, 'export.csv', fixture('batches/export.csv'))
    expect(rs).toHaveLength(2)
    expect(rs[0]).toMatchObject({ label: 'row 2', article: { title: 'Tram line extension approved', author: 'Ana Pérez', outlet: 'Metro Daily', url: 'https://metro.example/tram' } })
    expect((rs[0] as { article: ParsedArticle }).article.text).toBe('The tram line will reach the airport by 2027.\n\nConstruction starts in the autumn.')
    expect((rs[1] as { article: ParsedArticle }).article.text).toContain('"for safety"')
  })
})
