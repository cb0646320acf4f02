/**
 * Stories and related coverage that stay true on undated articles (issue 11): an undated article
 * joins a story only on strong textual evidence and never chains two stories; related coverage
 * leaves out dated articles far outside the window and says which distinctive words each shares.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { InProcessSearch } from '../../src/main/core/search/service'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'
import { EventHub } from '../../src/main/core/events'
import { StoryKeeper } from '../../src/main/core/services/story-keeper'

const BRIDGE = 'The Kestrel harbour bridge will be rebuilt after the council vote, and the Marrowby engineers start the steel work in June.'
const CHESS = 'The Ostrava chess club won the regional championship after a tense final round, and grandmaster Lindqvist kept the trophy.'

const ARTICLES: Record<string, string> = {
  bridge1: `Council votes to rebuild harbour bridge\n\nMarch 3, 2025 — Kestrel Courier\n\n${BRIDGE} The council said the Kestrel harbour bridge reopens next spring.`,
  bridge2: `Harbour bridge to be rebuilt\n\nMarch 4, 2025 — Harbour Post\n\n${BRIDGE} Marrowby engineers said the harbour bridge steel arrives in May.`,
  chess1: `Chess club wins the title\n\nMarch 20, 2025 — Island Times\n\n${CHESS} Lindqvist said the Ostrava club played its best chess.`,
  chess2: `Ostrava keeps the chess trophy\n\nMarch 21, 2025 — Quay Times\n\n${CHESS} The Ostrava chess club thanked its grandmaster Lindqvist.`,
  // Undated, about both stories at once: it must not join them into one.
  digest: `Weekend digest\n\n${BRIDGE} ${CHESS}`,
  // Undated, nearly the same text as bridge1: strong evidence, it joins that story.
  copy: `Council votes to rebuild harbour bridge\n\n${BRIDGE} The council said the Kestrel harbour bridge reopens next spring. Weekend edition.`,
  // The same words a year later: far outside the date window.
  later: `Harbour bridge rebuilt, a year on\n\nMarch 3, 2026 — Kestrel Courier\n\n${BRIDGE} Traffic returned on Monday.`
}

describe('stories and related coverage with undated articles', () => {
  let lib: Library
  let search: InProcessSearch
  let ids: Record<string, number>
  beforeEach(async () => {
    lib = Library.open(tmpDir())
    const results = await importBatch(lib, Object.entries(ARTICLES).map(([k, t]) => ({ name: `${k}.txt`, bytes: new TextEncoder().encode(t) })))
    expect(results.map((r) => r.status)).toEqual(Object.keys(ARTICLES).map(() => 'imported'))
    ids = Object.fromEntries(Object.keys(ARTICLES).map((k, i) => [k, results[i]!.articleId!]))
    search = new InProcessSearch(Library.connection(lib))
  })
  afterEach(() => lib.close())

  const name = (id: number): string => Object.entries(ids).find(([, v]) => v === id)![0]

  it('never chains two stories through an undated article, and joins an undated copy to its story', async () => {
    // Grouped from scratch, and as kept in the library by the keeper.
    const keeper = new StoryKeeper(lib, search, new EventHub(), false)
    await keeper.settle()
    const kept = new Map<number, number[]>()
    for (const m of lib.stories.members()) kept.set(m.story, [...(kept.get(m.story) ?? []), m.id])
    for (const groups of [await search.stories(), [...kept.values()]]) {
      const stories = groups.map((g) => g.map(name).sort())
      const of = (k: string): string[] => stories.find((g) => g.includes(k)) ?? [k]
      expect(of('bridge1')).toEqual(['bridge1', 'bridge2', 'copy'])
      expect(of('chess1')).toEqual(['chess1', 'chess2'])
      expect(of('digest')).not.toContain('bridge1')
      expect(of('digest')).not.toContain('chess1')
    }
  })

  it('lists no dated article far outside the window, and says which words each related one shares', async () => {
    const related = await search.related(ids.bridge1!, 10)
    expect(related.map((r) => name(r.id))).toContain('bridge2')
    expect(related.map((r) => name(r.id))).not.toContain('later')
    const bridge2 = related.find((r) => r.id === ids.bridge2)!
    expect(bridge2.terms).toContain('Marrowby')
    for (const t of bridge2.terms) for (const k of ['bridge1', 'bridge2']) expect(ARTICLES[k]!.toLowerCase()).toContain(t.toLowerCase())
  })
})
