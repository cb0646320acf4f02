/**
 * Article versions through the contract (run via dispatch and over HTTP): the same body imported
 * under a new headline becomes version 2; the versions, one version's text, their diff and their
 * comparison; arguments that cannot name two versions are refused, missing versions not found.
 */
import { describe, expect, it } from 'vitest'
import { expectRefused, useHarness, type Harness } from './suite'

const b64 = (s: string): string => Buffer.from(s).toString('base64')
const BODY = 'The ferry service to Kestrel Island resumes on Monday after repairs to the pier.\n\nThe operator said timetables are unchanged.'
const file = (name: string, title: string): { name: string; data: string } => ({ name, data: b64(`${title}\n\n${BODY}`) })

export function versionSuite(transport: string, open: () => Promise<Harness>): void {
  describe(`article versions over ${transport}`, () => {
    const ctx = useHarness(open)
    const ok = ctx.ok

    it('imports the same body under a new headline as a headline version, then lists, reads, diffs and compares the versions', async () => {
      const folderOutlet = { from: 'name', name: 'Island Echo' }
      const first = (await ok('import.files', { jobId: 'a', folderOutlet, files: [file('a.txt', 'Ferry returns on Monday')] })).results[0]
      const second = (await ok('import.files', { jobId: 'b', folderOutlet, files: [file('b.txt', 'Island ferry back after pier repairs')] })).results
      expect(second).toEqual([
        {
          name: 'b.txt',
          status: 'imported',
          articleId: first.articleId,
          title: 'Island ferry back after pier repairs',
          reason: `new version 2 of article #${first.articleId} “Ferry returns on Monday”: headline changed`,
          nearDuplicates: [],
          version: { number: 2, change: 'headline' }
        }
      ])
      const id = first.articleId
      const again = (await ok('import.files', { jobId: 'c', folderOutlet, files: [file('a-again.txt', 'Ferry returns on Monday')] })).results[0]
      expect(again).toMatchObject({ status: 'duplicate', articleId: id, reason: `same as version 1 of article #${id} “Ferry returns on Monday”`, version: { number: 1, change: null } })
      const { items } = await ok('articles.versions', { id })
      expect(items.map((v: { number: number; title: string; current: boolean; sourceName: string }) => [v.number, v.title, v.current, v.sourceName])).toEqual([
        [1, 'Ferry returns on Monday', false, 'a.txt'],
        [2, 'Island ferry back after pier repairs', true, 'b.txt']
      ])
      expect(await ok('articles.version', { id, number: 1 })).toMatchObject({ number: 1, title: 'Ferry returns on Monday', text: BODY })
      const diff = await ok('articles.versionDiff', { id, from: 1, to: 2 })
      expect([diff.from.number, diff.to.number, diff.text]).toEqual([1, 2, [{ op: '=', text: BODY }]])
      const words = (op: string): string => diff.title.filter((p: { op: string }) => p.op === op).map((p: { text: string }) => p.text.trim()).join(' ')
      expect([words('-'), words('+')]).toEqual(['returns on Monday', 'Island back after pier repairs'])
      const compared = await ok('compare.versions', { id, versions: [2, 1] })
      expect(compared.articles.map((a: { title: string; outlet: string }) => [a.title, a.outlet])).toEqual([
        ['Island ferry back after pier repairs', 'Island Echo · version 2'],
        ['Ferry returns on Monday', 'Island Echo · version 1']
      ])
      expect(compared.articles[0].sentences.every((s: { alignment: string }) => s.alignment === 'same')).toBe(true)
    })

    it('refuses arguments that do not name two versions, and reports missing versions and articles', async () => {
      expectRefused(await ctx.h.call('articles.versionDiff', { id: 1, from: 2, to: 2 }), 'to', /must name another version than from/)
      expectRefused(await ctx.h.call('compare.versions', { id: 1, versions: [1, 1] }), 'versions', /must name two different versions/)
      expectRefused(await ctx.h.call('compare.versions', { id: 1, versions: [1] }), 'versions', /./)
      expectRefused(await ctx.h.call('articles.version', { id: 1, number: 0 }), 'number', /./)
      await ok('import.files', { jobId: 'a', files: [file('a.txt', 'Ferry returns on Monday')] })
      expect(await ctx.h.call('articles.version', { id: 1, number: 2 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'number', message: 'Article #1 has no version 2 (it has 1).' } })
      expect(await ctx.h.call('articles.versions', { id: 9 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } })
    })
  })
}
