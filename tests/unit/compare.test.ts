/** The comparison engine on fixtures written to exercise each kind of difference, and nothing else. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareArticles, type CompareInput } from '../../src/main/core/compare'
import { extractEntities, mayName } from '../../src/main/core/compare/entities'
import { findQuotes } from '../../src/main/core/compare/quotes'
import { splitSentences } from '../../src/main/core/compare/sentences'
import { parsePlainText } from '../../src/main/core/importers/text'
import { Library } from '../../src/main/core/store/library'
import { FIXTURES } from '../helpers/paths'

function article(name: string, id: number): CompareInput {
  const a = parsePlainText(readFileSync(join(FIXTURES, 'compare', name), 'utf8'))
  return { id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, text: a.text }
}

describe('sentence segmentation', () => {
  it('survives abbreviations, initials, quotes spanning sentences, datelines and bullets', () => {
    const text = [
      'WASHINGTON, D.C. — Gen. Mark Milley met U.S. officials on Jan. 5 at 10 a.m. to discuss the plan. J. R. Smith was there too.',
      '“We are ready. We have been ready for months,” Smith said. Then he left.',
      '- First bullet point',
      '- Second bullet point'
    ].join('\n\n')
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Gen. Mark Milley met U.S. officials on Jan. 5 at 10 a.m. to discuss the plan.',
      'J. R. Smith was there too.',
      '“We are ready. We have been ready for months,” Smith said.',
      'Then he left.',
      '- First bullet point',
      '- Second bullet point'
    ])
  })
})

describe('quotes and entities', () => {
  it('finds quotes in several languages’ quotation marks with their speakers', () => {
    const ss = splitSentences(
      [
        '“Russia does not really want peace,” said Kaja Kallas.',
        'Kallas added: “The pressure has to grow on every front.”',
        '„Wir werden das schaffen“, sagte sie, and later « nous verrons bien demain », she said.',
        '""We have learned something important," Mr. Blumenthal said to the group.',
        'City Hall deputy press officer Lena Moss said in a post that the ferry would run again.',
        '“The new timetable applies to every crossing from Monday,” she said.'
      ].join('\n\n')
    )
    const qs = findQuotes(ss)
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([
      ['Russia does not really want peace', 'Kaja Kallas'],
      // A surname alone is completed to the full name the text gave before.
      ['The pressure has to grow on every front', 'Kaja Kallas'],
      ['Wir werden das schaffen', 'Kaja Kallas'],
      ['nous verrons bien demain', 'Kaja Kallas'],
      ['We have learned something important', 'Blumenthal'],
      // The name right before "said", not the organisation that opens the sentence.
      ['The new timetable applies to every crossing from Monday', 'Lena Moss']
    ])
  })

  it('extracts people, organisations, numbers with units and dates', () => {
    const keys = extractEntities('Kaja Kallas told Fox News Digital on March 1 that NATO’s 76-year history cost $48 million.').map((e) => `${e.kind}:${e.text}`)
    expect(keys).toEqual(expect.arrayContaining(['date:March 1', 'number:76-year', 'number:$48 million']))
    expect(keys.some((k) => k.includes('Kaja Kallas'))).toBe(true)
    expect(keys.some((k) => k.includes('Fox News'))).toBe(true)
  })
})

describe('compare', () => {
  it('reports the reordering, rewording, split, altered quote, dropped name and changed number, and nothing else', () => {
    const c = compareArticles([article('original.txt', 1), article('rewrite.txt', 2)])
    const [a, b] = c.articles
    expect(a!.sentences).toHaveLength(8)
    expect(b!.sentences).toHaveLength(9)
    const pair = (i: number): string => {
      const p = c.pairs.find((x) => x.sentencesA.includes(i))!
      return `${p.alignment}:${p.sentencesB.join('+')}`
    }
    // Verbatim, though in another place.
    expect(pair(1)).toBe('same:4')
    expect(pair(4)).toBe('same:1')
    // Reworded in place or moved.
    expect(pair(0)).toBe('reworded:0')
    expect(pair(2)).toBe('reworded:2')
    expect(pair(3)).toBe('reworded:3')
    expect(pair(6)).toBe('reworded:7')
    expect(pair(7)).toBe('reworded:8')
    // One sentence split in two.
    expect(pair(5)).toBe('reworded:5+6')
    expect(c.pairs).toHaveLength(8)
    expect(a!.adds).toBe(0)
    expect(b!.adds).toBe(0)
    expect(a!.sharedWith[1]).toBe(1)

    const numberDiff = c.pairs.find((x) => x.sentencesA.includes(6))!.diff
    expect(numberDiff.filter((d) => d.op !== '=').map((d) => `${d.op}${d.text}`)).toEqual(['-76', '+75'])

    // The quote, altered, with the same speaker.
    expect(c.quotes).toHaveLength(1)
    const [q] = c.quotes
    expect(q!.carriers.map((k) => [k.article, k.verbatim, k.speaker])).toEqual([
      [0, true, 'Ana Lopez'],
      [1, false, 'Ana Lopez']
    ])
    expect(q!.carriers[1]!.diff.filter((d) => d.op !== '=').map((d) => `${d.op}${d.text}`)).toEqual(['-one', '+century'])

    // Names and numbers: exactly the dropped outlet and the changed number.
    expect(c.changes.map((ch) => `${ch.kind} ${ch.sentenceA}/${ch.sentenceB}: ${ch.inA.join(',')} | ${ch.inB.join(',')}`)).toEqual([
      'name 2/2: Kestrel Courier | ',
      'number 6/7: 76 | 75'
    ])
  })

  it('aligns next to nothing between unrelated articles', () => {
    const c = compareArticles([article('original.txt', 1), article('unrelated.txt', 2)])
    expect(c.pairs.length).toBeLessThanOrEqual(1)
    expect(c.articles[1]!.sharedWith[0]).toBeLessThan(0.2)
  })

  it('says which of three articles share a quote', () => {
    const c = compareArticles([article('original.txt', 1), article('unrelated.txt', 2), article('same-quote.txt', 3)])
    const shared = c.quotes.find((q) => q.carriers.length > 1)!
    expect(shared.text).toBe('This bridge has carried our city for a century, and now it will carry it for another one')
    expect(shared.carriers.map((k) => [k.article, k.verbatim])).toEqual([
      [0, true],
      [2, true]
    ])
    expect(shared.carriers.map((k) => k.speaker)).toEqual(['Ana Lopez', null])
  })
})

describe('which sentences the NLP pass reads', () => {
  it('skips only sentences that cannot name a person, organisation or place', () => {
    expect(mayName('Blair said the vote would be close.')).toBe(true)
    expect(mayName('“Kallas is right,” one diplomat said.')).toBe(true)
    expect(mayName('The talks were moved to Geneva on Friday.')).toBe(true)
    expect(mayName('It was, said Ms Lind, a question of trust.')).toBe(true)
    expect(mayName('The committee met on a wet afternoon.')).toBe(false)
    expect(mayName('But nobody expected the vote to pass so easily.')).toBe(false)
    // Entities from the skipped sentences' numbers and dates are still found in the whole text.
    const text = ['The committee met for 76 minutes.', 'Blair said it was a 75-year record.'].join('\n')
    const found = extractEntities(text, text.split('\n').filter(mayName).join('\n')).map((e) => e.key)
    expect(found).toEqual(expect.arrayContaining(['name:blair', 'number:76', 'number:75 year']))
    // Dates compare by their parts.
    const dates = (x: string): string[] => extractEntities(x).filter((e) => e.kind === 'date').map((e) => e.key)
    expect(dates('It starts on Nov. 8.')).toEqual(dates('It starts on November 8th.'))
    expect(dates('Signed on 1 March 2025.')).toEqual(dates('Signed on 1 Mar 2025.'))
    // The digits of a name are not numbers.
    expect(extractEntities('He had Covid-19 and flew an F-16 to the G7, 3 times.').filter((e) => e.kind === 'number').map((e) => e.key)).toEqual(['number:3'])
  })
})

describe('stored entities', () => {
  it('are recomputed when they were found by an older version of the extraction', async () => {
    const { openCore } = await import('../../src/main/core')
    const { ENTITY_VERSION } = await import('../../src/main/core/compare/entities')
    const { tmpDir } = await import('../helpers/tmp')
    const core = openCore(tmpDir())
    try {
      const enc = (t: string): string => Buffer.from(t).toString('base64')
      const { results } = await core.service['import.files']({
        jobId: 'e',
        files: [
          { name: 'a.txt', data: enc('Bridge opens\n\nMayor Ana Lopez opened the bridge on Nov. 8 after 76 days.') },
          { name: 'b.txt', data: enc('Bridge opens at last\n\nMayor Ana Lopez opened the bridge on November 8th after 75 days.') }
        ]
      })
      const ids = results.map((r) => r.articleId!)
      // An older version's list, stored as a plain array with an entity the current one would not find.
      Library.connection(core.library).prepare('UPDATE articles SET entities = ? WHERE id = ?').run(JSON.stringify([{ kind: 'number', text: '19', key: 'number:19' }]), ids[0])
      const c = await core.service['compare.run']({ ids })
      expect(c.entities.map((e) => e.text)).not.toContain('19')
      expect(c.changes.map((ch) => ch.kind)).toContain('number')
      expect(c.changes.some((ch) => ch.kind === 'date')).toBe(false)
      expect(core.library.articles.entities(ids[0]!, ENTITY_VERSION)).not.toBeNull()
    } finally {
      await core.close()
    }
  })
})
