/**
 * Quality of names, numbers and speakers: each news attribution pattern on sentences written for
 * these tests, variant letters, whole names, pronouns against names; then the hand-labelled
 * coverage set (tests/fixtures/compare/*.tsv), which needs ../shared/corpus/coverage.
 */
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { entityPrecision, requireCoverage, sameSpeaker, speakerAccuracy } from '../../bench/compare-quality'
import { compareArticles, type CompareInput } from '../../src/main/core/compare'
import { extractEntities } from '../../src/main/core/compare/entities'
import { fold, wordDiff } from '../../src/main/core/compare/fold'
import { completeName, namesIn } from '../../src/main/core/compare/names'
import { findQuotes } from '../../src/main/core/compare/quotes'
import { splitSentences } from '../../src/main/core/compare/sentences'
import { sameText } from '../../src/main/core/compare/similarity'
import { ROOT } from '../helpers/paths'

const speakers = (paragraphs: string[]): [string, string | null][] => findQuotes(splitSentences(paragraphs.join('\n\n'))).map((q) => [q.text, q.speaker])

describe('speakers in the common news patterns', () => {
  it('a joint statement names both speakers', () => {
    expect(speakers(['“This is a land grab by a tired council,” Mayor Ada Brook and Councillor Tom Vale said in a joint statement.'])).toEqual([
      ['This is a land grab by a tired council', 'Ada Brook and Tom Vale']
    ])
  })

  it('`…, X said`, `said X`, `X said: …`, `according to X`, `X told Y`, `X wrote on Twitter`', () => {
    expect(
      speakers([
        '“The ferry will run all winter,” harbour master Ines Ruiz said on Monday.',
        '“Nobody asked the fishermen,” said Councillor Piet Olsen, a member of the opposition.',
        'Olsen said: “We will take this to court if we must.”',
        'The plan was “rushed through in a single night,” according to Marta Keel, who chairs the residents’ group.',
        '“I have never seen a vote like it,” Keel told the Harbour Post.',
        'Ruiz wrote on Twitter that the critics were “living in the last century.”'
      ])
    ).toEqual([
      ['The ferry will run all winter', 'Ines Ruiz'],
      ['Nobody asked the fishermen', 'Piet Olsen'],
      ['We will take this to court if we must', 'Piet Olsen'],
      ['rushed through in a single night', 'Marta Keel'],
      ['I have never seen a vote like it', 'Marta Keel'],
      ['living in the last century', 'Ines Ruiz']
    ])
  })

  it('a speaker named in the sentence before, a pronoun or a post resolved to them, a quote continued', () => {
    expect(
      speakers([
        'Ms. Dana Holt, the ferry company’s chief executive, defended the timetable at a meeting on Tuesday.',
        '“We carry more people than ever,” she said.',
        '“And we will carry more next year.”',
        'Mr. Olsen disagreed with Ms. Holt on every point.',
        '“The company is hiding its losses,” he said, before the executive replied: “Our accounts are public.”'
      ])
    ).toEqual([
      ['We carry more people than ever', 'Dana Holt'],
      ['And we will carry more next year', 'Dana Holt'],
      ['The company is hiding its losses', 'Olsen'],
      ['Our accounts are public', 'Dana Holt']
    ])
  })

  it('names no one for a document, a title in quotes or a term', () => {
    expect(
      speakers([
        '“Services will be cut on all routes,” a leaked memo from the company said.',
        'Holt wrote a book, “The Sea Road Home,” about the crossing.',
        'The deal is a “sweetheart arrangement for insiders” in the eyes of many.'
      ])
    ).toEqual([
      ['Services will be cut on all routes', null],
      ['The Sea Road Home', null],
      ['sweetheart arrangement for insiders', null]
    ])
  })

  it('a quote’s text carries no quotation marks of its own, so it is never shown in doubled marks', () => {
    const [q] = findQuotes(splitSentences('“““We are ready for this,”” the captain said.'))
    expect(q!.text).toBe('We are ready for this')
  })

  it('scores a speaker by surname, and a joint statement only with both', () => {
    expect(sameSpeaker('Chuck Schumer', 'Sen. Schumer')).toBe(true)
    expect(sameSpeaker('Nancy Pelosi and Chuck Schumer', 'Nancy Pelosi')).toBe(false)
    expect(sameSpeaker(null, 'Schumer')).toBe(false)
    expect(sameSpeaker(null, null)).toBe(true)
  })
})

