/**
 * The comparison report opened from a file in Chromium, for two articles that share sentences
 * (and an altered quote) carrying markup: a meta refresh, a <base>, a form and a full-page link,
 * all aimed at a "leak" server on 127.0.0.1. The report is made by the real `parallax compare
 * --format html`, so the payloads sit in the unchanged parts of word diffs and in the quote table.
 * Nothing may navigate, submit or reach the leak server, and the payloads must read as text.
 * The Markdown report, the notes export and the collection export escape the same text.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { CLI } from '../helpers/paths'
import { payloadArticles as articles, startLeakServer, type LeakServer } from '../helpers/report-payloads'
import { tmpDir } from '../helpers/tmp'

function parallax(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PARALLAX_LIBRARY: '' } })
  if (r.status !== 0) throw new Error(`parallax ${args[0]} failed: ${r.stderr}`)
  return r.stdout
}

describe('the HTML comparison report with markup in the articles', () => {
  let browser: Browser
  let leakServer: LeakServer
  let leaked: string[] = []
  let leak = ''
  let lib = ''
  let ids: string[] = []

  beforeAll(async () => {
    leakServer = await startLeakServer()
    ;({ url: leak, leaked } = leakServer)
    // Shared by the tests below, so not a per-test tmpDir.
    lib = mkdtempSync(join(tmpdir(), 'parallax-report-'))
    const src = join(lib, 'sources')
    mkdirSync(src)
    const [a, b] = articles(leak)
    writeFileSync(join(src, 'a.txt'), a)
    writeFileSync(join(src, 'b.txt'), b)
    ids = parallax('import', join(src, 'a.txt'), join(src, 'b.txt'), '--library', join(lib, 'library'), '--json')
      .trim()
      .split('\n')
      .map((l) => String(JSON.parse(l).articleId))
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await leakServer?.close()
    if (lib) rmSync(lib, { recursive: true, force: true })
  })

  it('puts the payloads in unchanged diff parts and an altered quote (the cases under test)', () => {
    const c = JSON.parse(parallax('compare', ...ids, '--library', join(lib, 'library'), '--json')) as {
      pairs: { alignment: string; diff: { op: string; text: string }[] }[]
      quotes: { carriers: { verbatim: boolean; diff: { op: string; text: string }[] }[] }[]
    }
    const kept = c.pairs.flatMap((p) => p.diff.filter((d) => d.op === '=').map((d) => d.text)).join(' ')
    expect(kept).toContain('<meta http-equiv="refresh"')
    expect(kept).toContain('<base href=')
    const altered = c.quotes.flatMap((q) => q.carriers.filter((k) => !k.verbatim).flatMap((k) => k.diff.filter((d) => d.op === '=').map((d) => d.text)))
    expect(altered.join(' ')).toContain("<form action='")
  })

  it('opened from a file: no navigation, no request, no injected element; the payloads read as text', async () => {
    const dir = tmpDir()
    const file = join(dir, 'report.html')
    writeFileSync(file, parallax('compare', ...ids, '--library', join(lib, 'library'), '--format', 'html'))
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    const navigations: string[] = []
    page.on('framenavigated', (f) => navigations.push(f.url()))
    const url = pathToFileURL(file).href
    await page.goto(url)
    // A meta refresh with delay 0 fires as soon as the page has loaded; give it every chance.
    await page.waitForTimeout(1500)
    await page.mouse.click(500, 400)
    await page.waitForTimeout(500)

    expect(page.url()).toBe(url)
    expect(navigations).toEqual([url])
    expect(leaked).toEqual([])
    expect(await page.locator('base, form, button, a, meta[http-equiv="refresh" i], script').count()).toBe(0)
    const text = (await page.locator('body').textContent()) ?? ''
    expect(text).toContain(`<meta http-equiv="refresh" content="0;url=${leak}/leak">`)
    expect(text).toContain(`<form action='${leak}/leak'><button>Continue</button></form>`)
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; navigate-to 'none'"
    )
    await page.close()
  })

  it('escapes <, > and & from the articles in the Markdown report', () => {
    const md = parallax('compare', ...ids, '--library', join(lib, 'library'), '--format', 'markdown')
    expect(md).toContain('&lt;meta http-equiv="refresh"')
    expect(md).toContain('&lt;base href=')
    expect(md).not.toMatch(/<(meta|base|form|a|button)\b/i)
  })
})
