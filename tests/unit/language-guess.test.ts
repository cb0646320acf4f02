/** The language guessed for an article that does not say: never a constructed language for plain news. */
import { describe, expect, it } from 'vitest'
import { guessLanguage } from '../../src/main/core/importers/prepare'

describe('guessLanguage', () => {
  it('reads English about an invented place as English, not Klingon (the first-hour test found it)', () => {
    const text =
      'Lindqvarn counts the cost of the water shortage. Officials in Lindqvarn said on Tuesday that the water shortage forced hosepipe limits, affecting about 263 water engineers. A report on the water shortage is due in five weeks.'
    expect(guessLanguage(text)).toBe('en')
  })

  it('still tells German and French, and says nothing about too little text', () => {
    expect(guessLanguage('Die Behörden haben am Dienstag bestätigt, dass der Fährverkehr wegen eines Streiks eingestellt wurde und viele Pendler betroffen sind.')).toBe('de')
    expect(guessLanguage('Les autorités ont confirmé mardi que les traversées en ferry étaient suspendues à cause d’une grève des équipages.')).toBe('fr')
    expect(guessLanguage('Short.')).toBeNull()
  })
})
