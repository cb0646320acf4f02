/**
 * The real app in Debian's Chromium against the real browser mode: `parallax serve` as a child
 * process, a real SQLite library in a temporary folder, the built React renderer.
 */
import Database from 'better-sqlite3'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { FIXTURES, ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { serve, type Served } from '../helpers/serve'
import { tmpDir } from '../helpers/tmp'

const SHOTS = join(ROOT, 'test-results')

describe('browser mode in Chromium', () => {
  let browser: Browser
  let server: Served
  let page: Page
  let library: string
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    library = tmpDir()
    server = await serve(library)
    // A fixed locale, so dates read the same on every machine.
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    await page.goto(server.appUrl)
  })
  afterEach(async () => {
    await page?.close()
    await server?.stop()
    expect(pageErrors.splice(0)).toEqual([])
  })

  it('imports the sample through the file picker, lists it, stores it in SQLite and opens it in the reader', async () => {
    await expect.poll(() => page.getByTestId('library-empty').isVisible()).toBe(true)
    // The token left the address bar once the app had it.
    expect(page.url()).not.toContain('token')

    // The file goes as raw bytes in one binary body, not base64 inside JSON.
    const upload = page.waitForRequest((r) => r.url().endsWith('/rpc/import.files'))
    await page.getByTestId('file-input').setInputFiles(requireSample())
    const sent = await upload
    expect(sent.headers()['content-type']).toBe('application/vnd.parallax.upload')
    const row = page.locator('.article-row', { hasText: SAMPLE_TITLE })
    await row.waitFor()
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('1 article imported')
    expect(await page.getByTestId('library-count').textContent()).toBe('1')
    expect(await row.locator('.row-meta').textContent()).toMatch(/1 Mar 2025 · 503 words/)

    const db = new Database(join(library, 'library.sqlite'), { readonly: true })
    const stored = db.prepare('SELECT title, published_at, author, source_name FROM articles').all()
    db.close()
    expect(stored).toEqual([{ title: SAMPLE_TITLE, published_at: '2025-03-01', author: null, source_name: 'eu-diplomat-putin-peace.txt' }])

    await row.click()
    const reader = page.getByTestId('reader')
    await expect.poll(() => reader.locator('h1').textContent()).toBe(SAMPLE_TITLE)
    const paragraphs = await reader.locator('.reader-body p').allTextContents()
    expect(paragraphs).toHaveLength(19)
    expect(paragraphs[0]).toMatch(/^Amid growing unease among European leaders/)
    expect(await reader.locator('.reader-facts').textContent()).toContain('eu-diplomat-putin-peace.txt')
    await page.screenshot({ path: join(SHOTS, 'reader.png') })

    // A reload keeps the session (token in sessionStorage) and the library (SQLite).
    await page.reload()
    await page.locator('.article-row', { hasText: SAMPLE_TITLE }).waitFor()
  })

  it('imports files dropped on the window and explains the one that failed', async () => {
    await page.getByTestId('library-empty').waitFor()
    const files = [
      { name: 'harbour-bridge.txt', text: readFileSync(join(FIXTURES, 'articles/harbour-bridge.txt'), 'utf8') },
      { name: 'council-vote.md', text: readFileSync(join(FIXTURES, 'articles/council-vote.md'), 'utf8') },
      { name: 'photo.txt', text: '\u0089PNG\r\n\u001a\n\u0000\u0000binary' }
    ]
    const dataTransfer = await page.evaluateHandle((fs) => {
      const dt = new DataTransfer()
      for (const f of fs) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }))
      return dt
    }, files)
    await page.dispatchEvent('.dropzone', 'dragenter', { dataTransfer })
    await page.getByTestId('drop-overlay').waitFor()
    await page.dispatchEvent('.dropzone', 'drop', { dataTransfer })

    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('2 articles imported, 1 failed')
    const problem = page.locator('.problem-failed')
    expect(await problem.locator('.problem-name').textContent()).toBe('photo.txt')
    expect(await problem.locator('.problem-reason').textContent()).toMatch(/failed: binary file/)
    await expect.poll(() => page.locator('.article-row').count()).toBe(2)
    await page.locator('.article-row', { hasText: 'Council votes to keep night buses' }).click()
    await expect.poll(() => page.getByTestId('reader').locator('.reader-byline').textContent()).toBe('Kestrel Gazette · Tomás Reyes · 5 Nov 2024')
    await page.screenshot({ path: join(SHOTS, 'drop-import.png') })
  })

  it('catches up on changes made before its event stream connected', async () => {
    // A second window whose event stream is held back while another client imports an article.
    const late = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    late.on('pageerror', (e) => pageErrors.push(e.message))
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await late.route('**/events?**', async (route) => {
      await held
      await route.continue()
    })
    await late.goto(server.appUrl)
    await late.getByTestId('library-empty').waitFor()

    const res = await fetch(new URL('/rpc/import.files', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ jobId: 'elsewhere', files: [{ name: 'harbour-bridge.txt', data: readFileSync(join(FIXTURES, 'articles/harbour-bridge.txt')).toString('base64') }] })
    })
    const answer = (await res.json()) as { ok: boolean; error?: unknown }
    expect(answer.error).toBeUndefined()
    // The change event went out while this window was not listening; the list is still empty.
    expect(await late.getByTestId('library-empty').isVisible()).toBe(true)

    release()
    await expect.poll(() => late.locator('.article-row').count()).toBe(1)
    await late.close()
  })

  it('shows a clear error, not a crash, when the session token is wrong', async () => {
    const bad = await browser.newPage()
    await bad.goto(`${server.url}#token=wrong`)
    await expect.poll(() => bad.locator('.library.empty').textContent()).toMatch(/Could not load the library: Missing or wrong session token/)
    await bad.close()
  })
})
