/** WARC and WACZ: every archived HTML page with status 200 is an article; hostile archives stay bounded. */
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { waczImporter, warcImporter } from '../../src/main/core/importers/web-archive'
import type { ParsedRecord } from '../../src/main/core/importers/types'
import { lyingWacz, warcGzipBomb } from '../../bench/hostile-files'
import { tmpDir } from '../helpers/tmp'
import { makeWacz, makeWarc, newsPage, requestRecord, responseRecord, storyParagraphs, warcinfoRecord } from '../helpers/web-archives'

const dated = newsPage({ title: 'Ambleford bridge reopens', outlet: 'Ambleford Echo', published: '2025-01-30T08:00:00Z', paragraphs: storyParagraphs('Bridge') })
const undated = newsPage({ title: 'Library hours extended', outlet: 'Ambleford Echo', paragraphs: storyParagraphs('Library') })

/** A crawl as a browser-based crawler leaves it: info, requests, pages, an image, a redirect. */
function crawl(): Buffer[] {
  return [
    warcinfoRecord(),
    requestRecord('https://echo.example/bridge'),
    responseRecord({ url: 'https://echo.example/bridge', date: '2025-02-01T10:00:00Z', body: dated }),
    responseRecord({ url: 'https://echo.example/logo.png', contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) }),
    responseRecord({ url: 'https://echo.example/old-library', status: 301, body: '<html><body>Moved</body></html>', httpHeaders: { Location: '/library' } }),
    // Stored as served: gzip content encoding, chunked transfer.
    responseRecord({
      url: 'https://echo.example/library',
      date: '2025-02-02T11:30:00Z',
      body: chunked(gzipSync(undated)),
      httpHeaders: { 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' }
    })
  ]
}

function chunked(data: Buffer): Buffer {
  const half = Math.floor(data.length / 2)
  const part = (b: Buffer): Buffer => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')])
  return Buffer.concat([part(data.subarray(0, half)), part(data.subarray(half)), Buffer.from('0\r\n\r\n')])
}

async function parse(bytes: Buffer, name = 'crawl.warc'): Promise<ParsedRecord[]> {
  const importer = name.endsWith('.wacz') ? waczImporter : warcImporter
  const out = await importer.parse({ name, bytes })
  if (!('records' in out)) throw new Error('expected records')
  return out.records
}

function summary(records: ParsedRecord[]): string[] {
  return records.map((r) => `${r.label} -> ${'article' in r ? `article “${r.article.title}”` : 'error' in r ? `error: ${r.error}` : `skipped: ${r.skipped}`}`)
}

