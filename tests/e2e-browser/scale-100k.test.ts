/**
 * The app in Chromium on a 100,000-article library (issue 14): generated in the set-up (invented
 * texts, tests/helpers/scale-library.ts), its search index built by the builder's own maintain(),
 * then served. Through the UI: the first page and the total (on the table; the cards list, which
 * would load every article, not offered), sorting by date, title and outlet, a jump to the far
 * end, a facet, a word, a phrase and a field search, an article opened with its related
 * coverage, three articles of one story compared. All the while no console error, no page
 * error, no failed request, no error response. What each step should show is read from the SQLite
 * file. Speed is measured by `npm run bench -- scale` and `-- table`, not asserted here.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maintain } from '../../src/main/core/search/segments'
import { Library, LIBRARY_FILE } from '../../src/main/core/store/library'
import { openApp, type OpenApp } from '../helpers/app'
import { ROOT } from '../helpers/paths'
import { fillScaleLibrary, scaleArticle, storyName, STORY_EVERY, STORY_SIZE } from '../helpers/scale-library'
import { watchProblems } from '../helpers/problems'

const N = 100_000
/** Waits long enough for a loaded two-core machine (a sort of 100,000 rows there can take seconds): a wait, not a speed test. */
const poll = <T,>(f: () => T | Promise<T>) => expect.poll(f, { timeout: 30_000 })
/** The story searched for and compared: articles 50s .. 50s+2. */
const STORY = 137
const STORY_IDS = Array.from({ length: STORY_SIZE }, (_, k) => STORY * STORY_EVERY + k)

