/**
 * The contract suite: the same assertions run straight through `dispatch` and through the HTTP
 * bridge, so both transports are proven to carry the contract unchanged.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope } from '../../src/shared/contract'
import { SCHEMA_VERSION } from '../../src/main/core/store/migrations'
import { SAMPLE_TITLE, requireSample } from '../helpers/paths'

export type Call = (method: string, args: unknown) => Promise<Envelope<unknown>>

export interface Harness {
  call: Call
  close(): Promise<void>
}

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64')

/** A fresh harness around each test of the enclosing describe; `ok` unwraps a successful call. */
export function useHarness(open: () => Promise<Harness>): { h: Harness; ok: (method: string, args: unknown) => Promise<any> } {
  const ok = async (method: string, args: unknown): Promise<any> => {
    const env = await ctx.h.call(method, args)
    if (!env.ok) throw new Error(`${method} failed: ${env.error.code} ${env.error.message}`)
    return env.result
  }
  const ctx = { h: undefined as unknown as Harness, ok }
  beforeEach(async () => {
    ctx.h = await open()
  })
  afterEach(async () => {
    await ctx.h.close()
  })
  return ctx
}

/** A call refused for an invalid argument, naming the field. */
export function expectRefused(env: Envelope<unknown>, field: string | undefined, message: RegExp): void {
  expect(env.ok).toBe(false)
  if (env.ok) return
  expect(env.error.code).toBe('invalid_argument')
  expect(env.error.field).toBe(field)
  expect(env.error.message).toMatch(message)
}

