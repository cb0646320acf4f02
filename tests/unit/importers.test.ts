import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/main/core/importers/decode'
import { markdownImporter } from '../../src/main/core/importers/markdown'
import { cleanAuthor, contentHash, parseBylineLine, parseDate } from '../../src/main/core/importers/metadata'
import { assertContentMatches, importerFor } from '../../src/main/core/importers/registry'
import { textImporter } from '../../src/main/core/importers/text'
import { ImportFailure, isArticle, type Importer, type ImportInput, type ParsedArticle } from '../../src/main/core/importers/types'
import { FIXTURES, SAMPLE_TITLE, requireSample } from '../helpers/paths'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

/** Runs an importer that yields one article. */
async function one(importer: Importer, input: ImportInput): Promise<ParsedArticle> {
  const out = await importer.parse(input)
  if (!isArticle(out)) throw new Error('expected one article, got records')
  return out
}

describe('plain-text importer', () => {
  it('reads the real sample: title, date from the byline line, no author, 19 paragraphs', async () => {
    const a = await one(textImporter, { name: 'sample.txt', bytes: readFileSync(requireSample()) })
    expect(a.title).toBe(SAMPLE_TITLE)
    expect(a.publishedAt).toBe('2025-03-01')
    expect(a.author).toBeNull()
    const paras = a.text.split('\n\n')
    expect(paras).toHaveLength(19)
    expect(paras[0]).toMatch(/^Amid growing unease among European leaders/)
    expect(paras.at(-1)).toMatch(/both transatlantic partners\.$/)
    expect(a.text).not.toContain('No Comments')
  })

  it('reads the title-then-paragraphs layout with no byline line', async () => {
    const a = await one(textImporter, { name: 'b.txt', bytes: readFileSync(join(FIXTURES, 'articles/harbour-bridge.txt')) })
    expect(a.title).toBe('Harbour bridge reopens after three-year repair')
    expect(a.publishedAt).toBeNull()
    expect(a.author).toBeNull()
    expect(a.text.split('\n\n')).toHaveLength(4)
    expect(a.text.split('\n\n')[0]).toMatch(/^The Kestrel Harbour bridge reopened/)
  })

  it('takes a real byline as the author and keeps a first paragraph that merely mentions a date', async () => {
    const withBy = await one(textImporter, { name: 'x.txt', bytes: enc('Title here\n\nBy Jane Doe | 1 March 2025\n\nBody text.\n') })
    expect(withBy.author).toBe('Jane Doe')
    expect(withBy.publishedAt).toBe('2025-03-01')
    const sentence = await one(textImporter, { name: 'y.txt', bytes: enc('Title\n\nOn March 1, 2025 the council met for the last time.\n\nMore.\n') })
    expect(sentence.publishedAt).toBeNull()
    expect(sentence.text.startsWith('On March 1, 2025 the council met')).toBe(true)
  })

  it('joins hard-wrapped lines and normalises Windows line endings', async () => {
    const a = await one(textImporter, { name: 'w.txt', bytes: enc('Title\r\n\r\nline one\r\nline two\r\n\r\nnext\r\n') })
    expect(a.text).toBe('line one line two\n\nnext')
  })

  it('fails clearly on empty text and on a title with no body', async () => {
    await expect(one(textImporter, { name: 'e.txt', bytes: enc('  \n\n \n') })).rejects.toThrow(/empty file/)
    await expect(one(textImporter, { name: 't.txt', bytes: enc('Only a title\n') })).rejects.toThrow(/no article text/)
  })
})

describe('dates and bylines', () => {
  it.each([
    ['March 1, 2025', '2025-03-01'],
    ['1 March 2025', '2025-03-01'],
    ['2025-03-01', '2025-03-01'],
    ['Mar. 1, 2025 10:30 AM ET', '2025-03-01T10:30:00-05:00'],
    ['Jul. 4, 2025 9:05 PM ET', '2025-07-04T21:05:00-04:00'],
    ['Saturday, March 1, 2025', '2025-03-01'],
    ['2025-03-01T08:15:00Z', '2025-03-01T08:15:00Z'],
    ['1st March, 2025 14:05 GMT', '2025-03-01T14:05:00Z']
  ])('%s -> %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso)
  })

  it('rejects impossible dates and sentences', async () => {
    expect(parseDate('February 30, 2025')).toBeNull()
    expect(parseDate('2025-13-01')).toBeNull()
    expect(parseDate('The vote on March 1, 2025 was close')).toBeNull()
  })

  it('reads a `date — outlet` line', async () => {
    expect(parseBylineLine('May 18, 2010 — Fox News')).toEqual({ publishedAt: '2010-05-18', author: null, outlet: 'Fox News' })
    expect(parseBylineLine('HARTFORD, Conn. — May 18, 2010 — the day')).toBeNull()
  })

  it('drops WordPress byline residue instead of calling it the author', async () => {
    expect(parseBylineLine('March 1, 2025 by No Comments')).toEqual({ publishedAt: '2025-03-01', author: null, outlet: null })
    expect(parseBylineLine('March 1, 2025 by Leave a comment')).toEqual({ publishedAt: '2025-03-01', author: null, outlet: null })
    expect(parseBylineLine('By Sam Lee | 3 Comments')).toEqual({ publishedAt: null, author: 'Sam Lee', outlet: null })
    expect(cleanAuthor('by 12 Comments')).toBeNull()
    expect(cleanAuthor('By Ana Pérez')).toBe('Ana Pérez')
  })
})

