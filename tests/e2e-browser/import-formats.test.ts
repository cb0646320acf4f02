/**
 * Several formats picked at once in the real UI: the progress bar shows while the batch runs,
 * the summary explains the one failure, metadata can be corrected in the reader; a WARC and a
 * feed give one result per archived page and feed item, the skipped ones with their reasons.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { renderScan, SCAN_TEXT } from '../../bench/scan-fixtures'
import { launchChromium } from '../helpers/browser'
import { FIXTURES, ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { makePdf } from '../helpers/pdf'
import { serve, type Served } from '../helpers/serve'
import { tmpDir } from '../helpers/tmp'
import { makeWarc, newsPage, responseRecord, storyParagraphs, warcinfoRecord } from '../helpers/web-archives'

describe('importing many formats in Chromium', () => {
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

  it('shows progress, imports every format, and explains the failure in the summary', async () => {
    const dir = tmpDir()
    writeFileSync(join(dir, 'memo.pdf'), makePdf([['Budget memo', '', 'The council will cut the night bus budget by a third, officials said.']]))
    writeFileSync(join(dir, 'scan.pdf'), makePdf([[]]))
    const files = [
      requireSample(),
      join(FIXTURES, 'pages/wire-story.html'),
      join(FIXTURES, 'mail/newsletter.eml'),
      join(FIXTURES, 'batches/export.csv'),
      join(dir, 'memo.pdf'),
      join(dir, 'scan.pdf')
    ]
    // Hold each upload a moment, as a slow disk would, so the progress bar can be seen.
    await page.route('**/rpc/import.files', async (route) => {
      await new Promise((r) => setTimeout(r, 700))
      await route.continue()
    })
    await page.getByTestId('file-input').setInputFiles(files)
    const progress = page.locator('.import-panel progress')
    await progress.waitFor({ state: 'visible' })
    expect(await page.getByTestId('import-panel').textContent()).toMatch(/Importing \d of 6/)
    expect(await progress.getAttribute('max')).toBe('6')
    await page.screenshot({ path: join(ROOT, 'test-results', 'import-progress.png') })

    // scan.pdf goes through OCR (two pages rendered and read): slower than the rest on a busy machine.
    await expect.poll(() => page.getByTestId('import-summary').textContent(), { timeout: 120_000 }).toBe('6 articles imported, 1 failed')
    const failure = page.locator('.problem-failed')
    expect(await failure.count()).toBe(1)
    expect(await failure.locator('.problem-name').textContent()).toBe('scan.pdf')
    expect(await failure.locator('.problem-reason').textContent()).toBe('failed: PDF has no text layer, and OCR found no text in it')
    for (const title of [SAMPLE_TITLE, 'Harbour bridge reopens after three-year repair', 'Morning Brief: Council keeps night buses — and more', 'Tram line extension approved', 'Budget memo']) {
      await page.locator('.article-row', { hasText: title }).waitFor()
    }
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    await page.screenshot({ path: join(ROOT, 'test-results', 'import-summary.png') })
  }, 180_000)

  it('lets the user correct an article’s metadata in the reader', async () => {
    await page.getByTestId('file-input').setInputFiles(requireSample())
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
    await page.getByRole('button', { name: 'Edit details' }).click()
    const form = page.getByTestId('metadata-form')
    await form.locator('input[name=outlet]').fill('Fox News')
    await form.locator('input[name=author]').fill('Brooke Singman')
    await form.locator('input[name=publishedAt]').fill('March 2025')
    await form.getByRole('button', { name: 'Save' }).click()
    expect(await form.getByRole('alert').textContent()).toMatch(/argument "patch.publishedAt" must be an ISO date/)
    await form.locator('input[name=publishedAt]').fill('2025-03-01')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.locator('.reader-byline').textContent()).toBe('Fox News · Brooke Singman · 1 Mar 2025')
    await expect.poll(() => page.locator('.article-row .row-meta').first().textContent()).toMatch(/^Fox News · Brooke Singman · 1 Mar 2025/)
    await page.screenshot({ path: join(ROOT, 'test-results', 'edited.png') })
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

  it('reads a scanned clipping by OCR, says so in the reader, and offers the OCR languages in Settings', async () => {
    const file = join(tmpDir(), 'clipping.png')
    writeFileSync(file, renderScan(SCAN_TEXT, { noise: 0.01, seed: 3 }).png)
    await page.getByTestId('open-settings').click()
    const languages = page.getByTestId('ocr-languages')
    await expect.poll(() => languages.getByRole('checkbox').count()).toBe(4)
    expect(await languages.getByRole('checkbox', { name: 'English' }).isChecked()).toBe(true)
    // The last language chosen cannot be unticked; German can be added.
    expect(await languages.getByRole('checkbox', { name: 'English' }).isDisabled()).toBe(true)
    // Ticked once the library has stored it (the box shows the stored preference).
    await languages.getByRole('checkbox', { name: 'German' }).click()
    await expect.poll(() => languages.getByRole('checkbox', { name: 'German' }).isChecked()).toBe(true)
    await expect.poll(() => languages.getByRole('checkbox', { name: 'English' }).isDisabled()).toBe(false)
    await languages.getByRole('checkbox', { name: 'German' }).click()
    await expect.poll(() => languages.getByRole('checkbox', { name: 'German' }).isChecked()).toBe(false)
    await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click()

    await page.getByTestId('file-input').setInputFiles(file)
    await expect.poll(() => page.getByTestId('import-summary').textContent(), { timeout: 120_000 }).toBe('1 article imported')
    await page.locator('.article-row').first().click()
    await expect.poll(() => page.getByTestId('reader-ocr').textContent()).toMatch(/^Text from OCR \(confidence \d{2,3}%\)$/)
    expect(await page.locator('.reader-body').textContent()).toContain('petition')
  }, 180_000)
})
