/**
 * Article versions on a real SQLite library: which imports become a new version of a stored
 * article (same URL, same headline and outlet, same text under a new headline) and which stay
 * duplicates or new articles; then, through the core, search, notes, diff and comparison.
 */
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { contentHash } from '../../src/main/core/importers/metadata'
import type { NewArticle } from '../../src/main/core/store/articles'
import { BY_TITLE } from '../../src/main/core/store/article-versions'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

const V1 = 'The council voted 7 to 2 on Tuesday to approve the harbour bridge. Mayor Ana Lopez said work starts in spring.'
const V2 = 'The council voted 7 to 2 on Tuesday to approve the harbour bridge. Mayor Ana Lopez said work starts in June, after a delay.'

function article(over: Partial<NewArticle> = {}): NewArticle {
  const text = over.text ?? V1
  return { title: 'Council approves bridge', author: null, outlet: 'Quay Times', publishedAt: '2025-03-01', url: null, language: 'en', wordCount: 20, sourceName: 'a.txt', sourceFormat: 'txt', warnings: [], ...over, text, contentHash: contentHash(text) }
}

function withLibrary(fn: (lib: Library) => void): void {
  const lib = Library.open(tmpDir())
  try {
    fn(lib)
  } finally {
    lib.close()
  }
}

