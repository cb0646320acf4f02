/**
 * A WARC and a feed picked in the real UI: each archived page and feed item is a result of its
 * own, and the summary groups the skipped items and the broken file with their reasons.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { FIXTURES, ROOT } from '../helpers/paths'
import { serve, type Served } from '../helpers/serve'
import { tmpDir } from '../helpers/tmp'
import { makeWarc, newsPage, responseRecord, storyParagraphs, warcinfoRecord } from '../helpers/web-archives'

describe('importing web archives and feeds in Chromium', () => {
  let browser: Browser
  let server: Served
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    server = await serve(tmpDir())
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(server.appUrl)
    await page.getByTestId('library-empty').waitFor()
  })
  afterEach(async () => {
    await page?.close()
    await server?.stop()
    expect(errors.splice(0)).toEqual([])
  })

  it('lists every page of a WARC and every item of a feed, with the skips and the failure explained', async () => {
    const dir = tmpDir()
    const pages = ['Harbour wall repaired', 'Ferry fares frozen', 'New cycle lane opens'].map((title, i) =>
      responseRecord({ url: `https://echo.example/news/${i + 1}`, date: `2025-02-0${i + 1}T09:00:00Z`, body: newsPage({ title, outlet: 'Ambleford Echo', paragraphs: storyParagraphs(title) }) })
    )
    const redirect = responseRecord({ url: 'https://echo.example/old', status: 302, body: '<html><body>Found</body></html>' })
    writeFileSync(join(dir, 'crawl.warc.gz'), makeWarc([warcinfoRecord(), ...pages, redirect], { gzip: true }))
    const rss = readFileSync(join(FIXTURES, 'web/ambleford-echo.rss'), 'utf8')
    writeFileSync(join(dir, 'cut.rss'), rss.slice(0, rss.length / 2))
    await page.getByTestId('file-input').setInputFiles([join(dir, 'crawl.warc.gz'), join(FIXTURES, 'web/ambleford-echo.rss'), join(dir, 'cut.rss')])

    await expect.poll(() => page.getByTestId('import-summary').textContent(), { timeout: 30_000 }).toBe('5 articles imported, 3 skipped, 1 failed')
    const failure = page.locator('.problem-failed')
    expect(await failure.locator('.problem-name').textContent()).toBe('cut.rss')
    expect(await failure.locator('.problem-reason').textContent()).toMatch(/^failed: invalid XML: the file ends inside <rss> <channel> <item>( <[\w:]+>)? \(truncated file\?\)$/)
    const skipped = page.getByTestId('import-group-skipped')
    await skipped.locator('summary').first().click()
    const names = await page.locator('.problem-skipped .problem-name').allTextContents()
    expect(names.sort()).toEqual([
      'ambleford-echo.rss (item 2: Market hall roof: what we know)',
      'ambleford-echo.rss (item 4: Podcast: the week in Ambleford)',
      'crawl.warc.gz (https://echo.example/old)'
    ])
    expect(await page.locator('.problem-skipped .problem-reason').allTextContents()).toContain('skipped: HTTP 302: only pages archived with status 200 are imported')
    for (const title of ['Harbour wall repaired', 'Ferry fares frozen', 'New cycle lane opens', 'Council approves night bus trial', 'Ferry timetable gains weekday crossings']) {
      await page.locator('.article-row', { hasText: title }).waitFor()
    }
    await page.screenshot({ path: join(ROOT, 'test-results', 'import-web-formats.png') })

    // The archived page opens in the reader as text, with its outlet and capture date.
    await page.locator('.article-row', { hasText: 'Ferry fares frozen' }).click()
    await expect.poll(() => page.locator('.reader-byline').textContent()).toMatch(/^Ambleford Echo · 2 Feb 2025/)
  })
})
