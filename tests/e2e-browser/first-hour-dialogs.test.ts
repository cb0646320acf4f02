/**
 * The first hour's dialogs in Chromium: one outlet for a whole chosen folder, bulk edit of ticked
 * articles from the keyboard (table, Ctrl+A, e), merging two outlets and editing the alias list;
 * each dialog laid out whole at 1024x700 and 1920x1080, in the light and the dark theme.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImported, type OpenApp } from '../helpers/app'
import { measureLayout } from '../helpers/layout'
import { ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const SHOTS = join(ROOT, 'test-results', 'dialogs')

/** Three outlets, one of them under two names (NYT and The New York Times), invented texts. */
function writeClippings(dir: string): string[] {
  mkdirSync(dir, { recursive: true })
  const pieces = [
    ['The New York Times', 'Harbour crane repaired', 'The harbour crane that broke in March was repaired on Friday, the port said.'],
    ['NYT', 'Port reopens berth four', 'Berth four reopened to container ships after the crane repair, the port authority said.'],
    ['Island Times', 'Ferry timetable grows', 'The island ferry will run every forty minutes from June, the operator announced.']
  ]
  return pieces.map(([outlet, title, text], i) => {
    const file = join(dir, `piece-${i}.txt`)
    writeFileSync(file, `${title}\n\nMarch ${i + 3}, 2025 — ${outlet}\n\n${text} ${text}\n`)
    return file
  })
}