describe('encodings', () => {
  const text = 'Café “quoted” — 5 €'
  it('reads UTF-8 with and without BOM', async () => {
    expect(decodeText(enc(text)).text).toBe(text)
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)])).text).toBe(text)
  })

  it('reads UTF-16 LE and BE with BOM, and LE without', async () => {
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.from(le).swap16()
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le])).text).toBe(text)
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be])).text).toBe(text)
    expect(decodeText(new Uint8Array(Buffer.from('Plain ASCII title\n\nBody', 'utf16le'))).text).toBe('Plain ASCII title\n\nBody')
  })

  it('repairs Windows-1252 smart quotes and euro signs without mojibake, and says so', async () => {
    // “quoted” — 5 € in Windows-1252
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x97, 0x20, 0x35, 0x20, 0x80])
    const d = decodeText(bytes)
    expect(d.text).toBe(text)
    expect(d.warnings.join()).toMatch(/Windows-1252/)
  })

  it('keeps mostly-UTF-8 text with one stray byte and flags the repair', async () => {
    const bytes = new Uint8Array([...enc('Price: '), 0xa3, ...enc('5 — “fine” ünïcödé')])
    const d = decodeText(bytes)
    expect(d.text).toBe('Price: \uFFFD5 — “fine” ünïcödé')
    expect(d.warnings.join()).toMatch(/1 invalid UTF-8 byte replaced/)
  })

  it('refuses binary data named .txt', async () => {
    expect(() => decodeText(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]))).toThrow(ImportFailure)
    expect(() => assertContentMatches(textImporter, 'report.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).toThrow(/named \.txt but it is a PDF document/)
    expect(() => assertContentMatches(textImporter, 'x.txt', enc('hello'))).not.toThrow()
  })
})

describe('markdown importer', () => {
  it('reads front matter and reduces markup to words', async () => {
    const a = await one(markdownImporter, { name: 'c.md', bytes: readFileSync(join(FIXTURES, 'articles/council-vote.md')) })
    expect(a.title).toBe('Council votes to keep night buses')
    expect(a.author).toBe('Tomás Reyes')
    expect(a.outlet).toBe('Kestrel Gazette')
    expect(a.publishedAt).toBe('2024-11-05')
    expect(a.url).toBe('https://gazette.example/council-night-buses')
    expect(a.text).toContain('voted 14 to 9 on Tuesday')
    expect(a.text).toContain('the service is a lifeline')
    expect(a.text).not.toMatch(/[*#[\]]|https?:/)
    expect(a.text).toContain('What happens next')
    const paras = a.text.split('\n\n')
    // The heading that repeats the front-matter title is not body text; list items are paragraphs.
    expect(paras[0]).toMatch(/^The city council voted/)
    expect(paras.slice(-2)).toEqual(['Routes N1 to N4 stay as they are.', 'Route N5 will be reviewed in spring.'])
  })

  it('takes the first heading as title without front matter, and never runs links or scripts', async () => {
    const md = '# Heading title\n\nText with [bad](javascript:alert(1)) and <script>alert(1)</script> and ![x](file:///etc/passwd).\n'
    const a = await one(markdownImporter, { name: 'h.md', bytes: enc(md) })
    expect(a.title).toBe('Heading title')
    expect(a.text).toBe('Text with bad and alert(1) and .')
  })

  it('ignores YAML tricks in front matter (anchors, aliases, tags)', async () => {
    const md = '---\ntitle: &a Real title\nauthor: *a\noutlet: !!js/function "x"\n---\nBody line.\n'
    const a = await one(markdownImporter, { name: 'y.md', bytes: enc(md) })
    expect(a.author).toBeNull()
    expect(a.outlet).toBeNull()
  })
})

describe('registry and identity', () => {
  it('picks importers by extension, case-insensitively', async () => {
    expect(importerFor('A.TXT')?.format).toBe('txt')
    expect(importerFor('notes.markdown')?.format).toBe('md')
    expect(importerFor('page.xyz')).toBeNull()
  })

  it('hashes content ignoring whitespace, case and punctuation', async () => {
    expect(contentHash('Hello,  World!\n\nAgain.')).toBe(contentHash('hello world again'))
    expect(contentHash('Hello world')).not.toBe(contentHash('Hello word'))
  })
})
