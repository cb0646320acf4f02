/**
 * The library table in Chromium on a 50,000-article library (written straight through the store
 * in the set-up, then served): scroll, sort by header, range and select-all ticks, a facet filter.
 * Speed is measured by `npm run bench -- table`, not asserted here.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillLibrary } from '../../bench/synthetic-library'
import { Library } from '../../src/main/core/store/library'
import { openApp, type OpenApp } from '../helpers/app'
import { ROOT } from '../helpers/paths'
import { expectedOrder, syntheticRows } from '../helpers/synthetic-order'
import { tmpDir } from '../helpers/tmp'

const N = 50_000
const ALL = syntheticRows(N)
const ROW = 26

describe('the library table at 50,000 articles', () => {
  let app: OpenApp
  let page: Page
  const table = () => page.getByTestId('library-table')
  const rowIds = async (): Promise<number[]> => (await table().locator('[role=row][data-id]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('aria-rowindex')), Number(e.getAttribute('data-id'))]))).sort((a, b) => a[0]! - b[0]!).map((p) => p[1]!)
  const rowAtIndex = (i: number) => table().locator(`[role=row][aria-rowindex="${i + 1}"]`)
  const compareCount = async (): Promise<string> => (await page.getByTestId('compare-button').textContent()) ?? ''

  beforeAll(async () => {
    const dir = tmpDir()
    const library = Library.open(dir)
    fillLibrary(library, N)
    library.close()
    app = await openApp(dir, { width: 1440, height: 900 })
    page = app.page
    await rowAtIndex(0).and(page.locator('[data-id]')).waitFor({ timeout: 60_000 })
  }, 120_000)
  afterAll(async () => app?.close())

  it('opens as a table sorted by date, about 30 rows in view, and scrolls to any row', async () => {
    await expect.poll(() => page.getByTestId('table-total').textContent()).toBe('50,000 articles')
    const byDate = expectedOrder(ALL, 'publishedAt', 'desc')
    const box = (await table().boundingBox())!
    expect(Math.floor((box.height - ROW) / ROW)).toBeGreaterThanOrEqual(28)
    expect((await rowIds()).slice(0, 30)).toEqual(byDate.slice(0, 30))
    for (const target of [25_000, N - 1]) {
      await table().evaluate((el, top) => (el.scrollTop = top), target * ROW)
      await expect.poll(async () => rowAtIndex(target).getAttribute('data-id')).toBe(String(byDate[target]))
    }
    await table().evaluate((el) => (el.scrollTop = 0))
  })

  it('sorts by a header click, and reverses on a second click', async () => {
    await table().locator('[role=columnheader][data-column=title]').click()
    const byTitle = expectedOrder(ALL, 'title', 'asc')
    await expect.poll(async () => (await rowIds()).slice(0, 20)).toEqual(byTitle.slice(0, 20))
    await table().locator('[role=columnheader][data-column=title]').click()
    await expect.poll(async () => (await rowIds()).slice(0, 20)).toEqual(expectedOrder(ALL, 'title', 'desc').slice(0, 20))
    await expect.poll(() => table().locator('[role=columnheader][data-column=title]').getAttribute('aria-sort')).toBe('descending')
  })

  it('opens with Enter, ticks a range with Shift and everything with Ctrl+A', async () => {
    const ids = await rowIds()
    await rowAtIndex(2).click()
    await expect.poll(() => page.locator('#reader-title').textContent()).toContain(`report ${ids[2]}`)
    await rowAtIndex(6).click({ modifiers: ['Shift'] })
    await expect.poll(compareCount).toContain('5')
    await table().press('Shift+ArrowDown')
    await expect.poll(compareCount).toContain('6')
    await table().press('ArrowDown')
    await table().press('Enter')
    await expect.poll(() => page.locator('#reader-title').textContent()).toContain(`report ${ids[8]}`)
    await table().press('Control+a')
    await expect.poll(compareCount, { timeout: 30_000 }).toContain('50000')
    await page.locator('.toolbar').getByRole('button', { name: 'Clear', exact: true }).click()
  })

  it('filters by a facet with counts that agree, and clears it', async () => {
    const facet = page.getByTestId('facets').getByRole('region', { name: 'Outlet' }).getByRole('button', { name: /^Metro Wire/ })
    const metro = ALL.filter((r) => r.outlet === 'Metro Wire')
    await expect.poll(() => facet.locator('.facet-count').textContent()).toBe(metro.length.toLocaleString('en-US'))
    await facet.click()
    await expect.poll(() => page.getByTestId('table-total').textContent()).toBe(`${metro.length.toLocaleString('en-US')} articles`)
    await page.screenshot({ path: join(ROOT, 'test-results', 'library-table.png') })
    await expect.poll(async () => (await rowIds()).slice(0, 20)).toEqual(expectedOrder(metro, 'title', 'desc').slice(0, 20))
    const languages = page.getByTestId('facets').getByRole('region', { name: 'Language' })
    await expect.poll(() => languages.getByRole('button', { name: /^de/ }).locator('.facet-count').textContent()).toBe(metro.filter((r) => r.language === 'de').length.toLocaleString('en-US'))
    await page.getByTestId('facets').getByRole('button', { name: 'Clear' }).click()
    await expect.poll(() => page.getByTestId('table-total').textContent()).toBe('50,000 articles')
  })

  it('deletes rows ticked in the table from the toolbar, and Undo brings them back', async () => {
    const ids = (await rowIds()).slice(0, 2)
    for (const i of [0, 1]) await rowAtIndex(i).getByRole('checkbox', { name: 'Pick for comparison' }).check()
    await expect.poll(compareCount).toContain('2')
    await page.getByTestId('delete-ticked').click()
    // The event that reloads the views follows the search index's update (busy indexing 50,000 here).
    await expect.poll(() => page.getByTestId('table-total').textContent(), { timeout: 60_000 }).toBe('49,998 articles')
    expect((await rowIds()).slice(0, 2)).not.toContain(ids[0])
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => page.getByTestId('table-total').textContent(), { timeout: 60_000 }).toBe('50,000 articles')
    await expect.poll(async () => (await rowIds()).slice(0, 2)).toEqual(ids)
  })
  it('keeps the table wide enough to read at 1024 x 700 (title in view, the reader pane narrowed beside it)', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    try {
      await expect.poll(async () => (await table().boundingBox())!.width).toBeGreaterThanOrEqual(340)
      const title = (await table().locator('[role=columnheader][data-column=title]').boundingBox())!
      const box = (await table().boundingBox())!
      // At least 300 px of headline in view, without scrolling sideways.
      expect(Math.min(title.x + title.width, box.x + box.width) - title.x).toBeGreaterThanOrEqual(300)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 })
    }
  })
})
