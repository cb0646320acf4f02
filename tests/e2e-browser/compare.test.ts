/** Comparing coverage in the real UI: pick two articles, see aligned bands, the altered quote, export the report. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { CLI, FIXTURES, ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

describe('compare in Chromium', () => {
  let app: OpenApp
  let page: Page

  beforeAll(async () => {
    const lib = tmpDir()
    const files = ['original.txt', 'rewrite.txt', 'unrelated.txt'].map((f) => join(FIXTURES, 'compare', f))
    expect(spawnSync(process.execPath, [CLI, 'import', ...files, '--library', lib]).status).toBe(0)
    app = await openApp(lib, { width: 1400, height: 850 })
    page = app.page
    await page.locator('.article-row').first().waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows related coverage in the reader, one click from a comparison', async () => {
    await page.locator('.article-row', { hasText: 'Council approves new harbour bridge' }).click()
    const related = page.getByTestId('related')
    await related.waitFor()
    expect(await related.locator('li .link').first().textContent()).toBe('Harbour bridge to be rebuilt after council vote')
    expect(await related.textContent()).not.toContain('Chess club')
  })

  it('compares two ticked articles: aligned bands, counterparts, word diffs, the altered quote, the changed number, a report', async () => {
    for (const title of ['Council approves new harbour bridge', 'Harbour bridge to be rebuilt after council vote']) {
      await page.locator('.article-row', { hasText: title }).getByRole('checkbox', { name: 'Pick for comparison' }).check()
    }
    await page.getByTestId('compare-button').click()
    const col0 = page.getByTestId('column-0')
    await col0.locator('.sentence').first().waitFor()
    // Every sentence of the two is aligned: each carries a colour band, none is "only here".
    expect(await page.locator('.sentence').count()).toBe(17)
    expect(await page.locator('.sentence.alignment-only').count()).toBe(0)
    expect(await page.locator('.sentence[class*="band-"]').count()).toBe(17)

    // Hovering a sentence outlines its counterpart in the other column.
    await col0.locator('.sentence', { hasText: 'last renovated 76 years ago' }).hover()
    await expect.poll(() => page.getByTestId('column-1').locator('.sentence.counterpart').textContent()).toBe('The bridge opened in 1924 and was last renovated 75 years ago.')
    await col0.locator('.sentence', { hasText: 'last renovated 76 years ago' }).click()
    const panel = page.getByTestId('diff-panel')
    expect(await panel.locator('del').allTextContents()).toEqual(['76'])
    expect(await panel.locator('ins').allTextContents()).toEqual(['75'])
    await page.screenshot({ path: join(ROOT, 'test-results', 'compare.png') })

    await page.getByRole('tab', { name: /^Quotes/ }).click()
    const quotes = page.getByTestId('quote-table')
    expect(await quotes.locator('td.altered').count()).toBe(1)
    expect(await quotes.locator('td.altered del').textContent()).toBe('one')
    expect(await quotes.locator('td.altered ins').textContent()).toBe('century')

    await page.getByRole('tab', { name: /^Names & numbers/ }).click()
    expect(await page.getByTestId('changes').locator('li').count()).toBe(2)
    expect(await page.getByTestId('changes').textContent()).toContain('“Kestrel Courier”')
    await page.screenshot({ path: join(ROOT, 'test-results', 'compare-entities.png') })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()])
    const report = readFileSync((await download.path()), 'utf8')
    expect(download.suggestedFilename()).toMatch(/^comparison-\d+-\d+\.md$/)
    expect(report).toContain('# Coverage comparison')
    expect(report).toContain('altered: ')
    expect(report).toMatch(/number: .* has “76”, .* has “75”/)
  })

  it('saves the comparison with notes, and reopens it from the sidebar after a reload', async () => {
    await page.getByRole('button', { name: 'Save…' }).click()
    const panel = page.getByTestId('save-panel')
    await panel.getByRole('textbox', { name: 'Comparison title' }).fill('Bridge vote: Courier vs Post')
    await panel.getByRole('textbox', { name: 'Notes on this comparison' }).fill('The Post drops the Courier credit and says 75 years.')
    await panel.getByRole('button', { name: 'Save comparison' }).click()
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^Saved/)
    await page.getByRole('button', { name: 'Close comparison' }).click()

    await page.reload()
    const saved = page.getByTestId('saved-comparisons')
    await saved.getByText('Bridge vote: Courier vs Post').click()
    await page.getByTestId('column-1').locator('.sentence').first().waitFor()
    expect(await page.getByRole('textbox', { name: 'Notes on this comparison' }).inputValue()).toBe('The Post drops the Courier credit and says 75 years.')
  })

  it('groups the library into stories, with a compare button', async () => {
    await page.getByText('Stories', { exact: true }).click()
    const story = page.getByTestId('stories').locator('.story').first()
    await story.waitFor()
    const titles = await story.locator('li .link').allTextContents()
    expect(titles.sort()).toEqual(['Council approves new harbour bridge', 'Harbour bridge to be rebuilt after council vote'])
    expect(await page.getByTestId('stories').textContent()).not.toContain('Chess club')
    const meta = await story.locator('.row-meta').first().textContent()
    expect(meta).toContain('Harbour Post')
    expect(meta).toContain('Kestrel Courier')
    await story.getByRole('button', { name: 'Compare 2' }).click()
    await page.getByTestId('column-1').locator('.sentence').first().waitFor()
    await page.getByRole('button', { name: 'Close comparison' }).click()
  })
})