describe('article versions in the store', () => {
  it('stores the same text under a new headline as a headline version, and the same again as a duplicate', () => {
    withLibrary((lib) => {
      const first = lib.versions.importArticle(article(), '2025-03-01T10:00:00Z')
      expect(first.status).toBe('inserted')
      // A headline that differs in punctuation only is the same headline.
      expect(lib.versions.importArticle(article({ title: 'Council approves: bridge!' })).status).toBe('duplicate')
      const second = lib.versions.importArticle(article({ title: 'Bridge approved after long row' }), '2025-03-01T12:00:00Z')
      expect(second).toMatchObject({ status: 'version', id: first.id, number: 2, change: 'headline', previousTitle: 'Council approves bridge' })
      expect(lib.articles.count()).toBe(1)
      expect(lib.articles.get(first.id)!.title).toBe('Bridge approved after long row')
      expect(lib.versions.list(first.id).map((v) => [v.number, v.title, v.importedAt, v.current])).toEqual([
        [1, 'Council approves bridge', '2025-03-01T10:00:00Z', false],
        [2, 'Bridge approved after long row', '2025-03-01T12:00:00Z', true]
      ])
      // Either headline again is one of the stored versions, not a third one.
      expect(lib.versions.importArticle(article({ title: 'council approves  BRIDGE' }))).toMatchObject({ status: 'old-version', id: first.id, number: 1 })
      expect(lib.versions.importArticle(article({ title: 'Bridge approved after long row' }))).toMatchObject({ status: 'duplicate', id: first.id })
      expect(lib.versions.list(first.id)).toHaveLength(2)
    })
  })

  it('matches a changed text by URL (fragment and trailing slash aside) or by headline and outlet', () => {
    withLibrary((lib) => {
      const a = lib.versions.importArticle(article({ url: 'https://quay.example/bridge' }))
      const b = lib.versions.importArticle(article({ url: 'https://quay.example/bridge/#top', text: V2, title: 'Bridge delayed to June' }))
      expect(b).toMatchObject({ status: 'version', id: a.id, number: 2, change: 'headline and text' })
      const v3 = V2 + ' Residents welcomed it.'
      // No URL: the same headline and outlet (case aside) make it the same article.
      const c = lib.versions.importArticle(article({ outlet: 'QUAY TIMES', title: 'Bridge delayed to June', text: v3 }))
      expect(c).toMatchObject({ status: 'version', id: a.id, number: 3, change: 'text' })
      const current = lib.articles.get(a.id)!
      expect([current.text, current.contentHash, current.url]).toEqual([v3, contentHash(v3), 'https://quay.example/bridge'])
      expect(lib.versions.get(a.id, 1)).toMatchObject({ text: V1, title: 'Council approves bridge', current: false })
      expect(lib.versions.get(a.id, 3)).toMatchObject({ text: v3, current: true })
      expect(lib.versions.get(a.id, 4)).toBe(null)
      // The first text again, under its first headline: a duplicate of version 1.
      expect(lib.versions.importArticle(article())).toMatchObject({ status: 'old-version', id: a.id, number: 1 })
    })
  })

  it('looks a headline up by the title index, not by the outlet (which reads all of that outlet\'s articles)', () => {
    withLibrary((lib) => {
      // Many articles of one outlet, as in a large library: SQLite would otherwise lead with the outlet's index.
      for (let i = 0; i < 200; i++) lib.versions.importArticle(article({ title: `Story ${i}`, text: `${V1} ${i}` }))
      const plan = (Library.connection(lib).prepare(`EXPLAIN QUERY PLAN ${BY_TITLE}`).all('Story 7', 'Quay Times') as { detail: string }[]).map((r) => r.detail)
      expect(plan[0]).toContain('articles_title_nocase')
      expect(lib.versions.importArticle(article({ title: 'story 7', text: `${V2} changed` }))).toMatchObject({ status: 'version', number: 2, change: 'text' })
    })
  })

  it('keeps other outlets, other pages and unrelated texts as articles of their own', () => {
    withLibrary((lib) => {
      const a = lib.versions.importArticle(article({ url: 'https://quay.example/bridge' }))
      // Wire copy: the same text at another outlet under its own headline stays a duplicate, as before.
      expect(lib.versions.importArticle(article({ outlet: 'Harbour Post', title: 'Bridge wins vote' }))).toMatchObject({ status: 'duplicate', id: a.id })
      // The same headline and outlet on another page is another article.
      expect(lib.versions.importArticle(article({ url: 'https://quay.example/other', text: V2 })).status).toBe('inserted')
      expect(lib.versions.importArticle(article({ outlet: 'Harbour Post', text: V2 + ' More.' })).status).toBe('inserted')
      expect(lib.articles.count()).toBe(3)
      expect(lib.versions.list(a.id)).toHaveLength(1)
    })
  })

  it('drops the stale entities of a changed text, and deletes the versions with their article', () => {
    withLibrary((lib) => {
      const db = Library.connection(lib)
      const a = lib.versions.importArticle(article())
      lib.articles.storeEntities(a.id, 1, [{ text: 'Ana Lopez' }])
      lib.versions.importArticle(article({ text: V2 }))
      expect(lib.articles.entities(a.id, 1)).toBe(null)
      lib.articles.delete([a.id])
      expect(db.prepare('SELECT count(*) FROM article_versions').pluck().get()).toBe(0)
    })
  })
})