export function contractSuite(transport: string, open: () => Promise<Harness>): void {
  describe(`contract over ${transport}`, () => {
    const ctx = useHarness(open)
    const ok = ctx.ok

    it('imports the sample, lists it and returns it whole', async () => {
      const sample = readFileSync(requireSample())
      const imported = await ok('import.files', { jobId: 'j1', files: [{ name: 'eu-diplomat-putin-peace.txt', data: b64(sample) }] })
      expect(imported.results).toEqual([
        { name: 'eu-diplomat-putin-peace.txt', status: 'imported', articleId: 1, title: SAMPLE_TITLE, reason: null, nearDuplicates: [] }
      ])
      const list = await ok('articles.list', {})
      expect(list.total).toBe(1)
      expect(list.items[0]).toMatchObject({ id: 1, title: SAMPLE_TITLE, publishedAt: '2025-03-01', author: null, sourceFormat: 'txt' })
      expect(list.items[0].text).toBeUndefined()
      const article = await ok('articles.get', { id: 1 })
      expect(article.text.split('\n\n')).toHaveLength(19)
      const info = await ok('library.info', {})
      expect(info).toMatchObject({ articleCount: 1, schemaVersion: SCHEMA_VERSION })
    })

    it('cancels a running import between files, keeping what was stored', async () => {
      const files = Array.from({ length: 300 }, (_, i) => ({ name: `n${i}.txt`, data: b64(`Story ${i}\n\nA distinct story number ${i} about item ${i * 7919}.`) }))
      const running = ctx.h.call('import.files', { jobId: 'big', files })
      let cancelled = false
      for (let i = 0; i < 200 && !cancelled; i++) {
        cancelled = (await ok('import.cancel', { jobId: 'big' })).cancelled
        if (!cancelled) await new Promise((r) => setTimeout(r, 5))
      }
      expect(cancelled).toBe(true)
      const env = await running
      if (!env.ok) throw new Error(env.error.message)
      const { results } = env.result as { results: { status: string; reason: string | null }[] }
      const imported = results.filter((r) => r.status === 'imported').length
      const skipped = results.filter((r) => r.status === 'skipped')
      expect(imported + skipped.length).toBe(300)
      expect(skipped.length).toBeGreaterThan(0)
      expect(new Set(skipped.map((r) => r.reason))).toEqual(new Set(['cancelled before it was imported']))
      expect((await ok('articles.list', {})).total).toBe(imported)
      // Nothing runs under that id any more.
      expect(await ok('import.cancel', { jobId: 'big' })).toEqual({ cancelled: false })
    })

    it('reports duplicates and per-file failures in one batch', async () => {
      const files = [
        { name: 'a.txt', data: b64('Alpha\n\nThe alpha story.') },
        // The same headline and text but for case, spacing and punctuation (another headline would make it a version).
        { name: 'b.txt', data: b64('ALPHA\n\nThe  ALPHA story!') },
        { name: 'c.txt', data: b64('') },
        { name: 'd.odt', data: b64('PK') }
      ]
      const { results } = await ok('import.files', { jobId: 'j2', files })
      expect(results.map((r: { status: string }) => r.status)).toEqual(['imported', 'duplicate', 'failed', 'skipped'])
      expect(results[1].articleId).toBe(results[0].articleId)
      expect(results[2].reason).toBe('empty file')
    })

    it.each([
      ['articles.get', { id: 'seven' }, 'id', /argument "id" must be number/],
      ['articles.get', { id: -3 }, 'id', /argument "id"/],
      ['articles.get', {}, 'id', /argument "id" must be number/],
      ['articles.list', { limit: 0 }, 'limit', /argument "limit"/],
      ['articles.list', { sort: 'DROP TABLE' }, 'sort', /argument "sort"/],
      ['articles.list', { evil: true }, undefined, /unknown field\(s\): evil/],
      ['articles.delete', { ids: [] }, 'ids', /argument "ids"/],
      ['import.files', { jobId: 'x', files: [] }, 'files', /must hold at least one file/],
      ['import.files', { jobId: 'x', files: [{ name: 'a.txt', data: '***' }] }, 'files.0.data', /must be base64/],
      ['import.files', { jobId: '../../', files: [{ name: 'a.txt', data: '' }] }, 'jobId', /argument "jobId"/],
      ['import.files', { jobId: 'x', files: [{ name: '', data: '' }] }, 'files.0.name', /must not be empty/],
      ['citations.export', { ids: [1], format: 'mla' }, 'format', /argument "format"/],
      ['citations.export', { format: 'apa' }, 'ids', /give either ids or a collection/],
      ['articles.attachFile', { id: 1, file: { name: 'a.txt', data: '***' } }, 'file.data', /must be base64/]
    ])('%s(%j) is refused naming the field', async (method, args, field, message) => {
      expectRefused(await ctx.h.call(method, args), field, message)
    })

    it('exports citations and imports a reference library the same way on every transport', async () => {
      const bib = '@article{doe_2025, title = {Harbour vote}, journal = {Kestrel Courier}, author = {Doe, Jane}, year = {2025}, url = {https://example.org/v}}\n'
      const { results } = await ok('import.files', { jobId: 'c1', files: [{ name: 'lib.bib', data: b64(bib) }] })
      expect(results).toMatchObject([{ status: 'imported', title: 'Harbour vote' }])
      const file = await ok('citations.export', { ids: [results[0].articleId], format: 'ris' })
      expect(file).toMatchObject({ fileName: 'citations.ris', count: 1 })
      expect(file.content).toContain('AU  - Doe, Jane')
      expect((await ok('citations.export', { ids: [results[0].articleId], format: 'apa' })).content.trim()).toBe('Doe, J. (2025). Harbour vote. Kestrel Courier. https://example.org/v')
    })

    it('refuses to read files named by path: import.paths is for local callers (the CLI) only', async () => {
      const env = await ctx.h.call('import.paths', { jobId: 'x', paths: [requireSample()] })
      expect(env).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'import.paths reads files on this machine and is not available here' } })
      expect(await ok('articles.list', {})).toMatchObject({ total: 0 })
    })

    it('refuses unknown methods and reports missing articles', async () => {
      const unknown = await ctx.h.call('library.dropEverything', {})
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
      const proto = await ctx.h.call('__proto__', {})
      expect(proto).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
      const missing = await ctx.h.call('articles.get', { id: 404 })
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } })
    })

    it('deletes articles', async () => {
      await ok('import.files', { jobId: 'j3', files: [{ name: 'a.txt', data: b64('Alpha\n\nBody.') }] })
      expect(await ok('articles.delete', { ids: [1, 2] })).toEqual({ deleted: 1 })
      expect((await ok('articles.list', {})).total).toBe(0)
    })
  })
}
