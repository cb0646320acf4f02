/**
 * Related coverage in a library spanning years (issue 14): the date window picks the candidates
 * before they are ranked, so closer matches outside the window (the same words a year later, many
 * times over) never crowd out the article's own story, and each match says which words it shares.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { InProcessSearch } from '../../src/main/core/search/service'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

const FERRY = 'The Quillon ferry line will add a night crossing after the harbour board vote, and the Brackwater shipyard refits two boats. The ferry sails from May.'

const article = (title: string, date: string, outlet: string, text: string): string => `${title}\n\n${date} — ${outlet}\n\n${text}`

const FILLER = ['orchard', 'lantern', 'granite', 'meadow', 'pylon', 'quarry', 'saddle', 'tundra', 'violet', 'walnut', 'yarrow', 'zephyr', 'bramble', 'cinder', 'dapple', 'ember']
/** Words of its own for piece k (so no two pieces are near-duplicates of each other). */
const own = (k: number): string => Array.from({ length: 12 }, (_, j) => `${FILLER[(k * 7 + j * 3) % FILLER.length]}${(k * 12 + j) % 97}`).join(' ')

/** Fifty anniversary pieces a year later repeat the article word for word, with news of their own. */
const LATER = Array.from({ length: 50 }, (_, k) =>
  article(`Ferry night crossing, a year on (${k + 1})`, `March ${1 + (k % 28)}, 2026`, `Anniversary Desk ${k + 1}`, `${FERRY}\n\n${own(k)}.`)
)

describe('related coverage in a library spanning years', () => {
  let lib: Library
  let search: InProcessSearch
  let ids: number[]
  beforeEach(async () => {
    lib = Library.open(tmpDir())
    const texts = [
      article('Harbour board backs night ferry', 'March 3, 2025', 'Kestrel Courier', FERRY),
      // The same story two days later, told with fewer of the same words.
      article('Island link approved', 'March 5, 2025', 'Harbour Post', 'The night sailing was approved.'),
      ...LATER
    ]
    const results = await importBatch(lib, texts.map((t, i) => ({ name: `a${i}.txt`, bytes: new TextEncoder().encode(t) })))
    expect(results.map((r) => r.status)).toEqual(texts.map(() => 'imported'))
    ids = results.map((r) => r.articleId!)
    search = new InProcessSearch(Library.connection(lib))
  })
  afterEach(() => lib.close())

  it('finds the article in the window although fifty closer matches a year later outrank it', async () => {
    const related = await search.related(ids[0]!, 10)
    expect(related.map((r) => r.id)).toEqual([ids[1]])
    // The article's distinctive words it shares, as the article writes them.
    expect(related[0]!.terms).toContain('night')
  })

  it('ranks an undated article against the whole library, the closest first', async () => {
    const undated = await importBatch(lib, [{ name: 'undated.txt', bytes: new TextEncoder().encode(`Ferry board vote\n\n${FERRY}\n\n${own(99)}`) }])
    expect(undated[0]!.status).toBe('imported')
    const related = await search.related(undated[0]!.articleId!, 10)
    expect(related).toHaveLength(10)
    expect(related.every((r) => r.score > 0 && r.terms.length > 0)).toBe(true)
    expect(related.map((r) => r.score)).toEqual([...related.map((r) => r.score)].sort((a, b) => b - a))
    expect(related.map((r) => r.id)).not.toContain(undated[0]!.articleId)
  })
})
