/** Feeds (RSS, Atom, JSON Feed), MHTML and read-later Markdown on fixtures written for them, and their hostile cases. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { feedImporter } from '../../src/main/core/importers/feed'
import { markdownImporter } from '../../src/main/core/importers/markdown'
import { mhtmlImporter, decodeQuotedPrintable } from '../../src/main/core/importers/mhtml'
import { importerFor, importerForContent } from '../../src/main/core/importers/registry'
import type { ParsedRecord } from '../../src/main/core/importers/types'
import { one, records } from '../helpers/importers'
import { hostileFeeds } from '../../bench/hostile-files'
import { FIXTURES } from '../helpers/paths'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const fixture = (p: string): Uint8Array => readFileSync(join(FIXTURES, p))

const items = (name: string, bytes: Uint8Array): Promise<ParsedRecord[]> => records(feedImporter, name, bytes)
const outcome = (r: ParsedRecord): string => `${r.label} -> ${'article' in r ? 'article' : 'error' in r ? `error: ${r.error}` : `skipped: ${r.skipped}`}`

describe('RSS, Atom and JSON Feed', () => {
  it('RSS: items with their text become articles, a link-only item and a teaser are skipped with the reason', async () => {
    const rs = await items('echo.rss', fixture('web/ambleford-echo.rss'))
    expect(rs.map(outcome)).toEqual([
      'item 1: Council approves night bus trial -> article',
      "item 2: Market hall roof: what we know -> skipped: only a link and a short summary: the feed does not carry the article's text (https://echo.example/news/market-hall-roof)",
      'item 3: Ferry timetable gains weekday crossings -> article',
      "item 4: Podcast: the week in Ambleford -> skipped: only a link: the feed does not carry the article's text (https://echo.example/podcast/week-6)"
    ])
    const bus = 'article' in rs[0]! ? rs[0].article : null
    expect(bus).toMatchObject({ title: 'Council approves night bus trial', author: 'Mara Lindqvist', outlet: 'Ambleford Echo', publishedAt: '2025-02-04T18:30:00Z', url: 'https://echo.example/news/night-bus-trial', language: 'en', warnings: [] })
    expect(bus!.text.split('\n\n')).toEqual([
      'Ambleford district council voted on Tuesday to run a six-month trial of two night bus routes, starting in March.',
      'The routes will link the station with the hospital and the university campus, running every forty minutes after midnight.',
      '“People working late shifts have waited years for this,” said councillor Joan Avery.'
    ])
    // A long description is the article, and says so.
    expect('article' in rs[2]! && rs[2].article).toMatchObject({ author: 'Tomas Reyes', warnings: ["the feed's summary: the full article may be longer"] })
  })

  it('Atom: inline XHTML and escaped HTML content, alternate links, the feed title as outlet', async () => {
    const rs = await items('science.atom', fixture('web/kestrel-science.atom'))
    const [slug, obs] = rs.map((r) => ('article' in r ? r.article : null))
    expect(slug).toMatchObject({ title: 'Tidal pools host a rare sea slug', author: 'Ines Duarte', outlet: 'Kestrel Courier &#8211; Science', url: 'https://courier.example/science/sea-slug', publishedAt: '2025-02-05T09:00:00Z' })
    expect(slug!.text.split('\n\n')).toHaveLength(3)
    expect(obs).toMatchObject({ url: 'https://courier.example/science/observatory', publishedAt: '2025-02-04T15:00:00Z' })
    expect(obs!.text).toBe('The hill observatory will open to school groups on Thursdays from March, the trust that runs it said.\n\nBookings open & close a month ahead.')
  })

  it('JSON Feed: a .json that declares it is a feed; any other .json stays a batch of records', async () => {
    const bytes = fixture('web/quay-briefing.json')
    expect(importerForContent(importerFor('quay.json')!, bytes).format).toBe('feed')
    expect(importerForContent(importerFor('export.json')!, fixture('batches/export.json')).format).toBe('json')
    const rs = await items('quay.json', bytes)
    expect(rs.map(outcome)).toEqual([
      'item 1: Harbour dues to rise by four percent -> article',
      "item 2: Lighthouse keeper's cottage for sale -> article",
      "item 3: Elsewhere: a story we link to -> skipped: only a link and a short summary: the feed does not carry the article's text (https://elsewhere.example/story)"
    ])
    expect('article' in rs[0]! && rs[0].article).toMatchObject({ author: 'Anil Marsh', outlet: 'Quay Times Briefing', publishedAt: '2025-01-28T07:00:00Z', url: 'https://quay.example/briefing/harbour-dues' })
    expect('article' in rs[1]! && rs[1].article.text).toBe('The cottage beside the old lighthouse goes to auction next month.\n\nThe trust hopes a buyer will open it to visitors in summer.')
  })

  it('refuses entity declarations (billion laughs) and says what is wrong with broken or foreign XML', async () => {
    const { laughs } = hostileFeeds(0)
    await expect(items('lol.rss', enc(laughs))).rejects.toThrow('refused: the feed declares XML entities (<!ENTITY>), which a feed never needs (entity expansion attack?)')
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>`
    await expect(items('xxe.rss', enc(xxe))).rejects.toThrow(/^refused: the feed declares XML entities/)
    const whole = readFileSync(join(FIXTURES, 'web/ambleford-echo.rss'), 'utf8')
    await expect(items('cut.rss', enc(whole.slice(0, whole.length / 2)))).rejects.toThrow(/^invalid XML: the file ends inside <rss> <channel> <item>( <[\w:]+>)? \(truncated file\?\)$/)
    await expect(items('sitemap.xml', enc('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>'))).rejects.toThrow('not a feed: no <rss>, <feed> (Atom) or <rdf:RDF> element')
    await expect(items('empty.rss', enc('<rss version="2.0"><channel><title>Empty</title></channel></rss>'))).rejects.toThrow('the feed has no items')
    await expect(items('bad.json', enc('{"version": "https://jsonfeed.org/version/1", "title": "x"}'))).rejects.toThrow('invalid JSON Feed: it has no "items" list')
  })

  it('labels items by their titles with references decoded and control characters out', async () => {
    const xml = '<rss version="2.0"><channel><title>T</title><item><title>Ferry &#8220;fares&#8221;\u001b]0;pwned\u0007 \u202eup</title><link>https://a.example/1</link></item></channel></rss>'
    expect((await items('t.rss', enc(xml)))[0]!.label).toBe('item 1: Ferry “fares”]0;pwned up')
  })

  it('reads a giant feed up to its item limit and lists the rest as one skip', async () => {
    const item = (i: number): string => `<item><title>Notice ${i}</title><link>https://echo.example/n/${i}</link><content:encoded><![CDATA[<p>Public notice number ${i} about road works on street ${i}.</p><p>Second paragraph of notice ${i}.</p>]]></content:encoded></item>`
    const xml = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Notices</title>${Array.from({ length: 2003 }, (_, i) => item(i + 1)).join('')}</channel></rss>`
    const rs = await items('notices.rss', enc(xml))
    expect(rs).toHaveLength(2001)
    expect(rs.slice(0, 2000).every((r) => 'article' in r)).toBe(true)
    expect(rs[2000]).toEqual({ label: 'items 2001 to 2003', skipped: 'not read: a feed is read up to 2,000 items, this one has 2,003' })
  })

  it('fails an item whose content is over the size limit, alone', async () => {
    const huge = `<p>${'word '.repeat(500_000)}</p>`
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>Huge</title><description><![CDATA[${huge}]]></description></item><item><title>Small</title><description><![CDATA[<p>${'A sentence of the small item. '.repeat(30)}</p>]]></description></item></channel></rss>`
    expect((await items('big.rss', enc(xml))).map(outcome)).toEqual(['item 1: Huge -> error: item too large: 2441 KB of content, limit 2048 KB', 'item 2: Small -> article'])
  })
})

describe('MHTML', () => {
  it('reads the page part (not frames or images) with the saved address and the title', async () => {
    const a = await one(mhtmlImporter, 'cafe.mhtml', fixture('web/cafe-terraces.mhtml'))
    expect(a).toMatchObject({ title: 'Café terraces may stay open until ten', author: 'Ines Duarte', outlet: 'Kestrel Courier', url: 'https://courier.example/news/cafe-terraces', language: 'en' })
    expect(a.text.split('\n\n')).toHaveLength(3)
    expect(a.text).toContain('o’clock')
    expect(a.text).not.toMatch(/SPONSORED|All rights reserved|Home/)
    // The page states no date: the Date header (when it was saved) stands in, and says so.
    expect(a.publishedAt).toBe('2025-03-05T19:42:10Z')
    expect(a.warnings).toEqual(['no publication date in the page: dated by when it was saved'])
  })

  it('reads a base64 page part in a declared charset, and a file cut short', async () => {
    const page = Buffer.from(`<html><head><title>Gr\xfc\xdfe aus K\xf6ln</title></head><body><article><p>${'Die Stadt K\xf6ln plant neue Radwege entlang des Rheins. '.repeat(8)}</p><p>${'Der Rat stimmt im M\xe4rz ab. '.repeat(8)}</p></article></body></html>`, 'latin1')
    const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/html; charset="iso-8859-1"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://koeln.example/radwege\r\n\r\n${page.toString('base64').replace(/(.{76})/g, '$1\r\n')}\r\n--b1\r\nContent-Type: image/gif\r\n`
    const a = await one(mhtmlImporter, 'koeln.mht', enc(mht))
    expect(a).toMatchObject({ title: 'Grüße aus Köln', url: 'https://koeln.example/radwege', publishedAt: null })
    expect(a.text).toContain('Rat stimmt im März ab')
  })

  it('finds the page behind a 30 MB base64 image part (SingleFile-style blobs)', async () => {
    const saved = Buffer.from(fixture('web/cafe-terraces.mhtml'))
    const at = saved.indexOf('------MultipartBoundary--Qx7Lr2TnWm0Zs9----\r\nContent-Type: text/html')
    const blob = Buffer.concat([Buffer.from('------MultipartBoundary--Qx7Lr2TnWm0Zs9----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n'), Buffer.alloc(30 * 1024 * 1024, 0x41), Buffer.from('\r\n')])
    const a = await one(mhtmlImporter, 'big.mhtml', Buffer.concat([saved.subarray(0, at), blob, saved.subarray(at)]))
    expect(a.title).toBe('Café terraces may stay open until ten')
  })

  it('decodes quoted-printable soft breaks, escapes and stray equals signs', () => {
    expect(decodeQuotedPrintable(Buffer.from('caf=C3=A9 =\r\nau lait=3D1 =ZZ end=\nok')).toString('utf8')).toBe('café au lait=1 =ZZ endok')
  })

  it('fails clearly on a file that is not MIME, and on one without a page', async () => {
    await expect(one(mhtmlImporter, 'x.mhtml', enc('just some text\nwith lines\n'))).rejects.toThrow('not an MHTML file: no MIME headers with a Content-Type')
    const noPage = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="q"\r\n\r\n--q\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--q--\r\n'
    await expect(one(mhtmlImporter, 'img.mhtml', enc(noPage))).rejects.toThrow('no HTML page in the MHTML file (no text/html part)')
  })
})

describe('Markdown saved by read-later tools', () => {
  it('Omnivore: site_name, date_published over date_saved, url, block lists ignored', async () => {
    const a = await one(markdownImporter, 'tram.md', fixture('web/omnivore-tram-depot.md'))
    expect(a).toMatchObject({ title: 'Tram depot plan goes to public inquiry', author: 'Hugo Brandt', outlet: 'Kestrel Courier', publishedAt: '2025-02-09T08:00:00Z', url: 'https://courier.example/news/tram-depot-inquiry', warnings: [] })
    expect(a.text.split('\n\n')).toHaveLength(2)
  })

  it('Readwise: authors as a list, source as the URL, saved as the date (said so)', async () => {
    const a = await one(markdownImporter, 'allotments.md', fixture('web/readwise-allotments.md'))
    expect(a).toMatchObject({ title: 'Allotment waiting list shrinks', author: 'Priya Nair, Sam Okafor', outlet: null, publishedAt: '2025-01-20', url: 'https://echo.example/news/allotments' })
    expect(a.warnings).toEqual(['no publication date: dated by when it was saved'])
  })

  it('a block list of authors and an Obsidian link as the site', async () => {
    const md = '---\ntitle: Pier repairs finish early\nauthor:\n  - "[[Lena Fisk]]"\n  - Omar Haddad\nsite: "[[Quay Times]]"\n---\n\nThe pier reopened a week ahead of schedule.\n\nAnglers were the first back.\n'
    expect(await one(markdownImporter, 'pier.md', enc(md))).toMatchObject({ author: 'Lena Fisk, Omar Haddad', outlet: 'Quay Times' })
  })
})
