/**
 * Main-text extraction of saved news pages (importers/extract): what is kept and what is dropped
 * on fixtures written for the shapes news sites use, and the odd pages that once came out empty.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractMainText } from '../../src/main/core/importers/extract'
import { classifyParagraphs, isFurniture } from '../../src/main/core/importers/extract/classify'
import { domParagraphs } from '../../src/main/core/importers/extract/paragraphs'
import { parseHtmlArticle } from '../../src/main/core/importers/html'
import { parseDocument } from '../../src/main/core/importers/html-text'
import { FIXTURES } from '../helpers/paths'

const page = (name: string): string => readFileSync(join(FIXTURES, 'pages', name), 'utf8')

describe('a news article with the usual furniture around it', () => {
  const a = parseHtmlArticle(page('news-shapes.html'))

  it('keeps the story: paragraphs, subhead, pull quote and text loose in the article container', () => {
    expect(a.title).toBe('Harbour council approves flood wall after a four-hour hearing')
    for (const kept of ['voted seven to two on Thursday night', 'Residents packed the hall', 'What the wall will cost', 'The engineering report puts the cost',
      'We cannot keep pumping water out of basements', 'the council will publish the final drawings next month', 'Opponents said they would ask the regional court']) {
      expect(a.text).toContain(kept)
    }
    expect(a.text.split('We cannot keep pumping').length).toBe(2)
  })

  it('drops the cookie banner, navigation, share bar, caption, ad, newsletter box, paywall prompt, related rail, comments and footer', () => {
    for (const dropped of ['We use cookies', 'Accept all', 'Sport', 'Share on Facebook', 'The old sea wall at low tide', 'Buy one boat', 'Advertisement',
      'Get the morning briefing', 'Subscribe to read the full story', 'Storm damage bill', 'DockWatcher', 'All rights reserved']) {
      expect(a.text).not.toContain(dropped)
    }
  })

  it('keeps the metadata', () => {
    expect(a.author).toBe('Mara Lindqvist')
    expect(a.outlet).toBe('The Coastline Courier')
    expect(a.publishedAt?.slice(0, 10)).toBe('2026-03-14')
  })
})

describe('other page shapes', () => {
  it('a live blog keeps every post and drops the most-read widget and share links', () => {
    const a = parseHtmlArticle(page('live-blog.html'))
    expect(a.text).toContain('Turnout has reached 71 percent')
    expect(a.text).toContain('returned the sitting member with a narrow majority')
    expect(a.text).toContain('Polling stations have closed')
    expect(a.text).not.toContain('Ten things we learned')
    expect(a.text).not.toContain('Tweet')
  })

  it('a gallery keeps its text and drops captions, photo credits, the search form and the page links of a multi-page article', () => {
    const a = parseHtmlArticle(page('gallery-page.html'))
    expect(a.text).toContain('Drei Tage lang feierte die Altstadt')
    expect(a.text).toContain('mehr als vierzigtausend Besucher')
    for (const dropped of ['Der Umzug der Vereine am Samstagmittag', 'Stadtarchiv', 'Suchen', 'Nächste Seite', 'Teilen']) expect(a.text).not.toContain(dropped)
  })

  it('a forum whose posts are all classed as comments is still read', () => {
    const post = (n: number): string => `<div class="comment reply"><p>Post ${n}: the update broke downloads over mobile data for everyone in this thread, and the workaround of toggling the setting did not help at all here.</p></div>`
    const html = `<html><head><title>Forum thread</title></head><body>${Array.from({ length: 30 }, (_, i) => post(i)).join('')}</body></html>`
    const a = parseHtmlArticle(html)
    expect(a.text).toContain('Post 0: the update broke downloads')
    expect(a.text).toContain('Post 29:')
  })
})

describe('the lead above the body and the tail below it', () => {
  const a = parseHtmlArticle(page('lead-and-tail.html'))

  it('keeps the lead from the story header, before the body', () => {
    expect(a.text.startsWith("The island's only car ferry will sail four times a day")).toBe(true)
    expect(a.text).toContain('deck officers')
    expect(a.text).toContain('moved to the nearest remaining crossing')
  })

  it('drops the author box, the "read also" box and the comment section after the story', () => {
    for (const dropped of ['Ilse Varga has covered', 'Read also', 'Harbour dredging delayed', '14 Comments', 'Islander77', 'leave the house at six']) expect(a.text).not.toContain(dropped)
  })

  it('keeps the posts of a page whose subject is its comments (a forum thread)', () => {
    const t = parseHtmlArticle(page('forum-thread.html')).text
    for (const kept of ['Beer traps at the edge', 'Copper tape around', 'pair of ducks', "Sheep's wool pellets"]) expect(t).toContain(kept)
  })
})

describe('pages that used to come out empty', () => {
  const body = '<p>The only paragraph of this page is long enough to count as the text of an article, and it should be found.</p>'

  it('a PHP warning printed before <!doctype>', () => {
    const a = parseHtmlArticle(`<br />\n<b>Warning</b>: mysql_connect() failed<br />\n<!DOCTYPE html><html><head><title>T</title></head><body>${body}</body></html>`)
    expect(a.text).toContain('The only paragraph of this page')
  })

  it('a closing script tag with junk before its ">"', () => {
    const a = parseHtmlArticle(`<html><head><title>T</title><script src="x.js"></script\n\n <!-- note --></head><body>${body}</body></html>`)
    expect(a.text).toContain('The only paragraph of this page')
  })

  it('an empty <h1> (a logo) does not leave the article without a title', () => {
    const a = parseHtmlArticle(`<html><head><title>Page title</title></head><body><h1><img src="logo.png"></h1>${body}</body></html>`)
    expect(a.title).toBe('Page title')
  })
})

describe('metadata', () => {
  it('reads JSON-LD although scripts are stripped before parsing', () => {
    const ld = '{"@type":"NewsArticle","headline":"From JSON-LD","datePublished":"2025-02-01T08:00:00Z","author":{"@type":"Person","name":"Only In Ld"}}'
    const a = parseHtmlArticle(`<html><head><script type="application/ld+json">${ld}</script></head><body><p>The only paragraph of this page is long enough to count as the text of an article.</p></body></html>`)
    expect(a.title).toBe('From JSON-LD')
    expect(a.author).toBe('Only In Ld')
    expect(a.publishedAt?.slice(0, 10)).toBe('2025-02-01')
  })

  it('keeps every JSON-LD author and resolves authors given as @id references into the graph', () => {
    const graph = '{"@graph":[{"@type":"Person","@id":"#p1","name":"Ref Erenced"},{"@type":"Article","headline":"H","author":[{"@id":"#p1"},{"@type":"Person","name":"Second Author"}]}]}'
    const a = parseHtmlArticle(`<html><head><script type="application/ld+json">${graph}</script></head><body><p>The only paragraph of this page is long enough to count as the text of an article.</p></body></html>`)
    expect(a.author).toBe('Ref Erenced, Second Author')
  })
})

describe('the parts', () => {
  it('paragraphs carry their link share, and text beside blocks is its own paragraph', () => {
    const doc = parseDocument('<html><body><div>Loose words before <p>A <a href="#">linked</a> para</p> and after</div></body></html>')
    const ps = domParagraphs(doc.body!)
    expect(ps.map((p) => p.text)).toEqual(['Loose words before', 'A linked para', 'and after'])
    expect(ps[1]!.linkChars).toBe('linked'.length)
  })

  it('reads 10,000 nested elements without recursion', () => {
    const doc = parseDocument(`<html><body>${'<div>'.repeat(10_000)}<p>Deep text</p>${'</div>'.repeat(10_000)}</body></html>`)
    expect(domParagraphs(doc.body!).map((p) => p.text)).toEqual(['Deep text'])
  })

  it('the classifier keeps long low-link text and subheads before it, drops link lists and furniture', () => {
    const long = 'A paragraph of ordinary prose that is long enough to be judged good text by the classifier.'
    const kept = classifyParagraphs([
      { text: 'Home News Sport', linkChars: 15, tag: 'LI' },
      { text: 'Subhead', linkChars: 0, tag: 'H2' },
      { text: long, linkChars: 0, tag: 'P' },
      { text: 'Share this article', linkChars: 0, tag: 'P' }
    ])
    expect(kept.map((p) => p.text)).toEqual(['Subhead', long])
    expect(isFurniture('Foto: Stadtarchiv')).toBe(true)
    expect(isFurniture('Fotos of the harbour were taken at dawn by the reporter herself.')).toBe(false)
    // A line that is only a date is metadata; a sentence with a date in it is text.
    expect(isFurniture('Stand: 05. Februar 2020, 10:15 Uhr')).toBe(true)
    expect(isFurniture('April 21, 2022')).toBe(true)
    expect(isFurniture('Am 5. Mai 2020 kam er zurück.')).toBe(false)
  })

  it('finds the text of a page made of spans in divs', () => {
    const m = extractMainText(() => parseDocument(`<html><body>${'<div><span>Sentence in a span, long enough to be prose for the classifier to keep.</span></div>'.repeat(3)}</body></html>`))
    expect(m.paragraphs.length).toBeGreaterThan(0)
    expect(['readability', 'classifier']).toContain(m.method)
  })
})
