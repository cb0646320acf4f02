/** Searching in the real UI, with the search worker of `parallax serve` behind it. */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { CLI, FIXTURES, ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

describe('search in Chromium', () => {
  let app: OpenApp
  let page: Page

  beforeAll(async () => {
    const lib = tmpDir()
    const src = tmpDir()
    writeFileSync(join(src, 'apart.txt'), 'Minister praises prime location\n\nMay 3, 2024 — Harbour Post\n\nThe transport minister said the prime site would host a market.')
    const r = spawnSync(process.execPath, [CLI, 'import', requireSample(), join(FIXTURES, 'articles'), src, '--library', lib], { encoding: 'utf8' })
    expect(r.status).toBe(0)
    app = await openApp(lib, { width: 1280, height: 800 })
    page = app.page
    await page.locator('.article-row').first().waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('searches as you type, shows highlighted snippets, and opens a result with the terms highlighted', async () => {
    await page.keyboard.press('/')
    await page.keyboard.type('Kallas Estonia', { delay: 20 })
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('1 result')
    const hit = page.locator('.article-row.hit').first()
    expect(await hit.locator('.row-title').textContent()).toBe(SAMPLE_TITLE)
    const marks = await hit.locator('.snippet mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every((m) => /^(Kallas|Estonia)$/.test(m))).toBe(true)

    await page.getByTestId('search-box').press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const reader = page.getByTestId('reader')
    await expect.poll(() => reader.locator('h1').textContent()).toBe(SAMPLE_TITLE)
    await expect.poll(() => reader.locator('.reader-body mark').count()).toBeGreaterThan(3)
    const readerMarks = await reader.locator('.reader-body mark').allTextContents()
    expect(new Set(readerMarks)).toEqual(new Set(['Kallas', 'Estonia']))
    // The first match was scrolled into view.
    expect(await reader.locator('.reader-body mark').first().isVisible()).toBe(true)
    await page.screenshot({ path: join(ROOT, 'test-results', 'search.png') })
  })

  it('tells a phrase from the same words apart, and explains a malformed query', async () => {
    const box = page.getByTestId('search-box')
    // The sample says "former Prime Minister of Estonia"; the other article has the words apart.
    await box.fill('"prime minister"')
    await expect.poll(() => page.locator('.article-row.hit .row-title').allTextContents()).toEqual([SAMPLE_TITLE])
    await box.fill('prime minister')
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('2 results')
    await box.fill('"unclosed')
    await expect.poll(() => page.getByTestId('query-error').textContent()).toBe('A quotation mark is not closed.')
    await page.getByRole('button', { name: 'Search help' }).click()
    expect(await page.getByTestId('query-help').textContent()).toContain('"prime minister"')
    expect(await page.getByTestId('query-help').textContent()).toContain('outlet:fox vaccine')
    await page.getByTestId('query-help').screenshot({ path: join(ROOT, 'test-results', 'search-help.png') })
    // A field term beside words filters: only the Harbour Post article, not both "prime minister" ones.
    await box.fill('outlet:harbour prime minister')
    await expect.poll(() => page.locator('.article-row.hit .row-title').allTextContents()).toEqual(['Minister praises prime location'])
    await box.fill('')
    await page.locator('.article-row').first().waitFor()
    expect(await page.getByTestId('index-status').textContent()).toMatch(/^Search ready · 4 articles$/)
  })

  it('finds an article imported through the UI at once', async () => {
    const dir = tmpDir()
    writeFileSync(join(dir, 'lighthouse.txt'), 'Lighthouse keeper retires\n\nThe lighthouse keeper on Kestrel Point retired after forty years.')
    await page.getByTestId('file-input').setInputFiles(join(dir, 'lighthouse.txt'))
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('1 article imported')
    await page.getByTestId('search-box').fill('lighthouse')
    await expect.poll(() => page.locator('.article-row.hit .row-title').allTextContents()).toEqual(['Lighthouse keeper retires'])
  })
})
