/** Word snapping of reader selections and the library overview's figures. */
import { describe, expect, it } from 'vitest'
import { snapToWords } from '../../src/renderer/src/views/readerText'
import { latestPeriods } from '../../src/renderer/src/views/overviewCounts'

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
  it('names the latest months published, oldest first', () => {
    const dates = { unit: 'month' as const, buckets: [{ name: '2024-11', count: 1 }, { name: '2025-03', count: 2 }, { name: '2025-04', count: 5 }] }
    expect(latestPeriods(dates, 2)).toEqual([
      { name: 'Mar 2025', count: 2 },
      { name: 'Apr 2025', count: 5 }
    ])
  })
  it('keeps years as they are for a library spanning many years', () => {
    expect(latestPeriods({ unit: 'year', buckets: [{ name: '2004', count: 9 }, { name: '2021', count: 3 }] }, 12)).toEqual([
      { name: '2004', count: 9 },
      { name: '2021', count: 3 }
    ])
  })
})
