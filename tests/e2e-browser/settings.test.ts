/**
 * Settings and folder import in the real UI: the theme preference (kept in the library, so it
 * survives a reload and a new port), the library's location, and a folder chosen through the
 * folder picker imported recursively (its folders' names are not taken for outlets).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { tmpDir } from '../helpers/tmp'

describe('settings and folder import in Chromium', () => {
  let app: OpenApp
  let library: string

  beforeAll(async () => {
    library = tmpDir()
    app = await openApp(library)
    await app.page.getByTestId('library-empty').waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('switches the theme, keeps it in the library, and shows where the library is', async () => {
    const { page } = app
    const theme = (): Promise<string | null> => page.evaluate(() => document.documentElement.dataset.theme ?? null)
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(theme).toBe('light')
    const light = await background()

    await page.getByTestId('open-settings').click()
    const settings = page.getByTestId('settings')
    await expect.poll(() => settings.getByTestId('library-path').textContent()).toBe(library)
    await settings.getByRole('radio', { name: 'Dark' }).click()
    await expect.poll(theme).toBe('dark')
    expect(await background()).not.toBe(light)

    // Kept in the library: after a reload (and in any window on it) the choice stands.
    await page.reload()
    await expect.poll(theme).toBe('dark')
    // "Follow the system" follows it, live.
    await page.getByTestId('open-settings').click()
    await page.getByTestId('settings').getByRole('radio', { name: 'Follow the system' }).click()
    await expect.poll(theme).toBe('light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(theme).toBe('dark')
    await page.getByTestId('settings').getByRole('button', { name: 'Close' }).click()
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('imports a chosen folder recursively, not taking folder names for outlets', async () => {
    const { page } = app
    const root = join(tmpDir(), 'clippings')
    mkdirSync(join(root, 'Quay Times', '2024'), { recursive: true })
    mkdirSync(join(root, 'Harbour Post'), { recursive: true })
    writeFileSync(join(root, 'Quay Times', '2024', 'ferry.txt'), 'Ferry timetable changes\n\nThe ferry to the islands will run every forty minutes from June, the operator said.')
    writeFileSync(join(root, 'Harbour Post', 'market.md'), '# Market hall reopens\n\nThe covered market reopened on Saturday after a new roof was fitted.')
    writeFileSync(join(root, 'Harbour Post', 'notes.xyz'), 'not an article')

    await page.getByTestId('folder-input').setInputFiles(root)
    // The folder dialog asks where outlets come from; left to the files, none is taken from a folder.
    const dialog = page.getByTestId('folder-import-dialog')
    expect(await dialog.getByRole('radio', { name: 'Leave it to the files' }).isChecked()).toBe(true)
    await dialog.getByTestId('folder-import-start').click()
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('2 articles imported, 1 skipped')
    await expect.poll(() => page.locator('.article-row').count()).toBe(2)
    // A folder's name is not an outlet unless the user says so (bbc/tech is a topic): none is set.
    const res = await fetch(new URL('/rpc/library.facets', app.server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.server.token}` },
      body: '{}'
    })
    const facets = (await res.json()) as { ok: boolean; result: { outlets: { name: string }[]; languages: { name: string }[] } }
    expect(facets.result.languages.length).toBeGreaterThan(0)
    expect(facets.result.outlets).toEqual([])
  })
})
