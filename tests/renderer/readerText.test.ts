/** Word snapping of reader selections and the library overview's figures. */
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../src/shared/contract'
import { snapToWords } from '../../src/renderer/src/views/readerText'
import { byMonth, recentImports } from '../../src/renderer/src/views/overviewCounts'

const TEXT = 'The United States and the E.U. agreed.\n\nLong-standing allies met.'

describe('snapToWords', () => {
  it('widens a selection that cuts words to the whole words', () => {
    const start = TEXT.indexOf('nited')
    const end = TEXT.indexOf('States') + 3
    expect(TEXT.slice(...snapToWords(TEXT, start, end)!)).toBe('United States')
  })
  it('trims spaces and paragraph breaks at the ends, and keeps hyphenated words whole', () => {
    const start = TEXT.indexOf('agreed.') + 7
    const end = TEXT.indexOf('standing') + 2
    expect(TEXT.slice(...snapToWords(TEXT, start, end)!)).toBe('Long-standing')
  })
  it('leaves whole words and punctuation as selected', () => {
    const start = TEXT.indexOf('the E.U.')
    expect(TEXT.slice(...snapToWords(TEXT, start, start + 8)!)).toBe('the E.U.')
  })
  it('gives nothing for a selection of spaces only', () => {
    expect(snapToWords(TEXT, 3, 4)).toBeNull()
  })
})

describe('overview figures', () => {
  const a = (id: number, publishedAt: string | null, importedAt: string): ArticleSummary =>
    ({ id, title: `A${id}`, publishedAt, importedAt, outlet: null, author: null, url: null, language: null, wordCount: 1, sourceName: '', sourceFormat: 'txt', contentHash: '', tags: [], collections: [] }) satisfies ArticleSummary
  const items = [a(1, '2025-03-02', '2026-01-01T10:00:00Z'), a(2, '2025-03-20T08:00:00Z', '2026-01-03T10:00:00Z'), a(3, '2024-11-05', '2026-01-02T10:00:00Z'), a(4, null, '2026-01-04T10:00:00Z')]
  it('counts articles by month published, oldest first, leaving undated ones out', () => {
    expect(byMonth(items)).toEqual([
      { name: 'Nov 2024', count: 1 },
      { name: 'Mar 2025', count: 2 }
    ])
  })
  it('lists the latest imports first', () => {
    expect(recentImports(items, 2).map((x) => x.id)).toEqual([4, 2])
  })
})
