/**
 * Article versions in Chromium: an article imported, annotated, then imported again from the same
 * page with a new headline and text; the reader shows both versions with their dates and the
 * word-level changes, the note stays on its words, and "Compare versions" opens the comparison.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { ROOT } from '../helpers/paths'
import { selectParagraph } from '../helpers/select'
import { tmpDir } from '../helpers/tmp'

const KEPT = 'Harbour master Ines Okafor said the pier had been checked twice.'
const page1 = (title: string, date: string, body: string): string => `---\ntitle: ${title}\noutlet: Kestrel Courier\ndate: ${date}\nurl: https://kestrel.example/ferry\n---\n\n${body}\n`
const V1 = page1('Ferry to resume on Monday', '2025-03-01', `The island ferry resumes on Monday after repairs.\n\n${KEPT}\n\nTickets cost four pounds.`)
const V2 = page1('Ferry delayed to Thursday', '2025-03-02', `The island ferry resumes on Thursday after further repairs.\n\n${KEPT}\n\nTickets cost four pounds.`)

describe('article versions in Chromium', () => {
  let app: OpenApp
  let page: Page
  const dir = tmpDir()

  beforeAll(async () => {
    writeFileSync(join(dir, 'ferry-v1.md'), V1)
    writeFileSync(join(dir, 'ferry-v2.md'), V2)
    app = await openApp(tmpDir())
    page = app.page
  })
  afterAll(async () => {
    await app?.close()
  })

  it('imports a second version, shows both with dates and a diff, keeps the note anchored, and compares the versions', async () => {
    await page.getByTestId('file-input').setInputFiles(join(dir, 'ferry-v1.md'))
    await page.locator('.article-row', { hasText: 'Ferry to resume on Monday' }).click()
    const reader = page.getByTestId('reader')
    await reader.locator('h1').waitFor()
    expect(await page.getByTestId('versions').count()).toBe(0)
    await addNote(page, KEPT, 'Check with the port')

    await page.getByTestId('file-input').setInputFiles(join(dir, 'ferry-v2.md'))
    await expect.poll(() => reader.locator('h1').textContent()).toBe('Ferry delayed to Thursday')
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('1 new version of a stored article')
    expect(await page.locator('.article-row').count()).toBe(1)
    const versions = page.getByTestId('versions')
    expect(await versions.locator('.versions-list li').allTextContents()).toEqual([
      expect.stringMatching(/^Version 1 · published 1 Mar 2025 · imported .+: “Ferry to resume on Monday”$/),
      expect.stringMatching(/^Version 2 \(current\) · published 2 Mar 2025 · imported .+: “Ferry delayed to Thursday”$/)
    ])
    await versions.getByRole('button', { name: 'Show changes' }).click()
    const diff = page.getByTestId('version-diff')
    await diff.waitFor()
    const words = async (css: string): Promise<string> => (await diff.locator(css).allTextContents()).join(' ').replace(/\s+/g, ' ').trim()
    expect([await words('h3 del'), await words('h3 ins')]).toEqual(['resume on Monday', 'delayed Thursday'])
    expect([await words('.version-diff-text del'), await words('.version-diff-text ins')]).toEqual(['Monday', 'Thursday further'])
    // The note is still on its words in the new text.
    await expect.poll(() => reader.locator('.reader-body mark.hl').allTextContents()).toEqual([KEPT])
    expect(await page.getByTestId('note').locator('.note-quote').textContent()).toBe(KEPT)
    await page.screenshot({ path: join(ROOT, 'test-results', 'versions.png') })

    await versions.getByRole('button', { name: 'Compare versions' }).click()
    const compare = page.getByTestId('compare')
    await compare.waitFor()
    await expect.poll(() => compare.getByText('Kestrel Courier · version 1').count()).toBeGreaterThan(0)
    expect(await compare.getByText('Kestrel Courier · version 2').count()).toBeGreaterThan(0)
    // A comparison of versions is not saved or exported as one of articles.
    expect(await compare.getByRole('button', { name: 'Export HTML' }).count()).toBe(0)
  })
})

/** Selects a paragraph as a mouse would and adds a note to it. */
async function addNote(page: Page, paragraph: string, body: string): Promise<void> {
  await selectParagraph(page, paragraph)
  await page.getByTestId('selection-toolbar').waitFor()
  await page.keyboard.press('n')
  const note = page.getByTestId('note')
  await note.getByRole('textbox', { name: 'Note' }).fill(body)
  await note.getByRole('button', { name: 'Save note' }).click()
  await expect.poll(() => page.locator('.reader-body mark.hl').allTextContents()).toEqual([paragraph])
}
