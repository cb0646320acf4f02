/**
 * Citations in the real UI: a Zotero BibTeX export imported with its attached file, a metadata-only
 * entry shown as such and given its file in the reader; ticked articles, search results, a
 * collection and a comparison cited in APA, saved as BibTeX.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openImported, type OpenApp } from '../helpers/app'
import { ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

// The first citation or attachment loads Citation.js or a parse worker: on a busy machine, seconds.
const SLOW = { timeout: 30_000 }
const BODY = 'The harbour bridge will close for three weeks of repairs, the council said on Friday, after engineers found corrosion in two of its cables. Ferries will run every twenty minutes.'
const BIB = `@article{doe_harbour_2025,
	title = {Harbour bridge to close for repairs},
	url = {https://example.org/harbour},
	journal = {The Kestrel Courier},
	author = {Doe, Jane and Smith, John},
	date = {2025-03-01},
	file = {Full Text:files/1/harbour.txt:text/plain},
}
@article{lee_ferry_2025,
	title = {Ferry timetable changes after the closure},
	journal = {Quay Times},
	author = {Lee, Ann},
	date = {2025-03-05},
}
`

describe('citations in Chromium', () => {
  let app: OpenApp
  let page: Page
  let dir: string
  const row = (title: string) => page.locator('.article-row', { hasText: title })

  beforeAll(async () => {
    dir = tmpDir()
    mkdirSync(join(dir, 'files', '1'), { recursive: true })
    writeFileSync(join(dir, 'My Library.bib'), BIB)
    writeFileSync(join(dir, 'files', '1', 'harbour.txt'), `Harbour bridge to close\n\n${BODY}\n`)
    writeFileSync(join(dir, 'ferry.txt'), `Ferry timetable\n\nThe ferry company published a new timetable for the weeks of the closure, with boats every twenty minutes at peak hours and late services on Fridays.\n`)
    app = await openImported([join(dir, 'My Library.bib')])
    page = app.page
    await row('Ferry timetable changes').waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows a metadata-only entry as such and gives it its file in the reader', async () => {
    await expect.poll(() => row('Ferry timetable changes').locator('.row-meta-text').textContent()).toContain('metadata only')
    await row('Ferry timetable changes').click()
    const notice = page.getByTestId('metadata-only')
    await notice.waitFor()
    await notice.locator('input[type=file]').setInputFiles(join(dir, 'ferry.txt'))
    await expect.poll(() => page.getByTestId('reader').textContent(), SLOW).toContain('late services on Fridays')
    await expect.poll(() => notice.count()).toBe(0)
    await expect.poll(() => page.getByTestId('reader').locator('h1').textContent()).toBe('Ferry timetable changes after the closure')
  })

  it('cites ticked articles in APA and saves them as BibTeX', async () => {
    for (const t of ['Harbour bridge to close', 'Ferry timetable changes']) await row(t).getByRole('checkbox', { name: 'Pick for comparison' }).check()
    await page.locator('.toolbar').getByTestId('cite-button').click()
    const dialog = page.getByTestId('cite-dialog')
    await expect.poll(() => dialog.getByTestId('cite-text').inputValue(), SLOW).toContain('Doe, J., & Smith, J. (2025, March 1). Harbour bridge to close for repairs. The Kestrel Courier. https://example.org/harbour')
    expect(await dialog.getByTestId('cite-text').inputValue()).toContain('Lee, A. (2025, March 5). Ferry timetable changes after the closure. Quay Times.')
    await page.screenshot({ path: join(ROOT, 'test-results', 'citations.png') })
    await dialog.getByRole('combobox', { name: 'Citation format' }).selectOption('bibtex')
    await expect.poll(() => dialog.getByTestId('cite-text').inputValue(), SLOW).toContain('journal = {The Kestrel Courier}')
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save…' }).click()])
    expect(download.suggestedFilename()).toBe('citations.bib')
    expect(readFileSync(await download.path(), 'utf8')).toMatch(/@article\{[^]*Ferry timetable changes after the closure/)
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  it('cites search results and a comparison', async () => {
    await page.getByTestId('search-box').fill('ferry')
    await page.getByTestId('search-results').locator('.article-row').first().waitFor()
    await page.locator('.search-filters').getByTestId('cite-button').click()
    await expect.poll(() => page.getByTestId('cite-dialog').getByTestId('cite-text').inputValue(), SLOW).toContain('Lee, A. (2025, March 5).')
    await page.getByTestId('cite-dialog').getByRole('button', { name: 'Close' }).click()
    await page.getByTestId('search-box').fill('')
    await page.getByTestId('compare-button').click()
    await page.getByTestId('compare').waitFor()
    await page.getByTestId('compare').getByTestId('cite-button').click()
    await page.getByTestId('cite-dialog').getByRole('combobox', { name: 'Citation format' }).selectOption('chicago')
    await expect.poll(() => page.getByTestId('cite-dialog').getByTestId('cite-text').inputValue(), SLOW).toContain('Doe, Jane, and John Smith. 2025. “Harbour Bridge to Close for Repairs.”')
  })
})