describe('article versions through the core', () => {
  it('imports v1 and v2, finds the latest by search, keeps notes anchored (orphans too), diffs and compares versions', async () => {
    const core = openCore(tmpDir())
    const call = async (m: string, a: unknown): Promise<any> => {
      const env = await dispatch(core.service, m, a)
      if (!env.ok) throw new Error(env.error.message)
      return env.result
    }
    // The second headline and text differ entirely: the page's URL tells it is the same article.
    const file = (title: string, text: string, name: string) => ({ name, data: Buffer.from(`---\ntitle: ${title}\noutlet: Quay Times\nurl: https://quay.example/bridge\n---\n\n${text}\n`).toString('base64') })
    try {
      const one = (await call('import.files', { jobId: 'v1', files: [file('Council approves bridge', V1, 'v1.md')] })).results[0]
      const id = one.articleId
      const kept = V1.indexOf('Mayor Ana Lopez')
      const gone = V1.indexOf('starts in spring')
      const anchored = await call('notes.create', { articleId: id, start: kept, end: kept + 15, color: 'yellow', body: 'who' })
      const orphan = await call('notes.create', { articleId: id, start: gone, end: gone + 16, color: 'blue', body: 'when' })
      const two = (await call('import.files', { jobId: 'v2', files: [file('Bridge delayed to June', V2, 'v2.md')] })).results[0]
      expect(two).toMatchObject({ status: 'imported', articleId: id, version: { number: 2, change: 'headline and text' } })
      expect(two.reason).toBe(`new version 2 of article #${id} “Council approves bridge”: headline and text changed`)
      expect((await call('articles.list', {})).total).toBe(1)
      expect((await call('search.query', { q: 'june' })).hits.map((h: { id: number; title: string }) => [h.id, h.title])).toEqual([[id, 'Bridge delayed to June']])
      // The first headline is gone from the index (the orphaned note's quote keeps "spring" in its notes field).
      expect((await call('search.query', { q: 'title:approves' })).total).toBe(0)
      const notes = new Map((await call('notes.list', { articleId: id })).items.map((n: any) => [n.id, n.located]))
      expect(notes.get(anchored.id)).toMatchObject({ start: V2.indexOf('Mayor Ana Lopez') })
      expect(notes.get(orphan.id)).toMatchObject({ how: 'orphan' })
      expect((await call('articles.versions', { id })).items.map((v: any) => [v.number, v.title, v.current])).toEqual([
        [1, 'Council approves bridge', false],
        [2, 'Bridge delayed to June', true]
      ])
      const diff = await call('articles.versionDiff', { id, from: 1, to: 2 })
      expect(diff.title.filter((p: any) => p.op !== '=').map((p: any) => `${p.op}${p.text.trim()}`)).toEqual(['-Council', '+Bridge', '-approves', '+delayed', '-bridge', '+to June'])
      expect(diff.text.filter((p: any) => p.op !== '=').map((p: any) => `${p.op}${p.text.trim()}`)).toEqual(['-spring', '+June, after a delay'])
      const compared = await call('compare.versions', { id, versions: [1, 2] })
      expect(compared.articles.map((a: any) => [a.id, a.title, a.outlet])).toEqual([
        [id, 'Council approves bridge', 'Quay Times · version 1'],
        [id, 'Bridge delayed to June', 'Quay Times · version 2']
      ])
      expect(compared.pairs.some((p: any) => p.alignment === 'reworded')).toBe(true)
      await expect(call('articles.version', { id, number: 3 })).rejects.toThrow(`Article #${id} has no version 3 (it has 2).`)
    } finally {
      await core.close()
    }
  })
})

describe('article versions in the library archive', () => {
  it('exports the earlier versions with their article and restores them, also when undoing a delete', async () => {
    const a = openCore(tmpDir())
    const b = openCore(tmpDir())
    try {
      a.library.versions.importArticle(article({ url: 'https://quay.example/bridge' }), '2025-03-01T10:00:00Z')
      a.library.versions.importArticle(article({ url: 'https://quay.example/bridge', text: V2, title: 'Bridge delayed to June' }), '2025-03-02T10:00:00Z')
      const listed = (lib: Library): unknown[] => lib.versions.list(1).map((v) => [v.number, v.title, v.importedAt, lib.versions.get(1, v.number)!.text])
      const archive = (await a.service['archive.export']({})).content
      expect(JSON.parse(archive).articles[0].versions).toEqual([{ number: 1, title: 'Council approves bridge', text: V1, publishedAt: '2025-03-01', sourceName: 'a.txt', importedAt: '2025-03-01T10:00:00Z' }])
      await b.service['archive.import']({ content: archive })
      expect(listed(b.library)).toEqual(listed(a.library))
      expect(listed(b.library)).toHaveLength(2)
      // The restored first text is still known as version 1: importing it again is a duplicate.
      expect(b.library.versions.importArticle(article())).toMatchObject({ status: 'old-version', number: 1 })
      const snapshot = (await a.service['archive.export']({ ids: [1] })).content
      await a.service['articles.delete']({ ids: [1] })
      await a.service['archive.import']({ content: snapshot })
      expect(listed(a.library)).toEqual(listed(b.library))
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