describe('WARC', () => {
  it.each([
    ['plain', false],
    ['gzipped one member per record', true]
  ])('imports each HTML page with status 200 (%s) with its archived URL and capture date', async (_kind, gzip) => {
    const records = await parse(makeWarc(crawl(), { gzip }), gzip ? 'crawl.warc.gz' : 'crawl.warc')
    expect(summary(records)).toEqual([
      'https://echo.example/bridge -> article “Ambleford bridge reopens”',
      'https://echo.example/old-library -> skipped: HTTP 301: only pages archived with status 200 are imported',
      'https://echo.example/library -> article “Library hours extended”'
    ])
    const [bridge, , library] = records.map((r) => ('article' in r ? r.article : null))
    expect(bridge).toMatchObject({ url: 'https://echo.example/bridge', outlet: 'Ambleford Echo', publishedAt: '2025-01-30T08:00:00Z', warnings: [] })
    expect(bridge!.text).toMatch(/^Bridge paragraph 1: the district council/)
    expect(bridge!.text).not.toMatch(/Home|All rights reserved/)
    // No date in the page: the capture date, said so.
    expect(library).toMatchObject({ url: 'https://echo.example/library', publishedAt: '2025-02-02T11:30:00Z', warnings: ['no publication date in the page: dated by when it was archived'] })
    expect(library!.text.split('\n\n')).toHaveLength(4)
  })

  it('reads a WARC gzipped whole (one member), and the charset the HTTP response declares', async () => {
    const page = Buffer.from(newsPage({ title: 'Caf\xe9 rules change', outlet: 'Echo', paragraphs: storyParagraphs('Caf\xe9 \x93terrace\x94') }).replace('<meta charset="utf-8">', ''), 'latin1')
    const warc = gzipSync(makeWarc([warcinfoRecord(), responseRecord({ url: 'https://echo.example/cafe', contentType: 'text/html; charset=windows-1252', body: page })]))
    const [r] = await parse(warc, 'one.warc.gz')
    expect(r).toMatchObject({ article: { title: 'Café rules change' } })
    expect('article' in r! && r.article.text).toContain('Café “terrace” paragraph 1')
  })

  it('fails a file that is not a WARC, and one without HTML pages, saying so', async () => {
    await expect(parse(Buffer.from('<html><body>a page, not an archive</body></html>'))).rejects.toThrow('not a WARC file: it does not begin with a WARC/1.0 or WARC/1.1 record')
    await expect(parse(makeWarc([warcinfoRecord(), requestRecord('https://echo.example/')]))).rejects.toThrow('no HTML page in the archive (it holds no HTML response record)')
  })

  it('refuses a gzip bomb: the archive stops inflating at its budget', async () => {
    const bomb = warcGzipBomb(700)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    await expect(parse(bomb, 'bomb.warc.gz')).rejects.toThrow('refused: the archive inflates to more than 512 MB (gzip bomb?)')
  })

  it('refuses a page whose own gzip encoding is a bomb, and a line with no end', async () => {
    const inflating = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20))
    const records = await parse(makeWarc([responseRecord({ url: 'https://echo.example/bomb', body: inflating, httpHeaders: { 'Content-Encoding': 'gzip' } }), responseRecord({ url: 'https://echo.example/bridge', body: dated })]))
    expect(summary(records)).toEqual(['https://echo.example/bomb -> error: refused: the page inflates to more than 16 MB (gzip bomb?)', 'https://echo.example/bridge -> article “Ambleford bridge reopens”'])
    const endless = Buffer.concat([Buffer.from('WARC/1.1\r\nWARC-Type: response\r\nX-Long: '), gzipSync(Buffer.alloc(0))]).subarray(0, 40)
    const lineBomb = Buffer.concat([gzipSync(endless), gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x41))])
    await expect(parse(lineBomb, 'line.warc.gz')).rejects.toThrow('malformed WARC: more than 16 MB without a line end')
  })

  it('keeps the pages before a truncation or a malformed record, then reports it (through the batch)', async () => {
    const whole = makeWarc(crawl())
    const lib = Library.open(tmpDir())
    try {
      const results = await importBatch(lib, [
        { name: 'cut.warc', bytes: whole.subarray(0, whole.length - 200) },
        { name: 'cut.warc.gz', bytes: makeWarc(crawl(), { gzip: true }).subarray(0, -30) },
        { name: 'garbled.warc', bytes: Buffer.concat([makeWarc(crawl().slice(0, 3)), Buffer.from('WARC/1.1\r\nContent-Length: lots\r\n\r\nnot a record\r\n\r\n')]) }
      ])
      expect(results.map((r) => `${r.name}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`)).toEqual([
        'cut.warc (https://echo.example/bridge): imported',
        'cut.warc (https://echo.example/old-library): skipped (HTTP 301: only pages archived with status 200 are imported)',
        'cut.warc (https://echo.example/library): failed (the record is cut short (truncated file?))',
        'cut.warc.gz (https://echo.example/bridge): duplicate (same text as article #1 “Ambleford bridge reopens”)',
        'cut.warc.gz (https://echo.example/old-library): skipped (HTTP 301: only pages archived with status 200 are imported)',
        expect.stringMatching(/^cut\.warc\.gz: failed \(.*unexpected end of file \(truncated file\?\)\)$/),
        'garbled.warc (https://echo.example/bridge): duplicate (same text as article #1 “Ambleford bridge reopens”)',
        'garbled.warc: failed (malformed WARC record #4: its Content-Length is missing or not a number)'
      ])
      expect(lib.articles.count()).toBe(1)
    } finally {
      lib.close()
    }
  })
})

describe('WACZ', () => {
  it('imports the pages of every WARC in archive/, plain or gzipped', async () => {
    const second = responseRecord({ url: 'https://echo.example/library', date: '2025-02-02T11:30:00Z', body: undated })
    const wacz = await makeWacz([
      { name: 'data.warc.gz', bytes: makeWarc(crawl().slice(0, 4), { gzip: true }) },
      { name: 'more.warc', bytes: makeWarc([warcinfoRecord(), second]) }
    ])
    expect(summary(await parse(wacz, 'session.wacz'))).toEqual([
      'data.warc.gz https://echo.example/bridge -> article “Ambleford bridge reopens”',
      'more.warc https://echo.example/library -> article “Library hours extended”'
    ])
  })

  it('refuses a zip bomb, too many entries, and a zip that is no WACZ', async () => {
    const ratio = await makeWacz([{ name: 'data.warc', bytes: makeWarc([warcinfoRecord()]) }], (zip) => {
      zip.file('archive/zeros.warc', Buffer.alloc(8 * 1024 * 1024), { compression: 'DEFLATE' })
    })
    await expect(parse(ratio, 'ratio.wacz')).rejects.toThrow(/^refused: archive\/zeros\.warc is compressed \d+:1 \(zip bomb\?\)$/)
    // Headers that say 900 bytes for a gigabyte: stopped by the count of what really comes out.
    await expect(parse(lyingWacz(1200), 'lying.wacz')).rejects.toThrow('refused: archive/data.warc inflates to more than the 900 bytes its header declares (zip bomb?)')
    const crowded = await makeWacz([], (zip) => {
      for (let i = 0; i < 10_001; i++) zip.file(`pages/${i}.txt`, '')
    })
    await expect(parse(crowded, 'crowded.wacz')).rejects.toThrow(/^refused: the package has 100\d\d entries \(limit 10000\)$/)
    await expect(parse(await makeWacz([]), 'empty.wacz')).rejects.toThrow('not a WACZ package: it holds no archive/*.warc or archive/*.warc.gz file')
    await expect(parse(Buffer.from('PK\x03\x04 not really a zip'), 'fake.wacz')).rejects.toThrow(/^not a WACZ package: /)
  })
})
