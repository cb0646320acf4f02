/** The import worker pool, with the bundled worker (out/main/import-worker.js, built by npm test). */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ParserPool } from '../../src/main/core/workers/parse-pool'
import { isRecords } from '../../src/main/core/importers/types'
import { ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { readFileSync } from 'node:fs'
import { importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { buildWorker } from '../helpers/build-worker'
import { tmpDir } from '../helpers/tmp'

const WORKER = join(ROOT, 'out/main/import-worker.js')
const pools: ParserPool[] = []
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close()
})
function pool(opts: Partial<ConstructorParameters<typeof ParserPool>[0]> = {}): ParserPool {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build (npm test does)`)
  const p = new ParserPool({ script: WORKER, ...opts })
  pools.push(p)
  return p
}

describe('parser worker pool', () => {
  it('parses in a worker thread exactly as in-process', async () => {
    const out = await pool().parse('txt', 'sample.txt', readFileSync(requireSample()))
    expect(isRecords(out)).toBe(false)
    expect(out).toMatchObject({ title: SAMPLE_TITLE, publishedAt: '2025-03-01', author: null })
  })

  it('passes on importer failures with their reason', async () => {
    await expect(pool().parse('pdf', 'x.pdf', new TextEncoder().encode('no pdf here'))).rejects.toThrow('invalid PDF: no %PDF header')
  })

  it('stops a parse that takes too long, says so, and keeps working for the next file', async () => {
    const p = pool({ timeoutMs: 300 })
    const deep = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(20_000)}<p>text</p>${'</div>'.repeat(20_000)}</body></html>`
    await expect(p.parse('html', 'deep.html', new TextEncoder().encode(deep))).rejects.toThrow('took too long to parse: stopped after 0.3 s')
    const next = await p.parse('txt', 'ok.txt', new TextEncoder().encode('Fine\n\nStill works.'))
    expect(next).toMatchObject({ title: 'Fine', text: 'Still works.' })
  })

  it('finds an article’s names, numbers and dates in a worker, for comparisons', async () => {
    const entities = (await pool().entities('Mayor Ana Lopez said on March 1 that the bridge would cost $48 million.')) as { kind: string; text: string }[]
    expect(entities.map((e) => `${e.kind}:${e.text}`)).toEqual(expect.arrayContaining(['date:March 1', 'number:$48 million']))
    expect(entities.some((e) => e.text.includes('Ana Lopez'))).toBe(true)
  })

  it('runs several files at once in a pool of two', async () => {
    const p = pool({ size: 2 })
    const files = Array.from({ length: 6 }, (_, i) => p.parse('txt', `${i}.txt`, new TextEncoder().encode(`Title ${i}\n\nBody ${i}.`)))
    const out = await Promise.all(files)
    expect(out.map((o) => ('title' in o ? o.title : ''))).toEqual(['Title 0', 'Title 1', 'Title 2', 'Title 3', 'Title 4', 'Title 5'])
  })
})

describe('parser worker memory cap', () => {
  const text = (t: string): Uint8Array => new TextEncoder().encode(t)

  it('stops a file whose ArrayBuffers outgrow the cap, replaces the worker, and the rest of the batch is imported', async () => {
    const script = await buildWorker(join(ROOT, 'tests/fixtures/workers/hog-parser.ts'))
    const p = pool({ script, size: 2, maxMemoryMb: 160 })
    const lib = Library.open(tmpDir())
    try {
      const names = ['one.txt', 'hog.txt', 'two.txt', 'hog-sync.txt', 'three.txt']
      const sources = names.map((name, i) => ({ name, bytes: text(`Title ${i}\n\nBody number ${i} of the batch.`) }))
      const results = await importBatch(lib, sources, { parser: p.parse, readAhead: 2 })
      const byName = Object.fromEntries(results.map((r) => [r.name, r]))
      for (const hog of ['hog.txt', 'hog-sync.txt']) {
        expect(byName[hog]).toMatchObject({ status: 'failed', reason: 'file needs too much memory: parsing stopped at the 160 MB limit' })
      }
      expect(['one.txt', 'two.txt', 'three.txt'].map((n) => byName[n]!.status)).toEqual(['imported', 'imported', 'imported'])
      expect(lib.articles.count()).toBe(3)
      // The replaced workers work.
      expect(await p.parse('txt', 'after.txt', text('After\n\nStill parsing.'))).toMatchObject({ title: 'After' })
    } finally {
      lib.close()
    }
  })
})
