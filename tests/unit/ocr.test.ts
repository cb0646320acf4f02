/**
 * Scans read by OCR through the app's own path: the parse worker checks the file, the OCR worker
 * (out/main/ocr-worker.js, built by npm test) reads it page by page with tesseract.js, the article
 * is stored marked with its confidence and found by the real search index. Fixtures are rendered
 * here (bench/scan-fixtures.ts): known sentences with noise and skew, and an image-only PDF.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { characterAccuracy, makeImagePdf, renderScan, SCAN_TEXT } from '../../bench/scan-fixtures'
import type { EventPayload, ImportResult } from '../../src/shared/contract'
import { openCore, type Core } from '../../src/main/core'
import { CLI, ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const WORKER = join(ROOT, 'out/main/import-worker.js')
const cores: Core[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

function core(options: { ocrPageTimeoutMs?: number } = {}): Core {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build (npm test does)`)
  const c = openCore(tmpDir(), { workerScript: WORKER, ...options })
  cores.push(c)
  return c
}

type Progress = EventPayload<'import.progress'>

async function importFiles(c: Core, files: { name: string; bytes: Buffer }[], onProgress?: (p: Progress) => void): Promise<{ results: ImportResult[]; progress: Progress[] }> {
  const progress: Progress[] = []
  const stop = c.service.events.subscribe((name, payload) => {
    if (name !== 'import.progress') return
    progress.push(payload as Progress)
    onProgress?.(payload as Progress)
  })
  try {
    const { results } = await c.service['import.files']({ jobId: 'ocr-test', files: files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') })) })
    return { results, progress }
  } finally {
    stop()
  }
}

const SCAN = renderScan(SCAN_TEXT, { noise: 0.01, skew: 1, seed: 7 })
const PAGE_TWO = ['Night Ferry Timetable', 'From the first of November the last crossing leaves the quay at half past eleven.']

// OCR takes seconds a page, more on a busy machine: generous limits (the speed is measured by `npm run bench -- ocr`).
describe('OCR of scans', { timeout: 240_000 }, () => {
  it('imports a noisy, skewed scanned clipping: searchable, marked as OCR with its confidence', async () => {
    const c = core()
    const { results, progress } = await importFiles(c, [{ name: 'clipping.png', bytes: SCAN.png }])
    expect(results.map((r) => [r.status, r.reason])).toEqual([['imported', null]])
    const article = await c.service['articles.get']({ id: results[0]!.articleId! })
    expect(article.sourceFormat).toBe('image')
    // OCR of a noisy page may misread a speck as a full stop: measured, not matched exactly.
    expect(characterAccuracy(SCAN_TEXT[0]!, article.title)).toBeGreaterThan(0.9)
    expect(characterAccuracy(SCAN_TEXT.slice(1).join(' '), article.text)).toBeGreaterThan(0.95)
    expect(article.ocrConfidence).toBeGreaterThan(60)
    expect(article.ocrConfidence).toBeLessThanOrEqual(100)
    expect(progress.map((p) => p.current)).toContain('clipping.png (OCR, page 1 of 1)')
    // The real Lunr index: a word and a phrase from the scan find it.
    expect((await c.service['search.query']({ q: 'petition' })).hits.map((h) => h.id)).toEqual([article.id])
    expect((await c.service['search.query']({ q: '"night ferry"' })).hits.map((h) => h.id)).toEqual([article.id])
  })

  it('reads a scanned PDF page by page, with the text of every page in order', async () => {
    const c = core()
    const pdf = makeImagePdf([renderScan(SCAN_TEXT, { noise: 0.01, seed: 8 }), renderScan(PAGE_TWO, { noise: 0.01, seed: 9 })])
    const { results, progress } = await importFiles(c, [{ name: 'scan.pdf', bytes: pdf }])
    expect(results.map((r) => r.status)).toEqual(['imported'])
    const article = await c.service['articles.get']({ id: results[0]!.articleId! })
    expect(article.sourceFormat).toBe('pdf')
    expect(characterAccuracy(SCAN_TEXT[0]!, article.title)).toBeGreaterThan(0.9)
    expect(characterAccuracy([...SCAN_TEXT.slice(1), ...PAGE_TWO].join(' '), article.text)).toBeGreaterThan(0.9)
    expect(article.text.indexOf('petition')).toBeLessThan(article.text.indexOf('Timetable'))
    expect(article.ocrConfidence).toBeGreaterThan(60)
    expect(progress.map((p) => p.current).filter((p) => p?.includes('OCR'))).toEqual(['scan.pdf (OCR, page 1 of 2)', 'scan.pdf (OCR, page 2 of 2)'])
    expect((await c.service['search.query']({ q: 'timetable' })).hits.map((h) => h.id)).toEqual([article.id])
  })

  it('stops at a cancel in the middle of a page: the scan is skipped, the worker replaced for the next import', async () => {
    const c = core()
    const pdf = makeImagePdf([renderScan(SCAN_TEXT, { seed: 10 }), renderScan(PAGE_TWO, { seed: 11 })])
    let cancelled = false
    const { results } = await importFiles(c, [{ name: 'long.pdf', bytes: pdf }], (p) => {
      if (!cancelled && p.current === 'long.pdf (OCR, page 1 of 2)') {
        cancelled = true
        void c.service['import.cancel']({ jobId: 'ocr-test' })
      }
    })
    expect(results.map((r) => [r.status, r.reason])).toEqual([['skipped', 'cancelled while OCR was reading it (page 1 of 2)']])
    expect((await c.service['articles.list']({})).total).toBe(0)
    const again = await importFiles(c, [{ name: 'clipping.png', bytes: SCAN.png }])
    expect(again.results.map((r) => r.status)).toEqual(['imported'])
  })

  it('stops a page that runs over the time limit, with that reason', async () => {
    const c = core({ ocrPageTimeoutMs: 5 })
    const { results } = await importFiles(c, [{ name: 'slow.png', bytes: SCAN.png }])
    expect(results.map((r) => [r.status, r.reason])).toEqual([['failed', 'OCR took too long: stopped after 0.005 s (the limit per page)']])
  })

  it('fails a PNG whose header is whole but whose pixels are cut off, and a PDF scan of no text, each with its reason', async () => {
    const c = core()
    const blank = makeImagePdf([{ width: 200, height: 260, gray: new Uint8Array(200 * 260).fill(255) }])
    const { results } = await importFiles(c, [
      { name: 'cut.png', bytes: SCAN.png.subarray(0, Math.floor(SCAN.png.length / 3)) },
      { name: 'blank.pdf', bytes: blank },
      { name: 'clipping.png', bytes: SCAN.png }
    ])
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'imported'])
    expect(results[0]!.reason).toMatch(/^OCR could not read the image|^OCR found no text in the image/)
    expect(results[1]!.reason).toBe('PDF has no text layer, and OCR found no text in it')
  })

  it('reads only from disk: the CLI imports a scan with no network at all (a network namespace of its own)', () => {
    const probe = spawnSync('unshare', ['-rn', 'true'])
    expect(probe.status, 'this test needs `unshare -rn` (user and network namespaces) to cut the network').toBe(0)
    const dir = tmpDir()
    const file = join(dir, 'clipping.png')
    writeFileSync(file, SCAN.png)
    const run = spawnSync('unshare', ['-rn', process.execPath, CLI, 'import', file, '--library', join(dir, 'lib'), '--json'], { encoding: 'utf8', timeout: 120_000 })
    expect(run.stderr).toBe('')
    const [line] = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as ImportResult)
    expect(line!.status).toBe('imported')
    expect(characterAccuracy(SCAN_TEXT[0]!, line!.title!)).toBeGreaterThan(0.9)
    // `parallax show` says where the text came from.
    const shown = spawnSync(process.execPath, [CLI, 'show', String(line!.articleId), '--library', join(dir, 'lib')], { encoding: 'utf8' })
    expect(shown.stdout.split('\n')[2]).toMatch(/^Source: clipping\.png · \d+ words · text from OCR \(confidence \d{2,3}%\)$/)
  })
})

describe('OCR languages in the settings', { timeout: 240_000 }, () => {
  it('defaults to English, offers the installed traineddata and refuses others', async () => {
    const c = core()
    expect((await c.service['preferences.get']({})).ocrLanguages).toEqual(['eng'])
    expect((await c.service['ocr.languages']({})).installed.map((l) => l.code)).toEqual(['eng', 'deu', 'fra', 'spa'])
    expect((await c.service['preferences.update']({ ocrLanguages: ['eng', 'deu'] })).ocrLanguages).toEqual(['eng', 'deu'])
    await expect(c.service['preferences.update']({ ocrLanguages: ['ita'] })).rejects.toThrow('OCR language "ita" is not installed (installed: eng, deu, fra, spa)')
    expect((await c.service['preferences.get']({})).ocrLanguages).toEqual(['eng', 'deu'])
  })

  it('reads a German scan in the languages chosen', async () => {
    const c = core()
    await c.service['preferences.update']({ ocrLanguages: ['deu'] })
    const german = ['Fähre fährt auch im Winter', 'Der Hafenrat hat am Dienstag beschlossen, dass die Nachtfähre über den Winter weiterfährt. Über vierhundert Anwohner hatten dafür unterschrieben.']
    const { results } = await importFiles(c, [{ name: 'zeitung.png', bytes: renderScan(german).png }])
    const article = await c.service['articles.get']({ id: results[0]!.articleId! })
    expect(article.title).toBe('Fähre fährt auch im Winter')
    expect(article.text).toContain('Über vierhundert Anwohner')
    expect(article.language).toBe('de')
  })
})