describe('folder import, bulk edit and outlet names in Chromium', () => {
  let app: OpenApp
  let page: Page
  const rpc = async <T,>(method: string, args: unknown = {}): Promise<T> => {
    const res = await fetch(new URL(`/rpc/${method}`, app.server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.server.token}` }, body: JSON.stringify(args) })
    return ((await res.json()) as { result: T }).result
  }
  const outlets = async (): Promise<string[]> => (await rpc<{ outlets: { name: string }[] }>('library.facets')).outlets.map((o) => o.name).sort()

  beforeAll(async () => {
    app = await openImported(writeClippings(join(tmpDir(), 'clips')), { width: 1400, height: 900 })
    page = app.page
    await page.locator('.article-row').first().waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('imports a chosen folder under one outlet for the files that name none', async () => {
    const root = join(tmpDir(), 'scans')
    mkdirSync(join(root, '2024'), { recursive: true })
    writeFileSync(join(root, '2024', 'quay.txt'), 'Quay wall rebuilt\n\nThe old quay wall was rebuilt with stone from the harbour quarry over the winter.')
    writeFileSync(join(root, 'own.txt'), 'Market hall reopens\n\nMay 2, 2025 — Island Times\n\nThe covered market reopened on Saturday after a new roof was fitted.')
    await page.getByTestId('folder-input').setInputFiles(root)
    const dialog = page.getByTestId('folder-import-dialog')
    // Enter with an empty name says what is missing instead of importing.
    await dialog.getByRole('radio', { name: 'One outlet for the whole folder' }).check()
    await dialog.getByTestId('folder-import-start').click()
    expect(await dialog.getByRole('alert').textContent()).toMatch(/Type the outlet/)
    await dialog.getByRole('combobox', { name: 'Outlet for the whole folder' }).fill('Quay Gazette')
    await dialog.getByRole('combobox', { name: 'Outlet for the whole folder' }).press('Enter')
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('2 articles imported')
    const listed = await rpc<{ items: { title: string; outlet: string | null }[] }>('articles.list', {})
    expect(Object.fromEntries(listed.items.filter((a) => /Quay wall|Market hall/.test(a.title)).map((a) => [a.title, a.outlet]))).toEqual({ 'Quay wall rebuilt': 'Quay Gazette', 'Market hall reopens': 'Island Times' })
    await page.getByRole('button', { name: 'Close import summary' }).click()
  })

  it('edits the ticked articles from the keyboard, saying what changes before it does', async () => {
    await page.getByTestId('mode-table').click()
    const table = page.getByTestId('library-table')
    await expect.poll(() => page.getByTestId('table-total').textContent()).toBe('5 articles')
    await table.focus()
    await page.keyboard.press('Control+a')
    await expect.poll(() => page.locator('.lt-row.ticked').count()).toBe(5)
    await page.keyboard.press('e')
    const dialog = page.getByTestId('bulk-edit-dialog')
    expect(await dialog.getByRole('button', { name: 'Change 5 articles' }).isDisabled()).toBe(true)
    // Focus starts in the outlet field; Tab moves through the form.
    await page.keyboard.type('Harbour Desk')
    await dialog.getByRole('checkbox', { name: 'Clear author' }).check()
    await dialog.getByRole('textbox', { name: 'Add tag' }).fill('harbour')
    expect(await dialog.getByTestId('bulk-summary').textContent()).toBe('On 5 articles: outlet set to “Harbour Desk”, author cleared, tag “harbour” added. The values they have now are replaced and not kept.')
    await dialog.getByRole('textbox', { name: 'Add tag' }).press('Enter')
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('5 articles changed: outlet set to “Harbour Desk”')
    expect(await page.getByTestId('bulk-edit-dialog').count()).toBe(0)
    const listed = await rpc<{ items: { outlet: string | null; author: string | null; tags: string[] }[] }>('articles.list', {})
    expect(listed.items.map((a) => [a.outlet, a.author, a.tags])).toEqual(Array(5).fill(['Harbour Desk', null, ['harbour']]))
  })

  it('merges two outlets, lists the alias, and removes it', async () => {
    // Give back distinct outlets to merge: two spellings of one paper.
    const ids = (await rpc<{ items: { id: number; title: string }[] }>('articles.list', {})).items
    const idOf = (t: string): number => ids.find((a) => a.title === t)!.id
    await rpc('articles.updateMany', { ids: [idOf('Harbour crane repaired')], patch: { outlet: 'The New York Times' } })
    await rpc('articles.updateMany', { ids: [idOf('Port reopens berth four')], patch: { outlet: 'NYT' } })

    await page.getByTestId('open-settings').click()
    await page.getByTestId('open-outlets').click()
    const dialog = page.getByTestId('outlets-dialog')
    expect(await page.getByTestId('settings').count()).toBe(0)
    await dialog.getByRole('combobox', { name: 'Outlet to merge' }).selectOption('NYT')
    await dialog.getByRole('combobox', { name: 'Outlet to keep' }).selectOption('The New York Times')
    await dialog.getByTestId('merge-outlets').click()
    await expect.poll(() => dialog.getByTestId('outlets-status').textContent()).toBe('NYT merged into The New York Times: 1 article renamed.')
    expect(await dialog.getByTestId('alias-list').locator('li').allTextContents()).toEqual(['NYT→The New York TimesRemove'])
    expect(await outlets()).toEqual(['Harbour Desk', 'The New York Times'])

    await dialog.getByRole('textbox', { name: 'Another name' }).fill('nytimes.com')
    await dialog.getByRole('combobox', { name: 'Outlet it stands for' }).fill('The New York Times')
    await dialog.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => dialog.getByTestId('alias-list').locator('.alias-name').allTextContents()).toEqual(['NYT', 'nytimes.com'])
    await dialog.getByRole('button', { name: 'Remove the alias NYT', exact: true }).click()
    await expect.poll(() => dialog.getByTestId('alias-list').locator('.alias-name').allTextContents()).toEqual(['nytimes.com'])
    expect((await rpc<{ items: unknown[] }>('outlets.aliases')).items).toEqual([{ alias: 'nytimes.com', outlet: 'The New York Times' }])
    await page.keyboard.press('Escape')
    expect(await dialog.count()).toBe(0)
  })

  it('lays every dialog out whole at 1024x700 and 1920x1080, light and dark', async () => {
    const folder = join(tmpDir(), 'Layout Clips')
    mkdirSync(join(folder, 'Quay Times'), { recursive: true })
    writeFileSync(join(folder, 'Quay Times', 'a.txt'), 'A title\n\nSome words of text for the layout check, long enough to be an article.')
    const open: Record<string, () => Promise<void>> = {
      'folder-import-dialog': () => page.getByTestId('folder-input').setInputFiles(folder),
      'bulk-edit-dialog': async () => {
        await page.getByTestId('library-table').focus()
        await page.keyboard.press('Control+a')
        await page.keyboard.press('e')
      },
      'outlets-dialog': async () => {
        await page.getByTestId('open-settings').click()
        await page.getByTestId('open-outlets').click()
      }
    }
    mkdirSync(SHOTS, { recursive: true })
    for (const viewport of [{ width: 1024, height: 700 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport)
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        for (const [id, show] of Object.entries(open)) {
          await show()
          const dialog = page.getByTestId(id)
          await dialog.waitFor()
          const layout = await measureLayout(page)
          expect(layout.clipped, `${id} at ${viewport.width}x${viewport.height} ${scheme}`).toEqual([])
          expect(layout.docWidth).toBeLessThanOrEqual(layout.viewWidth)
          const box = (await dialog.boundingBox())!
          expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
          const colours = await dialog.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color])
          expect(colours[0]).toBe(scheme === 'dark' ? 'rgb(35, 35, 38)' : 'rgb(255, 255, 255)')
          await page.screenshot({ path: join(SHOTS, `${id}-${viewport.width}-${scheme}.png`) })
          await page.keyboard.press('Escape')
          await expect.poll(() => dialog.count()).toBe(0)
        }
      }
    }
  })
})
