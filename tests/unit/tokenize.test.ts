/**
 * The tokenizer finds plain ASCII words without its regular expression (the index build spends
 * most of its time here); where a word may go on past ASCII letters — an apostrophe, a full stop,
 * a letter outside ASCII, the length cap — WORD decides. The same words, terms and offsets either way.
 */
import { describe, expect, it } from 'vitest'
import { indexTerms, JOINED, MAX_TOKEN_LENGTH, stopWordId, tokenize } from '../../src/main/core/text/tokenize'

const words = (text: string): [string, string][] => tokenize(text).map((t) => [t.term, text.slice(t.start, t.end)])

describe('tokenize', () => {
  it('gives the words WORD gives where plain ASCII words meet apostrophes, full stops and other scripts', () => {
    expect(words("The U.S. economy's rise, rock'n'roll.")).toEqual([
      ['the', 'The'],
      ['us', 'U.S'],
      ['economi', "economy's"],
      ['rise', 'rise'],
      ['rocknrol', "rock'n'roll"]
    ])
    expect(words('café—société naïve')).toEqual([
      ['cafe', 'café'],
      ['societ', 'société'],
      ['naiv', 'naïve']
    ])
    expect(words('abc東京 x')).toEqual([
      ['ab', 'abc東京'],
      ['bc', 'abc東京'],
      ['c東', 'abc東京'],
      ['東京', 'abc東京'],
      ['x', 'x']
    ])
    expect(words('it’s 1,000.50')).toEqual([
      ['it', 'it’s'],
      ['1', '1'],
      ['00050', '000.50']
    ])
  })

  it('cuts a word at the length cap, whether or not it is plain ASCII', () => {
    const long = 'b'.repeat(MAX_TOKEN_LENGTH + 50)
    expect(words(`a ${long} next`).map(([t]) => t)).toEqual(['a', 'b'.repeat(MAX_TOKEN_LENGTH), 'next'])
    expect(words(`${'x'.repeat(MAX_TOKEN_LENGTH - 1)} y`).map(([t]) => t.length)).toEqual([MAX_TOKEN_LENGTH - 1, 1])
  })

  it('numbers indexed terms as tokenize does, with what stands beside each', () => {
    const seen: [string, number, number, number][] = []
    const count = indexTerms('Opened the bridge, 東京都.', (term, position, before, after) => seen.push([term, position, before, after]))
    expect(count).toBe(4)
    expect(seen).toEqual([
      ['open', 0, 0, stopWordId('the')],
      ['bridg', 2, stopWordId('the'), 0],
      ['東京', 3, 0, JOINED],
      ['京都', 4, JOINED, 0]
    ])
  })
})
