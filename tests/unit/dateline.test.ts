/**
 * Date/byline lines and dates as real folders have them: outlets with dots and domains, dates in
 * eight languages, and sentences that merely contain a date left in the text.
 */
import { describe, expect, it } from 'vitest'
import { parseBylineLine, parseDate } from '../../src/main/core/importers/metadata'
import { looksLikeOutlet } from '../../src/main/core/importers/dateline'
import { parsePlainText } from '../../src/main/core/importers/text'

describe('date lines with an outlet', () => {
  it.each([
    ['October 5, 2021 — U.S. News & World Report', '2021-10-05', 'U.S. News & World Report'],
    ['May 18, 2010 — FactCheck.org', '2010-05-18', 'FactCheck.org'],
    ['June 1, 2020 — Govt. Accountability Office', '2020-06-01', 'Govt. Accountability Office'],
    ['April 3, 2021 — TheBlaze.com', '2021-04-03', 'TheBlaze.com'],
    ['05.10.2021 — nytimes.com', '2021-10-05', 'nytimes.com'],
    ['April 23, 2021 — Guest Writer - Left', '2021-04-23', 'Guest Writer - Left'],
    ['Reuters | March 1, 2025', '2025-03-01', 'Reuters'],
    ['25 de novembro de 2025 — Folha de S.Paulo', '2025-11-25', 'Folha de S.Paulo']
  ])('%s', (line, date, outlet) => {
    expect(parseBylineLine(line)).toEqual({ publishedAt: date, author: null, outlet })
  })
})

describe('dates in eight languages', () => {
  it.each([
    ['en', 'Saturday, March 1, 2025', '2025-03-01'],
    ['en', '1st March, 2025', '2025-03-01'],
    ['de', 'Montag, 5. Oktober 2021', '2021-10-05'],
    ['de', '5. Okt. 2021', '2021-10-05'],
    ['de', '3. März 2024', '2024-03-03'],
    ['fr', 'lundi 1er mars 2021', '2021-03-01'],
    ['fr', '12 févr. 2022', '2022-02-12'],
    ['es', '25 de noviembre de 2025', '2025-11-25'],
    ['es', 'martes, 3 de dic. de 2024', '2024-12-03'],
    ['it', '3 marzo 2024', '2024-03-03'],
    ['it', '7 settembre 2023', '2023-09-07'],
    ['pt', '25 de novembro de 2025', '2025-11-25'],
    ['pt', '2 de fev. de 2022', '2022-02-02'],
    ['ru', '25 ноября 2025', '2025-11-25'],
    ['ru', '25 ноября 2025 года', '2025-11-25'],
    ['ru', '1 мая 2024 г.', '2024-05-01'],
    ['uk', '12 листопада 2025 р.', '2025-11-12'],
    ['uk', '3 березня 2022', '2022-03-03'],
    ['numeric', '05.10.2021', '2021-10-05']
  ])('%s: %s', (_lang, text, iso) => {
    expect(parseDate(text)).toBe(iso)
  })

  it('reads a zone after a clock time, and drops a time without one', () => {
    expect(parseDate('Mar. 1, 2025 10:30 AM ET')).toBe('2025-03-01T10:30:00-05:00')
    expect(parseDate('5. Oktober 2021, 14:30 Uhr MESZ')).toBe('2021-10-05T14:30:00+02:00')
    expect(parseBylineLine('25 ноября 2025, 14:30')?.publishedAt).toBe('2025-11-25')
  })

  it('refuses impossible dates and words that are not months', () => {
    expect(parseDate('31 ноября 2025')).toBeNull()
    expect(parseDate('30. Februar 2024')).toBeNull()
    expect(parseDate('5 Ostern 2021')).toBeNull()
  })
})

describe('date lines with an author', () => {
  it.each([
    ['By Jane Doe | 1 March 2025', { publishedAt: '2025-03-01', author: 'Jane Doe', outlet: null }],
    ['5. Oktober 2021 | Von Max Muster', { publishedAt: '2021-10-05', author: 'Max Muster', outlet: null }],
    ['Par Jean Dupont — 1er octobre 2021', { publishedAt: '2021-10-01', author: 'Jean Dupont', outlet: null }],
    ['25 ноября 2025 г. | Коммерсантъ', { publishedAt: '2025-11-25', author: null, outlet: 'Коммерсантъ' }],
    ['12 листопада 2025 р. — Українська правда', { publishedAt: '2025-11-12', author: null, outlet: 'Українська правда' }],
    ['Publicado el 25 de noviembre de 2025 | Por Ana Ruiz | El País', { publishedAt: '2025-11-25', author: 'Ana Ruiz', outlet: 'El País' }],
    ['March 1, 2025 by No Comments', { publishedAt: '2025-03-01', author: null, outlet: null }]
  ])('%s', (line, byline) => {
    expect(parseBylineLine(line)).toEqual(byline)
  })
})

describe('sentences are not date lines', () => {
  it.each([
    'On March 1, 2025 the council voted.',
    'March 1, 2025 — The president said he would veto the bill',
    'March 1, 2025 — he said.',
    'Am 5. Oktober 2021 stimmte der Rat zu',
    'Le 1er octobre 2021, le conseil a voté'
  ])('%s', (line) => {
    expect(parseBylineLine(line)).toBeNull()
  })

  it('tells outlet names from clauses', () => {
    for (const name of ['U.S. News & World Report', 'The Wall Street Journal', 'Corriere della Sera', 'Новая газета', 'news.com.au']) expect(looksLikeOutlet(name)).toBe(true)
    for (const clause of ['the council voted', 'The mayor said it would reopen soon', 'Officials confirmed.', 'Why?']) expect(looksLikeOutlet(clause)).toBe(false)
  })
})

describe('the text importer', () => {
  it('takes the date line out of the text, whatever its language', () => {
    const a = parsePlainText('Заголовок\n\n25 ноября 2025 г. | Коммерсантъ\n\nПервый абзац статьи.\n\nВторой абзац.')
    expect(a).toMatchObject({ title: 'Заголовок', publishedAt: '2025-11-25', outlet: 'Коммерсантъ' })
    expect(a.text).toBe('Первый абзац статьи.\n\nВторой абзац.')
    const b = parsePlainText('Harbour plan\n\nOctober 5, 2021 — U.S. News & World Report\n\nThe harbour plan was approved.')
    expect(b).toMatchObject({ publishedAt: '2021-10-05', outlet: 'U.S. News & World Report', text: 'The harbour plan was approved.' })
  })
})
