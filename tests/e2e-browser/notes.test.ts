/** Notes in the real reader: select a sentence, add a note, reload, find it highlighted at the same words. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { CLI, ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { selectParagraph } from '../helpers/select'
import { tmpDir } from '../helpers/tmp'

const SENTENCE = 'She emphasized the need for continued cooperation with the U.S. in international security, given their long-standing alliance.'

describe('notes in Chromium', () => {
  let app: OpenApp
  let page: Page

  beforeAll(async () => {
    const lib = tmpDir()
    expect(spawnSync(process.execPath, [CLI, 'import', requireSample(), '--library', lib]).status).toBe(0)
    app = await openApp(lib)
    page = app.page
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
    await page.getByTestId('reader').locator('h1').waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('selects a sentence, adds a note, and finds it after a reload, highlighted at the same words', async () => {
    // Select the sentence the way a mouse would.
    await selectParagraph(page, SENTENCE)
    await page.getByTestId('selection-toolbar').waitFor()
    // "n" is the shortcut for the toolbar's Add note.
    await page.keyboard.press('n')
    const note = page.getByTestId('note')
    await note.getByRole('textbox', { name: 'Note' }).fill('Kallas ties NATO to **Estonia’s** losses <script>alert(1)</script>')
    await note.getByRole('button', { name: 'Save note' }).click()
    await expect.poll(() => note.locator('.note-body').textContent()).toContain('Kallas ties NATO to Estonia’s losses')
    expect(await note.locator('.note-body strong').textContent()).toBe('Estonia’s')
    expect(await note.locator('.note-body script').count()).toBe(0)

    await page.reload()
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
    const mark = page.locator('.reader-body mark.hl')
    await mark.first().waitFor()
    expect(await mark.allTextContents()).toEqual([SENTENCE])
    expect(await page.getByTestId('note').locator('.note-quote').textContent()).toBe(SENTENCE)
    await page.screenshot({ path: join(ROOT, 'test-results', 'notes.png') })

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notes-panel').getByRole('button', { name: 'Export' }).click()])
    const md = readFileSync((await download.path()), 'utf8')
    expect(md).toContain(`> ${SENTENCE}`)
    expect(md).toContain('Kallas ties NATO')

    // Notes are searchable.
    await page.getByTestId('search-box').fill('notes:losses')
    await expect.poll(() => page.locator('.article-row.hit .row-title').allTextContents()).toEqual([SAMPLE_TITLE])
    await page.getByTestId('search-box').fill('')
  })

  it('lists every note in the notes view, and opens its article from there', async () => {
    await page.locator('.sidebar nav').first().getByText('Notes', { exact: true }).click()
    const view = page.getByTestId('notes-view')
    await view.locator('.note').first().waitFor()
    expect(await view.locator('.note-quote').allTextContents()).toEqual([SENTENCE])
    await view.getByRole('button', { name: SAMPLE_TITLE }).click()
    await expect.poll(() => page.getByTestId('reader').locator('h1').textContent()).toBe(SAMPLE_TITLE)
  })
})
