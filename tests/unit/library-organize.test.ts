/** Tags, collections and the library archive: filters in the library and in search, exports, an exact round trip. */
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { tmpDir } from '../helpers/tmp'

async function library(): Promise<{ core: Core; call: (m: string, a?: unknown) => Promise<any>; ids: number[] }> {
  const core = openCore(tmpDir())
  const call = async (m: string, a: unknown = {}): Promise<any> => {
    const env = await dispatch(core.service, m, a)
    if (!env.ok) throw new Error(`${m}: ${env.error.message}`)
    return env.result
  }
  const files = [
    ['bridge.txt', 'Harbour bridge reopens\n\nJune 3, 2024 — Kestrel Courier\n\nThe bridge reopened on Monday after a long repair.'],
    ['buses.txt', 'Council keeps night buses\n\nNovember 5, 2024 — Kestrel Gazette\n\nThe council voted to keep the night buses running.'],
    ['ferry.txt', 'Ferry fares rise\n\nApril 1, 2024 — Island Times\n\nFares on the ferry rise by four percent in April.']
  ].map(([name, text]) => ({ name, data: Buffer.from(text!).toString('base64') }))
  const { results } = await call('import.files', { jobId: 'o', files })
  return { core, call, ids: results.map((r: { articleId: number }) => r.articleId) }
}

describe('tags and collections', () => {
  it('tag articles and filter the library and search by tag and collection', async () => {
    const { core, call, ids } = await library()
    try {
      await call('tags.change', { ids: [ids[0], ids[1]], add: ['transport', 'council watch'] })
      await call('tags.change', { ids: [ids[1]], remove: ['council watch'] })
      const listed = await call('articles.list', { tag: 'transport' })
      expect(listed.total).toBe(2)
      expect(listed.items.find((a: { id: number }) => a.id === ids[0]).tags).toEqual(['council watch', 'transport'])
      expect((await call('tags.list')).items).toEqual([
        { name: 'council watch', count: 1 },
        { name: 'transport', count: 2 }
      ])
      const col = await call('collections.create', { name: 'Waterfront project' })
      await call('collections.add', { id: col.id, articleIds: [ids[0], ids[2]] })
      expect((await call('articles.list', { collection: col.id })).items.map((a: { id: number }) => a.id).sort()).toEqual([ids[0], ids[2]].sort())
      expect((await call('articles.list', { collection: col.id, tag: 'transport' })).items.map((a: { id: number }) => a.id)).toEqual([ids[0]])
      expect((await call('search.query', { q: 'tag:transport' })).total).toBe(2)
      expect((await call('search.query', { q: 'bridge OR ferry OR buses', filters: { collection: col.id } })).hits.map((h: { id: number }) => h.id).sort()).toEqual([ids[0], ids[2]].sort())
      expect((await call('search.query', { q: 'bridge OR buses OR ferry', filters: { tag: 'council watch' } })).hits.map((h: { id: number }) => h.id)).toEqual([ids[0]])
      const md = (await call('collections.export', { id: col.id, format: 'markdown' })).content
      expect(md).toContain('# Waterfront project')
      expect(md).toContain('## Harbour bridge reopens')
      const json = JSON.parse((await call('collections.export', { id: col.id, format: 'json' })).content)
      expect(json.articles.map((a: { title: string }) => a.title)).toEqual(['Harbour bridge reopens', 'Ferry fares rise'])
      const bad = await dispatch(core.service, 'tags.change', { ids: [ids[0]], add: ['a,b'] })
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'add.0' } })
    } finally {
      await core.close()
    }
  })
})

describe('library archive', () => {
  it('round-trips every article, note, tag, collection and saved comparison exactly', async () => {
    const a = await library()
    const b = openCore(tmpDir())
    try {
      await a.call('tags.change', { ids: [a.ids[0]], add: ['transport'] })
      const col = await a.call('collections.create', { name: 'Waterfront project' })
      await a.call('collections.add', { id: col.id, articleIds: [a.ids[0], a.ids[1]] })
      await a.call('notes.create', { articleId: a.ids[0], start: 4, end: 10, color: 'green', body: 'Which bridge? **Kestrel**.' })
      await a.call('comparisons.save', { ids: [a.ids[0], a.ids[1]], title: 'Two', notes: 'n' })
      const first = JSON.parse((await a.call('archive.export')).content)
      const imported = await dispatch(b.service, 'archive.import', { content: JSON.stringify(first) })
      expect(imported).toEqual({ ok: true, result: { articles: 3, notes: 1, collections: 1, duplicates: 0 } })
      const again = await dispatch(b.service, 'archive.export', {})
      const second = JSON.parse((again as { ok: true; result: { content: string } }).result.content)
      expect({ ...second, exportedAt: null }).toEqual({ ...first, exportedAt: null })
      // Importing the same archive again finds only duplicates.
      const twice = await dispatch(b.service, 'archive.import', { content: JSON.stringify(first) })
      expect(twice).toMatchObject({ ok: true, result: { articles: 0, duplicates: 3 } })
      // Undo a delete: the deleted articles' own archive brings them back under their ids, with notes and collections.
      const snapshot = (await a.call('archive.export', { ids: [a.ids[0]] })).content
      await a.call('articles.delete', { ids: [a.ids[0]] })
      expect((await a.call('notes.list', {})).items).toEqual([])
      await a.call('archive.import', { content: snapshot })
      const back = await a.call('articles.get', { id: a.ids[0] })
      expect(back).toMatchObject({ title: 'Harbour bridge reopens', tags: ['transport'], collections: [col.id] })
      expect((await a.call('notes.list', { articleId: a.ids[0] })).items.map((n: { body: string }) => n.body)).toEqual(['Which bridge? **Kestrel**.'])
      const junk = await dispatch(b.service, 'archive.import', { content: '{"format":"other"}' })
      expect(junk).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'content' } })
    } finally {
      await a.core.close()
      await b.close()
    }
  })
})
