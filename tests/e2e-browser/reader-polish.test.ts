/**
 * The reader and notes at work speed: typing straight after Add note, Ctrl+Enter, word snapping,
 * triple-click on the last paragraph, the keyboard-only highlight, optimistic tags, Esc from anywhere.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImported, type OpenApp } from '../helpers/app'
import { FIXTURES, SAMPLE_TITLE, requireSample } from '../helpers/paths'

const SENTENCE = 'She emphasized the need for continued cooperation with the U.S. in international security, given their long-standing alliance.'

/** Selects characters [from, to) of the paragraph with this text, as a mouse drag would, and releases the mouse. */
async function selectIn(page: Page, paragraph: string, from: number, to: number): Promise<void> {
  await page.evaluate(
    ([text, a, b]) => {
      const p = [...document.querySelectorAll('.reader-body p')].find((el) => el.textContent === text)!
      p.scrollIntoView({ block: 'center' })
      // The paragraph's text may be split by marks: find the text node and offset of each end.
      const at = (n: number): [Node, number] => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
        let left = n
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          if (left <= t.textContent!.length) return [t, left]
          left -= t.textContent!.length
        }
        throw new Error(`offset ${n} is past the paragraph`)
      }
      const range = document.createRange()
      range.setStart(...at(a))
      range.setEnd(...at(b))
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    },
    [paragraph, from, to] as const
  )
}

const STATE = 'The State Department did not provide a reason for the cancellation of the meeting with Rubio. However, Kallas expressed confidence in continued communication, citing positive discussions with Rubio at the Munich Security Conference earlier in the month.'

describe('reader and notes polish in Chromium', () => {
  let app: OpenApp
  let page: Page
  const notes = () => page.getByTestId('notes-panel').locator('[data-testid=note]')
  const noteTexts = () => notes().locator('.note-body').evaluateAll((els) => els.map((e) => e.textContent.trim()))

  beforeAll(async () => {
    app = await openImported([requireSample(), join(FIXTURES, 'articles')])
    page = app.page
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
    await page.getByTestId('reader').locator('h1').waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('keeps every letter typed straight after Add note, j included, and saves with Ctrl+Enter', async () => {
    await selectIn(page, SENTENCE, 0, SENTENCE.length)
    await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Add note' }).click()
    // No wait for the box: a fast typist starts at once.
    await page.keyboard.type('just checking: keep this')
    await page.keyboard.press('Control+Enter')
    await expect.poll(noteTexts).toEqual(['just checking: keep this'])
    expect(await page.getByTestId('reader').locator('h1').textContent()).toBe(SAMPLE_TITLE)
    await page.reload()
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
    await expect.poll(noteTexts).toEqual(['just checking: keep this'])
    expect(await page.locator('.reader-body mark.hl').allTextContents()).toEqual([SENTENCE])
  })

  it('snaps a selection that starts and ends mid-word to whole words', async () => {
    // "ate Department did no" -> "State Department did not"
    await selectIn(page, STATE, 6, 27)
    await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Highlight green' }).click()
    await expect.poll(() => page.locator('.reader-body mark.hl-green').allTextContents()).toEqual(['State Department did not'])
  })

  it('shows the toolbar for a triple-click on the last paragraph', async () => {
    const last = page.locator('.reader-body p').last()
    await last.scrollIntoViewIfNeeded()
    await last.click({ clickCount: 3 })
    await page.getByTestId('selection-toolbar').waitFor()
    await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Highlight blue' }).click()
    await expect.poll(() => page.locator('.reader-body mark.hl-blue').allTextContents()).toEqual([(await last.textContent())!])
  })

  it('highlights a sentence from the keyboard alone: s selects, h highlights', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('s')
    await page.getByTestId('selection-toolbar').waitFor()
    await page.keyboard.press('h')
    const first = (await page.locator('.reader-body p').first().textContent())!
    await expect.poll(() => page.locator('.reader-body mark.hl-yellow').first().textContent()).toBe(first.slice(0, first.indexOf('.') + 1))
  })

  it('shows a tag, and takes a refused one back with the error in place', async () => {
    const editor = page.getByTestId('tag-editor')
    const box = editor.getByRole('textbox', { name: 'Add a tag' })
    await box.fill('diplomacy')
    await box.press('Enter')
    await expect.poll(() => editor.locator('.chip').allTextContents()).toEqual(['diplomacy×'])
    // Longer than a tag may be: the core refuses it.
    await box.fill('x'.repeat(150))
    await box.press('Enter')
    await expect.poll(() => editor.locator('.form-error').textContent()).toContain('Could not change the tags')
    expect(await editor.locator('.chip').allTextContents()).toEqual(['diplomacy×'])
  })

  it('clears the search with Esc from anywhere, and renders note Markdown in the notes view', async () => {
    await page.getByTestId('search-box').fill('Kallas')
    await page.locator('.article-row.hit').first().waitFor()
    await page.locator('.article-row.hit').first().click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('search-box').inputValue()).toBe('')

    await page.getByTestId('notes-panel').getByRole('button', { name: 'Edit' }).first().click()
    const box = page.getByRole('textbox', { name: 'Note' })
    await box.fill('**never served**')
    await box.press('Control+Enter')
    await page.locator('.sidebar nav').first().getByText('Notes', { exact: true }).click()
    await expect.poll(() => page.getByTestId('notes-view').locator('.note-body strong').allTextContents()).toEqual(['never served'])
  })
})