describe('names', () => {
  it('are completed to their whole span and stripped of titles', () => {
    const text = 'Senate Democratic Leader Chuck Schumer and House Speaker Nancy Pelosi of California met Treasury Secretary Jacob Lew.'
    expect(completeName(text, 'Senate Democratic Leader Chuck')).toBe('Chuck Schumer')
    expect(namesIn(text).map((n) => n.text)).toEqual(['Chuck Schumer', 'Nancy Pelosi', 'Jacob Lew'])
    expect(namesIn('a spokesperson for the U.S. Fish and Wildlife Service').map((n) => [n.text, n.kind])).toEqual([['U.S. Fish and Wildlife Service', 'organization']])
    const found = extractEntities('Senate Democratic Leader Chuck Schumer spoke first.').filter((e) => e.kind === 'person' || e.kind === 'name')
    expect(found.map((e) => e.text)).toEqual(['Chuck Schumer'])
  })

  it('a pronoun against a name is no change; a different name or number is', () => {
    const a: CompareInput = { id: 1, title: 'Ferry', outlet: 'A', publishedAt: null, text: '“We carry more people than ever,” Dana Holt said at the harbour on Tuesday, adding that 400 people used it.' }
    const b: CompareInput = { id: 2, title: 'Ferry', outlet: 'B', publishedAt: null, text: '“We carry more people than ever,” she said at the harbour on Tuesday, adding that 450 people used it.' }
    const c = compareArticles([a, b])
    expect(c.changes.map((ch) => [ch.kind, ch.inA, ch.inB])).toEqual([['number', ['400'], ['450']]])
    // Both sides' text comes with every change.
    expect(c.changes[0]!.textA).toContain('Dana Holt said')
    expect(c.changes[0]!.textB).toContain('she said')
  })
})

describe('variant letters', () => {
  it('ё/е, ß/ss and curly/straight apostrophes are not differences', () => {
    expect(fold('Ещё')).toBe('Еще')
    expect(sameText('Он сказал: «Всё решено».', 'Он сказал: «Все решено».')).toBe(true)
    expect(sameText('Die Straße ist gesperrt.', 'Die Strasse ist gesperrt.')).toBe(true)
    expect(sameText('It’s the council’s plan.', "It's the council's plan.")).toBe(true)
    expect(wordDiff('Всё решено сегодня', 'Все решено вчера').filter((p) => p.op !== '=')).toEqual([
      { op: '-', text: 'сегодня' },
      { op: '+', text: 'вчера' }
    ])
    // Unchanged words are shown as the first text wrote them.
    expect(wordDiff('Die Straße bleibt', 'Die Strasse bleibt')).toEqual([{ op: '=', text: 'Die Straße bleibt' }])
  })

  it('a quote that differs only in them is carried verbatim', () => {
    const a: CompareInput = { id: 1, title: 'A', outlet: 'A', publishedAt: null, text: 'Песков сказал: «Мы ещё не получили ответа от Киева».' }
    const b: CompareInput = { id: 2, title: 'B', outlet: 'B', publishedAt: null, text: 'Песков сказал: «Мы еще не получили ответа от Киева».' }
    const [q] = compareArticles([a, b]).quotes
    expect(q!.carriers.map((k) => k.verbatim)).toEqual([true, true])
  })
})

describe('on the hand-labelled coverage texts', () => {
  const corpus = resolve(ROOT, '../shared/corpus/coverage')
  it('finds the labelled speaker of at least 90% of 150+ quotes', () => {
    const s = speakerAccuracy(requireCoverage(corpus))
    expect(s.total).toBeGreaterThanOrEqual(150)
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.9)
  })

  it('finds whole, real names and numbers at least 85% of the time', () => {
    const e = entityPrecision(requireCoverage(corpus))
    expect(e.found).toBeGreaterThan(50)
    expect(e.right / e.found).toBeGreaterThanOrEqual(0.85)
  })
})