describe('the app on 100,000 articles', () => {
  let app: OpenApp
  let page: Page
  let db: Database.Database
  let problems: string[]
  // Kept for the whole file (tmpDir() is emptied after each test); removed at the end.
  let dir: string
  const table = () => page.getByTestId('library-table')
  const total = () => page.getByTestId('table-total').textContent()
  const rowIds = async (): Promise<number[]> => (await table().locator('[role=row][data-id]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('aria-rowindex')), Number(e.getAttribute('data-id'))]))).sort((a, b) => a[0]! - b[0]!).map((p) => p[1]!)
  const rowAt = (i: number) => table().locator(`[role=row][aria-rowindex="${i + 1}"]`)
  /** The ids the table must show, from the library file: by the column, then id, in the same direction. */
  const ordered = (column: string, dir: 'ASC' | 'DESC', limit: number, offset = 0, where = '1'): number[] =>
    db.prepare(`SELECT id FROM articles WHERE ${where} ORDER BY ${column} ${dir}, id ${dir} LIMIT ? OFFSET ?`).pluck().all(limit, offset) as number[]
  const dateDirection = async (): Promise<'ASC' | 'DESC'> => ((await table().locator('[role=columnheader][data-column=date]').getAttribute('aria-sort')) === 'ascending' ? 'ASC' : 'DESC')
  const search = async (q: string): Promise<void> => {
    await page.getByTestId('search-box').fill(q)
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-100k-'))
    let t = performance.now()
    fillScaleLibrary(dir, N)
    const fillMs = performance.now() - t
    t = performance.now()
    const library = Library.open(dir)
    maintain(Library.connection(library))
    library.close()
    // Figures for the log, not assertions: what the set-up costs on this machine.
    console.log(`100,000 articles generated in ${(fillMs / 1000).toFixed(1)} s, search index built in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    db = new Database(join(dir, LIBRARY_FILE), { readonly: true })
    app = await openApp(dir, { width: 1440, height: 900 })
    page = app.page
    problems = watchProblems(page)
    await rowAt(0).and(page.locator('[data-id]')).waitFor({ timeout: 60_000 })
  }, 400_000)
  afterAll(async () => {
    db?.close()
    await app?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('opens on the table: the newest first page and the total of 100,000', async () => {
    await poll(total).toBe('100,000 articles')
    expect(await page.getByTestId('library-count').textContent()).toBe('100,000')
    await poll(async () => (await rowIds()).slice(0, 25)).toEqual(ordered('published_at', 'DESC', 25))
  })

  it('keeps to the table even where the cards list was chosen before (it would load every article)', async () => {
    expect(await page.getByTestId('mode-cards').isDisabled()).toBe(true)
    await page.evaluate(() => localStorage.setItem('parallax.libraryMode', 'cards'))
    await page.reload()
    await poll(total).toBe('100,000 articles')
    await poll(async () => (await rowIds()).slice(0, 5)).toEqual(ordered('published_at', 'DESC', 5))
  })

  it('sorts by title and by outlet, and jumps to the middle and the far end', async () => {
    for (const column of ['title', 'outlet']) {
      await table().locator(`[role=columnheader][data-column=${column}]`).click()
      await poll(async () => (await rowIds()).slice(0, 20)).toEqual(ordered(`${column} COLLATE NOCASE`, 'ASC', 20))
    }
    const rowHeight = (await rowAt(0).boundingBox())!.height
    for (const target of [50_000, N - 1]) {
      await table().evaluate((el, top) => (el.scrollTop = top), target * rowHeight)
      await poll(() => rowAt(target).getAttribute('data-id')).toBe(String(ordered('outlet COLLATE NOCASE', 'ASC', 1, target)[0]))
    }
    await table().evaluate((el) => (el.scrollTop = 0))
    // By date again, then reversed: the direction each click gives is what the header says.
    for (let k = 0; k < 2; k++) {
      const before = await table().locator('[role=columnheader][data-column=date]').getAttribute('aria-sort')
      await table().locator('[role=columnheader][data-column=date]').click()
      await poll(() => table().locator('[role=columnheader][data-column=date]').getAttribute('aria-sort')).not.toBe(before)
      await poll(async () => (await rowIds()).slice(0, 20)).toEqual(ordered('published_at', await dateDirection(), 20))
    }
  })

  it('filters by an outlet facet, with the count the library holds, and clears it', async () => {
    const count = db.prepare("SELECT count(*) FROM articles WHERE outlet = 'Harbour Times'").pluck().get() as number
    const facet = page.getByTestId('facets').getByRole('region', { name: 'Outlet' }).getByRole('button', { name: /^Harbour Times/ })
    await poll(() => facet.locator('.facet-count').textContent()).toBe(count.toLocaleString('en-US'))
    await facet.click()
    await poll(total).toBe(`${count.toLocaleString('en-US')} articles`)
    await poll(async () => (await rowIds()).slice(0, 20)).toEqual(ordered('published_at', await dateDirection(), 20, 0, "outlet = 'Harbour Times'"))
    await page.getByTestId('facets').getByRole('button', { name: 'Clear' }).click()
    await poll(total).toBe('100,000 articles')
  })

  it('searches a word, a phrase against the same words reversed, and a field', async () => {
    const name = storyName(STORY)
    await search(name)
    await poll(async () => (await rowIds()).sort((a, b) => a - b)).toEqual(STORY_IDS)
    // The title's first three words as a phrase; reversed, no phrase, but all three words still required find the story.
    const words = scaleArticle(STORY_IDS[0]!).title.replace(':', '').split(' ').slice(0, 3)
    await search(`"${words.join(' ')}"`)
    await poll(async () => (await rowIds()).sort((a, b) => a - b)).toEqual(STORY_IDS)
    await search(`"${[...words].reverse().join(' ')}"`)
    await poll(total).toBe('0 articles')
    await search([...words].reverse().map((w) => `+${w}`).join(' '))
    await poll(async () => (await rowIds()).sort((a, b) => a - b)).toEqual(STORY_IDS)
    // A field: the story's one article from the first article's outlet (its last word, e.g. outlet:courier).
    const outlet = scaleArticle(STORY_IDS[0]!).outlet
    await search(`outlet:${outlet.split(' ').at(-1)!.toLowerCase()} ${name}`)
    await poll(rowIds).toEqual(STORY_IDS.filter((id) => scaleArticle(id).outlet === outlet))
    await page.screenshot({ path: join(ROOT, 'test-results', 'scale-100k-search.png') })
  })

  it('says when a search has more matches than the table takes, and never shows the last search\'s rows for the next', async () => {
    const outletRows = async (): Promise<string[]> => table().locator('[role=row][data-id] [data-column=outlet]').allTextContents()
    for (const outlet of ['Metro Wire', 'Harbour Times']) {
      const count = db.prepare('SELECT count(*) FROM articles WHERE outlet = ?').pluck().get(outlet) as number
      expect(count).toBeGreaterThan(10_000)
      // Both searches fill the table's 10,000: the rows must still change with the query.
      await search(`outlet:"${outlet}"`)
      await poll(total).toBe(`10,000 articles: the best of ${count.toLocaleString('en-US')} matches`)
      await poll(async () => [...new Set(await outletRows())]).toEqual([outlet])
    }
    await search('')
    await poll(total).toBe('100,000 articles')
  })

  it('opens an article in the reader with its related coverage: the other articles of its story', async () => {
    await search(storyName(STORY))
    await poll(async () => (await rowIds()).length).toBe(STORY_SIZE)
    const id = (await rowIds())[0]!
    await rowAt(0).click()
    const reader = page.getByTestId('reader')
    await poll(() => page.locator('#reader-title').textContent()).toBe(scaleArticle(id).title)
    await poll(() => reader.locator('.reader-body').textContent()).toContain(scaleArticle(id).text.split('\n')[0]!.slice(0, 60))
    const others = STORY_IDS.filter((x) => x !== id).map((x) => scaleArticle(x).outlet)
    const related = page.getByTestId('related')
    await poll(async () => (await related.locator('li .row-meta').allTextContents()).map((m) => m.split(' · ')[0]).slice(0, 2).sort()).toEqual(others.sort())
    await page.screenshot({ path: join(ROOT, 'test-results', 'scale-100k-reader.png') })
  })

  it('compares the three articles of the story, ticked in the table', async () => {
    await search(storyName(STORY))
    await poll(async () => (await rowIds()).length).toBe(STORY_SIZE)
    for (let i = 0; i < STORY_SIZE; i++) await rowAt(i).getByRole('checkbox', { name: 'Pick for comparison' }).check()
    await poll(() => page.getByTestId('compare-button').textContent()).toContain(String(STORY_SIZE))
    await page.getByTestId('compare-button').click()
    for (let c = 0; c < STORY_SIZE; c++) await page.getByTestId(`column-${c}`).locator('.sentence').first().waitFor({ timeout: 30_000 })
    // The story's shared sentences are aligned (a colour band each), the outlet's own paragraph is only here.
    const col0 = page.getByTestId('column-0')
    await poll(() => page.getByTestId('column-1').locator('.sentence[class*="band-"]').count()).toBeGreaterThan(3)
    await poll(() => col0.locator('.sentence.alignment-only').count()).toBeGreaterThan(0)
    // Hovering the shared lead outlines the same sentence in the next column.
    const lead = (await col0.locator('.sentence').first().textContent())!
    await col0.locator('.sentence').first().hover()
    await poll(() => page.getByTestId('column-1').locator('.sentence.counterpart').textContent()).toBe(lead)
    await page.screenshot({ path: join(ROOT, 'test-results', 'scale-100k-compare.png') })
    await page.getByRole('button', { name: 'Close comparison' }).click()
    await search('')
    await poll(total).toBe('100,000 articles')
  })

  it('saw no console error, page error, failed request or error response', () => {
    expect(problems).toEqual([])
  })
})
