/**
 * Folder imports through the contract (run via dispatch and over HTTP): a folder's files as the
 * app sends them ("Folder/…/name"), with metadata files, documentation and a group.json; the
 * outlet for the whole folder; the outlet alias list.
 */
import { describe, expect, it } from 'vitest'
import { expectRefused, useHarness, type Harness } from './suite'

const b64 = (s: string): string => Buffer.from(s).toString('base64')
const article = (title: string, line: string, topic: string): string =>
  `${title}\n\n${line}\n\nThe ${topic} plan was approved by the council after a long debate.\n\nWork on the ${topic} starts in spring.`

export function folderSuite(transport: string, open: () => Promise<Harness>): void {
  describe(`folder imports over ${transport}`, () => {
    const ctx = useHarness(open)
    const ok = ctx.ok

    it('reports metadata files, documentation and non-articles by status and reason', async () => {
      const files = [
        { name: 'clips/README.md', data: b64('# About\n\nOne folder per story.') },
        { name: 'clips/story/1_nyt.json', data: b64(JSON.stringify({ outlet: 'The New York Times', date: '2021-10-04', author: 'Ana Lopez' })) },
        { name: 'clips/story/1_nyt.txt', data: b64(article('Harbour &#163;1.8m plan', 'October 5, 2021 — New York Times', 'harbour')) },
        { name: 'clips/story/2_ru.txt', data: b64(article('План гавани', '25 ноября 2025 г. | Коммерсантъ', 'ferry')) },
        { name: 'clips/story/group.json', data: b64(JSON.stringify({ event: 'Harbour', text: 'full article bodies' })) },
        { name: 'clips/sport/3.txt', data: b64(article('Harbour race', 'The race was held on Sunday.', 'race')) }
      ]
      const { results } = await ok('import.files', { jobId: 'folder', folderOutlet: { from: 'name', name: 'Harbour Desk' }, files })
      const summary = results.map((r: { name: string; status: string }) => [r.name, r.status])
      // The metadata file follows its article.
      expect(summary).toEqual([
        ['clips/README.md', 'skipped'],
        ['clips/story/1_nyt.txt', 'imported'],
        ['clips/story/1_nyt.json', 'metadata'],
        ['clips/story/2_ru.txt', 'imported'],
        ['clips/story/group.json', 'skipped'],
        ['clips/sport/3.txt', 'imported']
      ])
      expect(results[2]).toMatchObject({ articleId: results[1].articleId, reason: 'metadata for 1_nyt.txt: outlet, date, author' })
      expect(results[4].reason).toMatch(/^holds no article text/)
      const nyt = await ok('articles.get', { id: results[1].articleId })
      expect(nyt).toMatchObject({ title: 'Harbour £1.8m plan', outlet: 'The New York Times', publishedAt: '2021-10-04', author: 'Ana Lopez' })
      expect(nyt.text).toMatch(/^The harbour plan/)
      expect(await ok('articles.get', { id: results[3].articleId })).toMatchObject({ outlet: 'Коммерсантъ', publishedAt: '2025-11-25' })
      expect((await ok('articles.get', { id: results[5].articleId })).outlet).toBe('Harbour Desk')

      // A README picked by name is an article.
      const picked = await ok('import.files', { jobId: 'readme', files: [{ name: 'README.md', data: files[0]!.data }] })
      expect(picked.results[0]).toMatchObject({ status: 'imported', title: 'About' })
    })

    it('merges outlet spellings and keeps an editable alias list', async () => {
      const files = [
        { name: 'a.txt', data: b64(article('Harbour A', 'March 1, 2025 — New York Times', 'alpha')) },
        { name: 'b.txt', data: b64(article('Harbour B', 'March 2, 2025 — The New York Times', 'beta')) },
        { name: 'c.txt', data: b64(article('Harbour C', 'March 3, 2025 — NYT', 'gamma')) }
      ]
      await ok('import.files', { jobId: 'aliases', files })
      const facets = async () => (await ok('library.facets', {})).outlets.map((o: { name: string; count: number }) => [o.name, o.count])
      expect(await facets()).toEqual([['New York Times', 2], ['NYT', 1]])
      expect(await ok('outlets.aliases', {})).toEqual({ items: [] })

      const set = await ok('outlets.setAliases', { items: [{ alias: ' NYT ', outlet: 'The New York Times' }] })
      expect(set).toEqual({ items: [{ alias: 'NYT', outlet: 'The New York Times' }], renamed: 3 })
      expect(await ok('outlets.aliases', {})).toEqual({ items: [{ alias: 'NYT', outlet: 'The New York Times' }] })
      expect(await facets()).toEqual([['The New York Times', 3]])
      const found = await ok('search.query', { q: 'outlet:york' })
      expect(found.total).toBe(3)
    })

    it('changes outlet, author, language and tags on ticked articles at once', async () => {
      const files = ['alpha', 'beta', 'gamma'].map((t, i) => ({ name: `${t}.txt`, data: b64(article(`Harbour ${t}`, `March ${i + 1}, 2025 — Quay Times`, t)) }))
      const ids = (await ok('import.files', { jobId: 'bulk', files })).results.map((r: { articleId: number }) => r.articleId)
      const done = await ok('articles.updateMany', { ids: ids.slice(0, 2), patch: { outlet: 'Harbour Desk', author: 'Ana Lopez', language: 'de' }, addTags: ['harbour'] })
      expect(done).toEqual({ updated: 2 })
      for (const id of ids.slice(0, 2)) {
        expect(await ok('articles.get', { id })).toMatchObject({ outlet: 'Harbour Desk', author: 'Ana Lopez', language: 'de', tags: ['harbour'] })
      }
      expect(await ok('articles.get', { id: ids[2] })).toMatchObject({ outlet: 'Quay Times', author: null, tags: [] })
      expect((await ok('search.query', { q: 'outlet:desk' })).total).toBe(2)
      // An empty author clears it; a missing article changes nothing.
      expect(await ok('articles.updateMany', { ids: [ids[0], 999], patch: { author: '' } })).toEqual({ updated: 1 })
      expect((await ok('articles.get', { id: ids[0] })).author).toBeNull()
    })

    it.each([
      ['articles.updateMany', { ids: [1], patch: {} }, 'patch', /must change a field or add a tag/],
      ['articles.updateMany', { ids: [], patch: { outlet: 'X' } }, 'ids', /at least one article/],
      ['articles.updateMany', { ids: [1], patch: { title: 'X' } }, 'patch', /title/],
      ['articles.updateMany', { ids: [1], patch: { language: 'English' } }, 'patch.language', /language code/],
      ['import.files', { jobId: 'x', folderOutlet: { from: 'name', name: ' ' }, files: [{ name: 'a.txt', data: '' }] }, 'folderOutlet.name', /must not be empty/],
      ['import.files', { jobId: 'x', folderOutlet: { from: 'elsewhere' }, files: [{ name: 'a.txt', data: '' }] }, 'folderOutlet.from', /argument "folderOutlet.from"/],
      ['outlets.setAliases', { items: [{ alias: '', outlet: 'Reuters' }] }, 'items.0.alias', /must not be empty/],
      ['outlets.setAliases', { items: [{ alias: 'AP', outlet: 'Associated Press' }, { alias: 'ap', outlet: 'AP News' }] }, 'items', /names an alias twice/]
    ])('%s(%j) is refused naming the field', async (method, args, field, message) => {
      expectRefused(await ctx.h.call(method, args), field, message)
    })
  })
}
