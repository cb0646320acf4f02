/** Field terms beside words to rank filter (`outlet:fox vaccine`: Fox articles about vaccines), on a real library and Lunr index. */
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../src/main/core/search/query'
import { useSearchFixture } from '../helpers/search-library'

const ARTICLES: Record<string, string> = {
  foxMany: 'Vaccine mandates return\n\nMay 2, 2024 — Fox News\n\nThe vaccine mandate debate returned as vaccine makers asked for vaccine approval.',
  foxOnce: 'Hospitals brace for winter\n\nMay 3, 2024 — Fox News\n\nHospitals prepared beds; one vaccine clinic opened downtown.',
  foxOther: 'Border talks stall\n\nMay 4, 2024 — Fox News\n\nNegotiators left the border talks without a deal.',
  cnn: 'Vaccine vaccine vaccine\n\nMay 5, 2024 — CNN\n\nA vaccine study, vaccine uptake and a fox spotted near the vaccine centre.',
  nyt: 'Vaccine trial results\n\nMay 6, 2024 — The New York Times\n\nThe vaccine trial reported its results.',
  nyPost: 'Vaccine queues lengthen\n\nMay 7, 2024 — New York Post\n\nQueues for the vaccine grew across the city.'
}

describe('field terms beside words filter', () => {
  const f = useSearchFixture(ARTICLES)
  const ranked = f.ranked

  it('outlet:fox vaccine returns only Fox articles about vaccines, ranked by the words', async () => {
    expect(await ranked('outlet:fox vaccine')).toEqual(['foxMany', 'foxOnce'])
    // Anywhere in the query, and the same ranking as the plain words give among Fox articles.
    expect(await ranked('vaccine outlet:fox')).toEqual(['foxMany', 'foxOnce'])
    // CNN's article, the best vaccine match overall (and with "fox" in its text), is left out.
    expect((await ranked('vaccine'))[0]).toBe('cnn')
  })

  it('reads multi-word outlets quoted or hyphenated, all words in the field', async () => {
    expect(await ranked('outlet:"new york times" vaccine')).toEqual(['nyt'])
    expect(await ranked('outlet:new-york-times vaccine')).toEqual(['nyt'])
    expect((await ranked('outlet:"new york" vaccine')).sort()).toEqual(['nyPost', 'nyt'])
  })

  it('takes several terms of one field as alternatives, of different fields as all applying', async () => {
    expect((await ranked('outlet:fox outlet:cnn vaccine')).sort()).toEqual(['cnn', 'foxMany', 'foxOnce'])
    f.lib.tags.change([f.ids.foxMany!, f.ids.cnn!, f.ids.nyt!], ['health'], [])
    await f.search.changed()
    expect((await ranked('tag:health vaccine')).sort()).toEqual(['cnn', 'foxMany', 'nyt'])
    expect(await ranked('tag:health outlet:fox vaccine')).toEqual(['foxMany'])
    expect(await ranked('outlet:fox* vaccine')).toEqual(['foxMany', 'foxOnce'])
    expect(await ranked('outlet:nosuchoutlet vaccine')).toEqual([])
  })

  it("keeps Lunr's meaning for + and -, for a field term alone and for title:", async () => {
    // Required: every Fox article, the vaccine ones first.
    expect(await ranked('+outlet:fox vaccine')).toEqual(['foxMany', 'foxOnce', 'foxOther'])
    expect((await ranked('-outlet:fox vaccine')).sort()).toEqual(['cnn', 'nyPost', 'nyt'])
    expect((await ranked('outlet:fox')).sort()).toEqual(['foxMany', 'foxOnce', 'foxOther'])
    // title: ranks (any word may match), it does not filter.
    expect((await ranked('title:border vaccine')).sort()).toEqual(['cnn', 'foxMany', 'foxOnce', 'foxOther', 'nyPost', 'nyt'])
    // Only stop words to rank by: the field term is not a filter (a phrase scan finds nothing here).
    expect(parseQuery('outlet:fox "the"').map((c) => c.presence)).toEqual(['optional', 'optional'])
    expect(parseQuery('outlet:fox author:doe tag:x title:y vaccine').map((c) => c.presence)).toEqual(['filter', 'filter', 'filter', 'optional', 'optional'])
  })
})
