/** Tags, collections, delete with undo, the library archive and shortcuts, in the real UI. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { CLI, FIXTURES, ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

describe('organising the library in Chromium', () => {
  let app: OpenApp
  let page: Page
  const row = (title: string) => page.locator('.article-row', { hasText: title })

  beforeAll(async () => {
    const lib = tmpDir()
    expect(spawnSync(process.execPath, [CLI, 'import', requireSample(), join(FIXTURES, 'articles'), '--library', lib]).status).toBe(0)
    app = await openApp(lib)
    page = app.page
    await page.locator('.article-row').first().waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('tags an article and files it in a new collection, then filters the library by each', async () => {
    await row(SAMPLE_TITLE).click()
    const editor = page.getByTestId('tag-editor')
    await editor.getByRole('textbox', { name: 'Add a tag' }).fill('ukraine')
    await editor.getByRole('textbox', { name: 'Add a tag' }).press('Enter')
    await expect.poll(() => editor.locator('.chip').first().textContent()).toBe('ukraine×')
    await editor.getByRole('combobox', { name: 'Add to collection' }).selectOption('__new')
    await editor.getByRole('textbox', { name: 'New collection name' }).fill('Peace talks')
    await editor.getByRole('textbox', { name: 'New collection name' }).press('Enter')
    await expect.poll(() => editor.locator('.chip-collection').textContent()).toBe('Peace talks×')

    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('ukraine')
    await expect.poll(() => page.locator('.article-row .row-title').allTextContents()).toEqual([SAMPLE_TITLE])
    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('')
    await page.getByTestId('collections').getByText('Peace talks').click()
    await expect.poll(() => page.locator('.article-row .row-title').allTextContents()).toEqual([SAMPLE_TITLE])
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.library-bar').getByRole('button', { name: 'Markdown' }).click()])
    expect(readFileSync((await download.path()), 'utf8')).toContain(`## ${SAMPLE_TITLE}`)
    await page.getByRole('button', { name: 'Show all articles' }).click()
    await expect.poll(() => page.locator('.article-row').count()).toBe(3)
    await page.screenshot({ path: join(ROOT, 'test-results', 'organize.png') })
  })

  it('deletes ticked articles and brings them back with Undo, tags and collection included', async () => {
    await row(SAMPLE_TITLE).getByRole('checkbox', { name: 'Pick for comparison' }).check()
    await page.getByTestId('delete-ticked').click()
    await expect.poll(() => page.locator('.article-row').count()).toBe(2)
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => page.locator('.article-row').count()).toBe(3)
    await row(SAMPLE_TITLE).click()
    await expect.poll(() => page.getByTestId('tag-editor').locator('.chip').allTextContents()).toEqual(['ukraine×', 'Peace talks×'])
  })

  it('exports the library as an archive that holds the tags and collections', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export library' }).click()])
    const archive = JSON.parse(readFileSync((await download.path()), 'utf8'))
    expect(archive.format).toBe('parallax-archive')
    expect(archive.articles).toHaveLength(3)
    expect(archive.articles.find((a: { title: string }) => a.title === SAMPLE_TITLE).tags).toEqual(['ukraine'])
    expect(archive.collections.map((c: { name: string }) => c.name)).toEqual(['Peace talks'])
  })

  it('shows the keyboard shortcuts with ? and moves through articles with j and k', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('?')
    await page.getByTestId('shortcut-help').waitFor()
    await page.keyboard.press('Escape')
    const titles = await page.locator('.article-row .row-title').allTextContents()
    await row(titles[0]!).click()
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('j')
    await expect.poll(() => page.getByTestId('reader').locator('h1').textContent()).toBe(titles[1])
    await page.keyboard.press('k')
    await expect.poll(() => page.getByTestId('reader').locator('h1').textContent()).toBe(titles[0])
  })
})
