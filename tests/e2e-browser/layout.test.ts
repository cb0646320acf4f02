/**
 * Layout and consistency on a library of 130 articles: search past the first 100 with Show more,
 * the filter bar on one line at 1440 px, the sidebar's Library count beside a collection, plurals,
 * and the comparison's bands legible in the dark theme.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImported, type OpenApp } from '../helpers/app'
import { tmpDir } from '../helpers/tmp'

const OUTLETS = ['Harbour Post', 'Kestrel Courier', 'Island Times']

/** Short invented reports about a harbour, each a little different, with an outlet and a date. */
function writeArticles(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true })
  for (let i = 1; i <= n; i++) {
    const day = (i % 28) + 1
    const body = [
      `The harbour authority reported ${i} ships waiting outside the port on Monday.`,
      `Officials said the delay would last ${(i % 5) + 2} days while the old crane is repaired.`,
      `Dock workers told reporters that report number ${i} was the longest queue this year.`
    ].join(' ')
    writeFileSync(join(dir, `report-${i}.txt`), `Harbour queue report ${i}\n\nMarch ${day}, 2025 — ${OUTLETS[i % 3]}\n\n${body}\n`)
  }
}

describe('layout and consistency in Chromium', () => {
  let app: OpenApp
  let page: Page

  beforeAll(async () => {
    const files = join(tmpDir(), 'reports')
    writeArticles(files, 130)
    app = await openImported([files], { width: 1440, height: 900 })
    page = app.page
    await page.locator('.article-row').first().waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('gives the library overview the whole reader pane (no other view\'s rule caps its height)', async () => {
    const overview = page.getByTestId('library-overview')
    await overview.waitFor()
    const heights = await page.evaluate(() => {
      const pane = document.querySelector('[data-testid=library-overview]')!.closest('.split')!
      return { pane: pane.getBoundingClientRect().height, reader: document.querySelector('[data-testid=library-overview]')!.closest('article')!.getBoundingClientRect().height }
    })
    expect(heights.reader).toBeGreaterThan(heights.pane - 2)
  })

  it('counts the overview over the whole library, not the page of rows the list holds', async () => {
    const overview = page.getByTestId('library-overview')
    await expect.poll(() => overview.locator('.recent li').count()).toBe(6)
    // All 130 reports are dated March 2025: one bar holding every one of them.
    const month = overview.locator('section', { hasText: 'By month published' })
    await expect.poll(() => month.locator('.bars tr').allTextContents()).toEqual(['Mar 2025130'])
  })

  it('shows search results past the first 100 with Show more, and the filter bar on one line at 1440 px', async () => {
    await page.getByTestId('search-box').fill('harbour')
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('130 results')
    expect(await page.locator('.article-row.hit').count()).toBe(100)
    expect(await page.getByTestId('show-more').textContent()).toBe('Show 30 more · 100 of 130')
    await page.getByTestId('show-more').click()
    await expect.poll(() => page.locator('.article-row.hit').count()).toBe(130)
    expect(await page.getByTestId('show-more').count()).toBe(0)
    const tops = await page.locator('.search-filters > *').evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)))])
    expect(tops).toHaveLength(1)
    await page.keyboard.press('Escape')
  })

  it('keeps the whole library in the sidebar count while a collection is shown, and writes "1 article"', async () => {
    await page.locator('.article-row').first().click()
    const editor = page.getByTestId('tag-editor')
    await editor.getByRole('combobox', { name: 'Add to collection' }).selectOption('__new')
    await editor.getByRole('textbox', { name: 'New collection name' }).fill('Queues')
    await editor.getByRole('textbox', { name: 'New collection name' }).press('Enter')
    await page.getByTestId('collections').getByText('Queues').click()
    await expect.poll(() => page.locator('.article-row').count()).toBe(1)
    expect(await page.getByTestId('library-count').textContent()).toBe('130')
    expect(await page.locator('.library-bar').textContent()).not.toContain('1 articles')
    await page.getByRole('button', { name: 'Show all articles' }).click()
  })

  it('hides and shows the sidebar and the list from the toolbar, and remembers it after a reload', async () => {
    await page.locator('.article-row').first().click()
    const readerWidth = () => page.getByTestId('reader').evaluate((el) => el.getBoundingClientRect().width)
    const before = await readerWidth()
    await page.getByRole('button', { name: 'Hide the sidebar' }).click()
    await page.getByRole('button', { name: 'Hide the list' }).click()
    expect(await page.locator('.sidebar').count()).toBe(0)
    expect(await page.getByTestId('article-list').isVisible()).toBe(false)
    expect(await readerWidth()).toBe(1440)
    await page.reload()
    await page.getByRole('button', { name: 'Show the sidebar' }).waitFor()
    expect(await page.locator('.sidebar').count()).toBe(0)
    await page.getByRole('button', { name: 'Show the sidebar' }).click()
    await page.getByRole('button', { name: 'Show the list' }).click()
    await page.locator('.article-row').first().click()
    expect(await readerWidth()).toBe(before)
  })

  it('draws the comparison bands in dark colours with light text in the dark theme, with no filter', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    for (const i of [0, 1]) await page.locator('.article-row').nth(i).getByRole('checkbox').check()
    await page.getByTestId('compare-button').click()
    const band = page.locator('.sentence[class*=band-]').first()
    await band.waitFor()
    const look = await band.evaluate((el) => {
      const s = getComputedStyle(el)
      const rgb = (c: string) => c.match(/\d+/g)!.slice(0, 3).map(Number)
      const lum = (c: string) => rgb(c).reduce((a, b) => a + b, 0) / 3
      return { filter: s.filter, background: lum(s.backgroundColor), text: lum(s.color) }
    })
    expect(look.filter).toBe('none')
    expect(look.background).toBeLessThan(90)
    expect(look.text).toBeGreaterThan(180)
  })
})
