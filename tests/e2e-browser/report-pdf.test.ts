/**
 * "Save as PDF" in browser mode: the comparison report opens in a print-ready page and the
 * browser's print dialog is asked for. Two articles carry markup aimed at a "leak" server; the
 * print page must show it as text, load nothing, and (with print media emulated) render the print
 * stylesheet; Chromium's own PDF of it (page.pdf, the engine behind Save as PDF) holds the overview.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfImporter } from '../../src/main/core/importers/pdf'
import type { ParsedArticle } from '../../src/main/core/importers/types'
import { openImported, type OpenApp } from '../helpers/app'
import { ROOT } from '../helpers/paths'
import { payloadArticles, startLeakServer, type LeakServer } from '../helpers/report-payloads'
import { tmpDir } from '../helpers/tmp'

describe('the comparison report saved as PDF in Chromium', () => {
  let app: OpenApp
  let leak: LeakServer

  beforeAll(async () => {
    leak = await startLeakServer()
    const [a, b] = payloadArticles(leak.url)
    const dir = tmpDir()
    writeFileSync(join(dir, 'a.txt'), a)
    writeFileSync(join(dir, 'b.txt'), b)
    app = await openImported([join(dir, 'a.txt'), join(dir, 'b.txt')])
  })
  afterAll(async () => {
    await app?.close()
    await leak?.close()
  })

  it('opens the report in a print-ready page, asks for the print dialog, and prints a PDF holding the overview', async () => {
    const { page } = app
    for (const title of ['Harbour bridge vote', 'Council backs harbour bridge']) {
      await page.locator('.article-row', { hasText: title }).getByRole('checkbox', { name: 'Pick for comparison' }).check()
    }
    await page.getByTestId('compare-button').click()
    await page.getByTestId('column-0').locator('.sentence').first().waitFor()
    // Headless Chromium has no print dialog to show: record that the page asked for one.
    await page.evaluate(() => {
      const open = window.open.bind(window)
      window.open = (...args) => {
        const w = open(...args)
        if (w) w.print = () => ((w as Window & { printed?: boolean }).printed = true)
        return w
      }
    })
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Save as PDF' }).click()])
    const requests: string[] = []
    popup.on('request', (r) => requests.push(r.url()))
    await popup.locator('h1').waitFor()
    expect(await popup.evaluate(() => (window as Window & { printed?: boolean }).printed)).toBe(true)
    expect(await popup.title()).toBe('Coverage comparison')
    await expectInert(popup)

    await popup.emulateMedia({ media: 'print' })
    // The print stylesheet applies: the overview ends its page, the body spans the paper.
    expect(await popup.locator('.overview').evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page')
    expect(await popup.locator('body').evaluate((el) => getComputedStyle(el).maxWidth)).toBe('none')
    await popup.screenshot({ path: join(ROOT, 'test-results', 'report-print.png') })
    const pdf = await popup.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // Read back with pdf.js (the PDF importer): its first line is taken for the title.
    const { title, text } = (await pdfImporter.parse({ name: 'report.pdf', bytes: new Uint8Array(pdf) })) as ParsedArticle
    const flat = `${title} ${text}`.replace(/\s+/g, ' ')
    for (const words of ['Coverage comparison', 'Overview', 'Timeline', 'Only here', 'Facts that disagree', 'Gull Gazette repeats 3 paragraphs (58 words) of Kestrel Courier']) {
      expect(flat).toContain(words)
    }
    // The articles' markup is printed as the text it is.
    expect(flat).toContain('<form action=')
    expect(requests).toEqual([])
    expect(leak.leaked).toEqual([])
  })
})

/** The articles' markup reads as text in the print page and made no element, request or navigation. */
async function expectInert(popup: Page): Promise<void> {
  const found = await popup.evaluate(() => ({
    forms: document.querySelectorAll('form, base, meta[http-equiv="refresh"], script, img, iframe').length,
    links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    text: document.body.textContent ?? '',
    url: location.href
  }))
  expect(found.forms).toBe(0)
  expect(found.links).toEqual([])
  expect(found.text).toContain('<meta http-equiv="refresh"')
  expect(found.url).toBe('about:blank')
}
