/** A comparison's overview and framing on articles written for these tests. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Comparison } from '../../src/shared/contract'
import { compareArticles, type CompareInput } from '../../src/main/core/compare'
import { headlineWords, LEXICON, loadedWords, ownVoice } from '../../src/main/core/compare/framing'
import { parsePlainText } from '../../src/main/core/importers/text'
import { FIXTURES } from '../helpers/paths'

function article(name: string, id: number): CompareInput {
  const a = parsePlainText(readFileSync(join(FIXTURES, 'compare', name), 'utf8'))
  return { id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, text: a.text }
}

const courier: CompareInput = {
  id: 1,
  title: 'Council approves ferry timetable',
  outlet: 'Kestrel Courier',
  publishedAt: '2025-03-03',
  text: [
    'The harbour council approved the new ferry timetable on Monday after a long debate.',
    'The timetable adds 12 crossings a week from April.',
    '“We carry more people than ever,” chief executive Dana Holt said.',
    'Fares will stay at 4 euros for residents.'
  ].join('\n\n')
}
const post: CompareInput = {
  id: 2,
  title: 'Council caves to ferry company in timetable power grab',
  outlet: 'Harbour Post',
  publishedAt: '2025-03-04',
  text: [
    'The harbour council caved on Monday and approved the new ferry timetable after a long debate.',
    'The timetable adds 14 crossings a week from April.',
    'Critics slammed the deal, which Holt admitted was “extremely rushed.”',
    'Opposition councillor Piet Olsen said the company had written the plan itself and that residents were never asked.'
  ].join('\n\n')
}

describe('framing', () => {
  it('finds the words each headline adds and drops against the others', () => {
    const [a, b] = headlineWords([courier.title, post.title])
    expect(a!.adds).toEqual(['approves'])
    expect(b!.adds).toEqual(['caves', 'company', 'power', 'grab'])
    expect(a!.drops).toEqual(['caves', 'company', 'power', 'grab'])
  })

  it('counts loaded words in the outlet’s own voice, not inside quotes', () => {
    expect(ownVoice('He said it was “extremely rushed” and left.')).toBe('He said it was   and left.')
    const words = loadedWords(post.text).map((w) => `${w.category}:${w.term}`)
    expect(words).toEqual(expect.arrayContaining(['label:caved', 'loaded-attribution:slammed', 'loaded-attribution:admitted', 'neutral-attribution:said']))
    // "extremely" is the source's word, inside the quote.
    expect(words).not.toContain('intensifier:extremely')
    expect(loadedWords(courier.text).map((w) => w.term)).toEqual(['said'])
  })

  it('ships a documented lexicon: its source, and every term in one category', () => {
    expect(LEXICON.source).toMatch(/Recasens/)
    const all = Object.values(LEXICON.categories).flatMap((c) => c.terms)
    expect(new Set(all).size).toBe(all.length)
    expect(all).toEqual(expect.arrayContaining(['power grab', 'caves', 'claimed', 'admitted', 'slammed', 'said']))
  })
})

describe('overview', () => {
  it('states what each article adds, the facts that disagree and the quotes one leaves out', () => {
    const c = compareArticles([courier, post])
    expect(Comparison.safeParse(c).success).toBe(true)
    const o = c.overview
    expect(o.unrelated).toBe(false)
    expect(o.articles.map((x) => x.apart)).toEqual([false, false])
    // Three of the courier's four sentences have a counterpart; the quote and the fare are its own.
    expect(o.articles[0]!.shared).toBeGreaterThan(0.4)
    expect(o.articles[1]!.headline.adds).toContain('caves')
    expect(o.articles[1]!.loaded.map((w) => w.term)).toEqual(expect.arrayContaining(['caved', 'slammed', 'admitted']))
    // Only-here sentences: the one with a quote first, then the one with a number.
    const own = o.onlyHere.filter((x) => x.article === 0)
    expect(own.map((x) => x.carries)).toEqual([['quote', 'name'], ['number']])
    // The crossings: 12 against 14 in aligned sentences.
    expect(o.disagreements.map((d) => [d.kind, d.inA, d.inB])).toEqual([['number', ['12'], ['14']]])
    expect(o.disagreements[0]!.textB).toContain('14 crossings')
    // Holt's quote is in the courier only.
    const q = o.quotes.find((x) => c.quotes[x.quote]!.text.startsWith('We carry'))!
    expect([q.status, q.carriers, q.missingFrom]).toEqual(['only', [0], [1]])
    expect(o.articles[0]!.namesFirst[0]).toBe('Dana Holt')
    expect(o.articles[1]!.namesMost.map((n) => n.text)).toEqual(expect.arrayContaining(['Piet Olsen']))
  })

  it('says when the articles do not seem to cover the same story', () => {
    expect(compareArticles([article('original.txt', 1), article('unrelated.txt', 2)]).overview.unrelated).toBe(true)
    const three = compareArticles([article('original.txt', 1), article('rewrite.txt', 2), article('unrelated.txt', 3)]).overview
    expect(three.unrelated).toBe(false)
    expect(three.articles.map((x) => x.apart)).toEqual([false, false, true])
  })
})
