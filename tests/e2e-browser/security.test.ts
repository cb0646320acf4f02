/**
 * Hostile content in the real UI: an HTML page full of payloads (scripts, event handlers,
 * javascript: links, SVG with script, iframes, meta refresh, CSS url() to a remote host…) and a
 * note written to attack the Markdown renderer are imported and shown in Chromium. None of the
 * payloads runs and no request leaves the machine (every request is watched, and any to a host
 * other than the app's own is recorded and refused).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type OpenApp } from '../helpers/app'
import { FIXTURES } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const HOSTILE = join(FIXTURES, 'pages/hostile-payloads.html')

describe('hostile content in Chromium', () => {
  let app: OpenApp
  /** A contract call from outside the page, with the session token (as another window would). */
  const rpc = async <T,>(method: string, args: object): Promise<T> => {
    const res = await fetch(new URL(`/rpc/${method}`, app.server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.server.token}` },
      body: JSON.stringify(args)
    })
    const envelope = (await res.json()) as { ok: boolean; result: T; error?: { message: string } }
    if (!envelope.ok) throw new Error(envelope.error!.message)
    return envelope.result
  }
  const articleIds = async (): Promise<number[]> => (await rpc<{ items: { id: number }[] }>('articles.list', {})).items.map((a) => a.id)
  const offMachine: string[] = []
  const dialogs: string[] = []

  beforeAll(async () => {
    app = await openApp(tmpDir())
    const own = new URL(app.server.url).host
    await app.page.context().route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host === own) return route.continue()
      if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue()
      offMachine.push(route.request().url())
      return route.abort('blockedbyclient')
    })
    app.page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('imports a page full of payloads and shows it without running any or loading anything remote', async () => {
    const { page } = app
    await page.getByTestId('file-input').setInputFiles(HOSTILE)
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('1 article imported')
    await page.locator('.article-row', { hasText: 'Port workers strike over night shifts' }).click()
    const reader = page.getByTestId('reader')
    await expect.poll(() => reader.locator('h1').textContent()).toBe('Port workers strike over night shifts')

    // The article's text is all there, as text.
    const body = reader.locator('.reader-body')
    const text = await body.textContent()
    expect(text).toContain('Dock workers at the eastern terminal walked out on Tuesday over a plan to add two night shifts')
    expect(text).toContain('Talks between the union and the port authority are due to resume on Friday.')
    expect(text).toContain("<script>window.__pwned = 'escaped text'</script> appeared in a union leaflet")
    // Nothing active or remote made it into the page.
    expect(await body.locator('script, iframe, img, svg, object, embed, video, form, input, style, link, a[href^="javascript"]').count()).toBe(0)
    expect(await page.locator('[onload], [onerror], [onclick], [onfocus]').count()).toBe(0)
    // The outlet (from og:site_name) is text, and a javascript: canonical URL gives no link.
    expect(await reader.locator('.reader-byline').textContent()).toContain('Harbour <script>alert(1)</script> Post')
    expect(await reader.locator('.reader-facts').textContent()).not.toContain('Original')

    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(offMachine).toEqual([])
  })

  it('renders a note written to attack the Markdown renderer as harmless formatting', async () => {
    const { page } = app
    const [id] = await articleIds()
    const body = [
      '**Bold** and a [safe link](https://news.example/ok).',
      '<img src="http://evil.example/note.png" onerror="window.__pwned=\'note img\'">',
      "[click me](javascript:window.__pwned='note link') <script>window.__pwned='note script'</script>",
      '![remote image](http://evil.example/note-image.png)',
      '<svg onload="window.__pwned=\'note svg\'"></svg> <iframe src="http://evil.example/x"></iframe>'
    ].join('\n\n')
    await rpc('notes.create', { articleId: id, start: 0, end: 11, color: 'yellow', body })

    const note = page.getByTestId('notes-panel').locator('.note-body')
    await expect.poll(() => note.count()).toBe(1)
    expect(await note.locator('strong').textContent()).toBe('Bold')
    const links = await note.locator('a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })))
    // Links open outside the app; the javascript: one is no link at all (addresses typed inside
    // the HTML are linkified as text the user wrote, and open outside the app like any other).
    expect(links[0]).toEqual({ href: 'https://news.example/ok', target: '_blank', rel: 'noopener noreferrer' })
    expect(links.every((l) => /^https?:/.test(l.href ?? '') && l.target === '_blank' && l.rel === 'noopener noreferrer')).toBe(true)
    expect(await note.locator('img, script, svg, iframe, [onerror], [onload]').count()).toBe(0)
    // Typed HTML is shown as the text it is.
    expect(await note.textContent()).toContain('<img src="http://evil.example/note.png"')

    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
    expect(offMachine).toEqual([])
  })

  it('exports a comparison report whose HTML carries the payload text escaped, under a no-script policy', async () => {
    const wire = readFileSync(join(FIXTURES, 'pages/wire-story.html')).toString('base64')
    await rpc('import.files', { jobId: 'wire', files: [{ name: 'wire-story.html', data: wire }] })
    const result = await rpc<{ content: string }>('compare.report', { ids: await articleIds(), format: 'html' })
    expect(result.content).toContain("default-src 'none'")
    expect(result.content).not.toMatch(/<script|<img|<iframe|onerror=|javascript:/i)
    expect(result.content).toContain('&lt;script&gt;')

    // Opened in Chromium, the report runs nothing and loads nothing.
    const report = await app.browser.newPage()
    await report.route('**/*', (route) => {
      offMachine.push(route.request().url())
      return route.abort('blockedbyclient')
    })
    await report.setContent(result.content)
    await report.waitForTimeout(200)
    expect(await report.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
    await report.close()
    expect(offMachine).toEqual([])
  })
})
