/**
 * The first hour of a new user, in Chromium, through the UI only: a mixed folder imported with the
 * folder dialog (sidecar JSON, a README, undated articles, dotted outlets, two languages,
 * near-duplicates, an exact copy), then Stories and one story compared, a search, a note and a
 * tag. Throughout: no console error, no failed request, no error response; the summary's counts
 * are the library's, and nothing reported failed.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { writeFirstHourFolder, type FirstHourFolder } from '../helpers/first-hour-folder'
import { watchProblems } from '../helpers/problems'
import { serve, type Served } from '../helpers/serve'
import { tmpDir } from '../helpers/tmp'

/** The summary line's count for a status ("234 articles imported, 1 duplicate, 40 metadata files, 2 skipped"). */
function countIn(line: string, pattern: RegExp): number {
  const m = pattern.exec(line)
  return m ? Number(m[1]!.replace(/,/g, '')) : 0
}

describe('the first hour, through the UI', () => {
  let browser: Browser
  let server: Served
  let page: Page
  let problems: string[]
  let folder: FirstHourFolder

  /** The contract over HTTP, as the page calls it (for what the UI does not show). */
  const rpc = async <T,>(method: string, args: unknown = {}): Promise<T> => {
    const res = await fetch(new URL(`/rpc/${method}`, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` }, body: JSON.stringify(args) })
    const body = (await res.json()) as { ok: boolean; result: T; error?: unknown }
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
    return body.result
  }

  beforeAll(async () => {
    folder = writeFirstHourFolder(tmpDir())
    browser = await launchChromium()
    server = await serve(tmpDir())
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' })
    problems = watchProblems(page)
    await page.goto(server.appUrl)
    await page.getByTestId('library-empty').waitFor()
  })
  afterAll(async () => {
    await page?.close()
    await server?.stop()
    await browser?.close()
  })

  it('imports the folder with outlets from sub-folder names, and the summary counts what the library holds', async () => {
    await page.getByTestId('folder-input').setInputFiles(folder.root)
    const dialog = page.getByTestId('folder-import-dialog')
    await dialog.waitFor()
    expect(await dialog.getByTestId('subfolder-outlets').textContent()).toContain('Harbour Post')
    await dialog.getByRole('radio', { name: 'From sub-folder names' }).check()
    await dialog.getByTestId('folder-import-start').click()

    const summary = page.getByTestId('import-summary')
    await summary.waitFor({ timeout: 60_000 })
    const line = (await summary.textContent())!
    const { expected } = folder
    expect(countIn(line, /([\d,]+) articles? imported/)).toBe(expected.articles)
    expect(countIn(line, /([\d,]+) duplicate/)).toBe(expected.duplicates)
    expect(countIn(line, /([\d,]+) metadata files?/)).toBe(expected.metadata)
    expect(countIn(line, /([\d,]+) skipped/)).toBe(expected.skipped)
    expect(line).not.toMatch(/failed/)
    expect(await page.getByTestId('import-group-failed').count()).toBe(0)

    // The library holds exactly what the summary says, and nothing it called failed.
    const listed = await rpc<{ total: number; items: { id: number; outlet: string | null; publishedAt: string | null; title: string }[] }>('articles.list', {})
    expect(listed.total).toBe(expected.articles)
    const facets = await rpc<{ outlets: { name: string }[]; languages: { name: string }[] }>('library.facets')
    expect(facets.outlets.map((o) => o.name).sort()).toEqual([...expected.outlets].sort())
    expect(facets.languages.map((l) => l.name).sort()).toEqual(expected.languages)
    const undated = listed.items.filter((a) => a.publishedAt === null).map((a) => a.title)
    expect(undated.sort()).toEqual([...expected.undatedTitles].sort())
  })

  it('opens Stories, compares the story every outlet covered, and keeps undated letters out of dated stories', async () => {
    await page.locator('.sidebar nav').first().getByText('Stories', { exact: true }).click()
    // The list is long and virtualized: find the story by its place, as a user would.
    await page.getByRole('searchbox', { name: 'Search stories' }).fill(folder.expected.story.place)
    const story = page.getByTestId('stories').locator('.story', { hasText: folder.expected.story.titles[0]! }).first()
    await story.waitFor()
    await story.getByRole('button', { name: /^Compare/ }).click()
    await page.getByTestId('column-1').locator('.sentence').first().waitFor()
    const columns = await page.locator('[data-testid^=column-]').count()
    expect(columns).toBeGreaterThanOrEqual(5)
    await page.getByRole('button', { name: 'Close comparison' }).click()

    const stories = await rpc<{ items: { from: string | null; articles: { title: string; publishedAt: string | null }[] }[] }>('stories.list')
    for (const s of stories.items.filter((x) => x.from !== null)) expect(s.articles.filter((a) => a.publishedAt === null)).toEqual([])
  })

  it('finds the story by a name in it, then adds a note and a tag to an article', async () => {
    const { person } = folder.expected.story
    await page.locator('.sidebar nav').first().getByText('Library', { exact: true }).click()
    await page.getByTestId('search-box').fill(`"${person}"`)
    const hits = page.locator('.article-row.hit')
    await expect.poll(() => hits.count()).toBeGreaterThanOrEqual(5)
    const titles = await hits.locator('.row-title').allTextContents()
    for (const t of titles) expect(t).toMatch(new RegExp(`${person}|${folder.expected.story.place}`))
    await hits.first().click()
    const reader = page.getByTestId('reader')
    await reader.locator('.reader-body p').first().waitFor()

    await page.evaluate(() => {
      const p = document.querySelector('.reader-body p')!
      const range = document.createRange()
      range.selectNodeContents(p)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    })
    await page.getByTestId('selection-toolbar').waitFor()
    await page.keyboard.press('n')
    const note = page.getByTestId('note')
    await note.getByRole('textbox', { name: 'Note' }).fill('Check the number against the council minutes.')
    await note.getByRole('button', { name: 'Save note' }).click()
    await expect.poll(() => note.locator('.note-body').textContent()).toContain('council minutes')

    const tags = page.getByTestId('tag-editor')
    await tags.getByRole('textbox', { name: 'Add a tag' }).fill('first hour')
    await tags.getByRole('textbox', { name: 'Add a tag' }).press('Enter')
    await expect.poll(() => tags.locator('.chip').allTextContents()).toEqual(['first hour×'])

    const notes = await rpc<{ items: { articleId: number; body: string }[] }>('notes.list')
    expect(notes.items.map((n) => n.body)).toEqual(['Check the number against the council minutes.'])
    const article = await rpc<{ tags: string[] }>('articles.get', { id: notes.items[0]!.articleId })
    expect(article.tags).toEqual(['first hour'])
  })

  it('saw no console error, no failed request and no error response', () => {
    expect(problems).toEqual([])
  })
})
