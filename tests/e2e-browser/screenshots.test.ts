/**
 * Every view at 1024x700 and 1920x1080, light and dark: screenshots under test-results/screenshots
 * (with a contact sheet), and in each one no sideways scroll and no control cut off by the window.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImported, type OpenApp } from '../helpers/app'
import { contactSheet, measureLayout } from '../helpers/layout'
import { FIXTURES, ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'

const OUT = join(ROOT, 'test-results', 'screenshots')
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 }
]
const THEMES = ['light', 'dark'] as const
const BRIDGE = 'Council approves new harbour bridge'
const REWRITE = 'Harbour bridge to be rebuilt after council vote'

/** How to bring each view on screen from a freshly loaded app. */
const VIEWS: Record<string, (page: Page) => Promise<void>> = {
  overview: async (page) => {
    await page.getByTestId('library-overview').waitFor()
  },
  reader: async (page) => {
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
    await page.getByTestId('note').first().waitFor()
  },
  search: async (page) => {
    await page.getByTestId('search-box').fill('bridge')
    await page.locator('.article-row.hit').first().waitFor()
    await page.locator('.article-row.hit').first().click()
    await page.getByTestId('reader').locator('h1').waitFor()
  },
  compare: async (page) => {
    for (const title of [BRIDGE, REWRITE]) await page.locator('.article-row', { hasText: title }).getByRole('checkbox').check()
    await page.getByTestId('compare-button').click()
    await page.getByTestId('column-0').locator('.sentence').first().click()
    await page.locator('.diff-panel').waitFor()
  },
  stories: async (page) => {
    await page.locator('.sidebar nav').first().getByText('Stories', { exact: true }).click()
    await page.locator('.story').first().waitFor()
  },
  notes: async (page) => {
    await page.locator('.sidebar nav').first().getByText('Notes', { exact: true }).click()
    await page.getByTestId('notes-view').waitFor()
  },
  ticked: async (page) => {
    // Two ticked articles: Compare in the toolbar, the rest inline when wide, in the ⋯ menu when narrow.
    for (const title of [BRIDGE, REWRITE]) await page.locator('.article-row', { hasText: title }).getByRole('checkbox').check()
    const more = page.getByTestId('overflow-button')
    if (await more.isVisible()) {
      await more.click()
      await page.getByRole('menu').waitFor()
    }
  },
  help: async (page) => {
    await page.keyboard.press('?')
    await page.getByTestId('shortcut-help').waitFor()
  }
}

describe('screenshots of every view', () => {
  let app: OpenApp
  let page: Page

  beforeAll(async () => {
    const files = [requireSample(), ...['original.txt', 'rewrite.txt', 'unrelated.txt'].map((f) => join(FIXTURES, 'compare', f)), join(FIXTURES, 'articles', 'council-vote.md')]
    app = await openImported(files)
    page = app.page
    // A highlight with a Markdown note, so the reader and the notes view have one to show.
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
    await page.getByTestId('reader').locator('.reader-body p').nth(1).waitFor()
    await page.evaluate(() => {
      const p = document.querySelectorAll('.reader-body p')[1]!
      const range = document.createRange()
      range.selectNodeContents(p)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    })
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.keyboard.type('Worth checking against **the statement**.')
    await page.keyboard.press('Control+Enter')
    await page.getByTestId('note').locator('.note-body strong').waitFor()
    // Tags on a row, so the screenshots show they stay whole.
    await page.locator('.article-row', { hasText: BRIDGE }).click()
    for (const tag of ['infrastructure', 'council', 'budget']) {
      await page.getByRole('textbox', { name: 'Add a tag' }).fill(tag)
      await page.getByRole('textbox', { name: 'Add a tag' }).press('Enter')
    }
    await page.locator('.article-row', { hasText: BRIDGE }).locator('.row-tag').nth(2).waitFor()
    mkdirSync(OUT, { recursive: true })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows every view without sideways scrolling or cut-off controls, and makes a contact sheet', async () => {
    const shots: string[] = []
    const problems: string[] = []
    for (const size of SIZES) {
      for (const theme of THEMES) {
        await page.setViewportSize(size)
        await page.emulateMedia({ colorScheme: theme })
        for (const [name, show] of Object.entries(VIEWS)) {
          await page.reload()
          await page.locator('.article-row').first().waitFor()
          await show(page)
          const file = join(OUT, `${name}-${size.width}x${size.height}-${theme}.png`)
          await page.screenshot({ path: file })
          shots.push(file)
          const layout = await measureLayout(page)
          const where = `${name} ${size.width}x${size.height} ${theme}`
          if (layout.docWidth !== layout.viewWidth) problems.push(`${where}: document ${layout.docWidth} px wide in a ${layout.viewWidth} px window`)
          problems.push(...layout.clipped.map((c) => `${where}: ${c}`))
        }
      }
    }
    await contactSheet(app.browser, shots, OUT)
    expect(problems).toEqual([])
  })
})
