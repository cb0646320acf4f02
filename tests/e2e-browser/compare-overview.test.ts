/**
 * A comparison's overview in the real UI: the articles' table, who published first and who repeats
 * whom, the fact that disagrees with both sentences, the minimap, "compare all related" from the
 * reader, adding an article, and the warning for articles about different stories.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { CLI, FIXTURES, ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const DIR = join(FIXTURES, 'compare', 'overview')

describe('comparison overview in Chromium', () => {
  let app: OpenApp
  let page: Page

  beforeAll(async () => {
    const lib = tmpDir()
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html')).map((f) => join(DIR, f))
    expect(spawnSync(process.execPath, [CLI, 'import', ...files, '--library', lib]).status).toBe(0)
    app = await openApp(lib, { width: 1920, height: 1080 })
    page = app.page
    await page.locator('.article-row').first().waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  const overview = (): ReturnType<Page['getByTestId']> => page.getByTestId('overview')

  it('compares an article with all its related coverage from the reader, and opens on the overview', async () => {
    await page.locator('.article-row', { hasText: 'cooperative to seek state aid' }).click()
    await page.getByTestId('related').getByRole('button', { name: 'Compare all 3' }).click()
    await overview().waitFor()
    const rows = overview().getByTestId('overview-articles').locator('tbody tr')
    expect(await rows.locator('th').allTextContents()).toEqual(['Radio North', 'Coast Daily', 'Northbay Wire'])
    expect(await rows.nth(2).textContent()).toContain('Cod catch in northern bay falls to a forty-year low')
    expect(await page.getByTestId('unrelated-warning').count()).toBe(0)
  })

  it('puts the articles on a timeline and says who repeats whom, how much and how much later', async () => {
    const timeline = overview().getByTestId('overview-timeline')
    expect(await timeline.locator('.timeline li').allTextContents()).toEqual([
      expect.stringMatching(/^first Northbay Wire/),
      expect.stringMatching(/^\+14 h Coast Daily/),
      expect.stringMatching(/^\+1 day Radio North/)
    ])
    expect(await timeline.getByTestId('copying').locator('li').allTextContents()).toEqual([
      'Coast Daily repeats 4 paragraphs (93 words) of Northbay Wire verbatim or lightly reworded, published 14 h later.'
    ])
  })

  it('lists the fact that disagrees with both sides’ sentences, what each alone reports, quotes and framing', async () => {
    const facts = overview().getByTestId('overview-disagreements')
    expect(await facts.locator('li').count()).toBe(1)
    const fact = facts.locator('li').first()
    expect(await fact.locator('strong').allTextContents()).toEqual(['“5 million”', '“2 million”'])
    expect(await fact.locator('.both-sides').allTextContents()).toEqual([
      expect.stringContaining('support fund of 5 million euros'),
      expect.stringContaining('support fund of 2 million euros')
    ])
    const only = overview().getByTestId('overview-only-here')
    expect(await only.textContent()).toContain('Coast Daily alone reports')
    expect(await only.textContent()).toContain('Mayor Jonas Berg slammed the ministry')
    expect(await overview().getByTestId('overview-framing').textContent()).toMatch(/Coast Daily.*loaded attribution: slammed/)
    expect(await overview().getByTestId('overview-quotes').textContent()).toMatch(/“We are fishing the same grounds.*” verbatim in Coast Daily, Northbay Wire; not in Radio North/)
  })

  it('exports reports that open with the overview, sources and publication times', async () => {
    const download = async (name: string): Promise<string> => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()])
      return readFileSync((await d.path()), 'utf8')
    }
    const md = await download('Export Markdown')
    const head = md.slice(0, md.indexOf('## Shared text'))
    expect(head).toMatch(/^# Coverage comparison\n\n## Overview\n/)
    expect(head).toContain('| Northbay Wire | 2025-03-03T08:00:00Z | Cod catch in northern bay falls to a forty-year low | 114 words | 82% | <https://wire.example/2025/03/cod-catch-low> |')
    expect(head).toContain('**Coast Daily repeats 4 paragraphs (93 words) of Northbay Wire verbatim or lightly reworded, published 14 h later.**')
    expect(head).toContain('number: Coast Daily has “5 million”, Northbay Wire has “2 million”')
    const page2 = await download('Export HTML')
    expect(page2.indexOf('<h2>Overview</h2>')).toBeLessThan(page2.indexOf('<h2>Shared text</h2>'))
    expect(page2).toContain('<td>https://coastdaily.example/news/bay-fishermen-demand-help</td>')
  })

  it('names column shares in words, and the minimap jumps to a sentence', async () => {
    const head = page.locator('.column-head').nth(1)
    expect(await head.locator('.column-stats span').allTextContents()).toEqual([
      expect.stringMatching(/^shares \d+% of its text with Radio North$/),
      expect.stringMatching(/^shares \d+% of its text with Northbay Wire$/),
      expect.stringMatching(/^\d+ of 6 sentences only here$/)
    ])
    const cells = page.getByTestId('minimap-1').locator('.minimap-cell')
    expect(await cells.count()).toBe(6)
    expect(await page.getByTestId('minimap-1').locator('.minimap-only').count()).toBeGreaterThan(0)
    await cells.nth(5).click()
    await expect.poll(() => page.getByTestId('column-1').locator('.sentence.active').textContent()).toContain('Mayor Jonas Berg')
    await page.screenshot({ path: join(ROOT, 'test-results', 'compare-overview-1920.png') })
  })

  it('fits a 1024x700 window without sideways scrolling, light and dark', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme)
      const overflow = await overview().evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      // The alignment keeps room below the overview, inside the window (the page itself does not scroll).
      const body = (await page.getByTestId('column-0').boundingBox())!
      expect(body.y + body.height).toBeLessThanOrEqual((await page.getByTestId('diff-panel').boundingBox())!.y + 1)
      expect(body.height).toBeGreaterThan(120)
      expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBe(700)
      await page.screenshot({ path: join(ROOT, 'test-results', `compare-overview-1024-${scheme}.png`) })
    }
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: join(ROOT, 'test-results', 'compare-overview-1920-dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('adds an article to the comparison, then warns when articles cover different stories and offers related coverage', async () => {
    await page.getByRole('button', { name: 'Add article…' }).click()
    await page.getByTestId('add-article').getByRole('textbox').fill('allotment')
    await page.getByTestId('add-article').getByRole('button', { name: /Allotment society/ }).click()
    await expect.poll(() => overview().getByTestId('overview-articles').locator('tbody tr').count()).toBe(4)
    // One unrelated article among related ones: no warning, but it is told apart (greyed, 0% found elsewhere).
    expect(await page.getByTestId('unrelated-warning').count()).toBe(0)
    expect(await overview().locator('tr.apart th').textContent()).toBe('Upland Gazette')
    await page.getByRole('button', { name: 'Close comparison' }).click()

    for (const title of ['Cod catch in northern bay falls', 'Allotment society wins prize']) {
      await page.locator('.article-row', { hasText: title }).getByRole('checkbox', { name: 'Pick for comparison' }).check()
    }
    await page.getByTestId('compare-button').click()
    const warning = page.getByTestId('unrelated-warning')
    await warning.waitFor()
    expect(await warning.textContent()).toContain('These articles do not seem to cover the same story.')
    // Related coverage offered instead: each article once (under the compared one it is closest to), never a compared one.
    await warning.locator('li li').first().waitFor()
    const offered = await warning.locator('li li .related-title').allTextContents()
    expect(offered.length).toBeGreaterThan(0)
    expect(new Set(offered).size).toBe(offered.length)
    expect(offered.filter((t) => /^(Cod catch in northern bay falls|Allotment society wins prize)/.test(t))).toEqual([])
    await warning.locator('li li', { hasText: 'Bay fishermen demand help' }).getByRole('button', { name: 'Compare with it' }).click()
    await expect.poll(() => overview().getByTestId('overview-articles').locator('tbody th').allTextContents()).toEqual(['Northbay Wire', 'Coast Daily'])
    expect(await page.getByTestId('unrelated-warning').count()).toBe(0)
    await page.getByRole('button', { name: 'Close comparison' }).click()
  })

  it('marks the first publisher of a story in Stories', async () => {
    await page.getByText('Stories', { exact: true }).click()
    const story = page.getByTestId('stories').locator('.story', { hasText: 'Cod catch in northern bay' })
    await story.waitFor()
    expect(await story.locator('li', { has: page.locator('.first-publisher') }).locator('.link').allTextContents()).toEqual(['Cod catch in northern bay falls to a forty-year low'])
  })
})
