/** Layout checks on a page in Chromium: no sideways scroll, no control cut off; and a contact sheet of screenshots. */
import { writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'

export interface LayoutReport {
  docWidth: number
  viewWidth: number
  /** Visible controls whose box reaches outside the window: a description of each. */
  clipped: string[]
}

/** Measures the document and every visible control (buttons, fields, selects, links, tabs) against the window. */
export async function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('button, input:not([type=file]), select, textarea, a, [role=tab], [role=option]')
    const clipped: string[] = []
    for (const el of controls) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || !el.checkVisibility({ visibilityProperty: true })) continue
      // Below the fold inside a scrolled pane is fine; sideways out of the window is not.
      const inView = r.bottom > 0 && r.top < window.innerHeight
      if (inView && (r.left < -0.5 || r.right > window.innerWidth + 0.5 || r.top < -0.5)) {
        clipped.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" at ${Math.round(r.left)}..${Math.round(r.right)} x ${Math.round(r.top)}`)
      }
    }
    return { docWidth: document.documentElement.scrollWidth, viewWidth: window.innerWidth, clipped }
  })
}

/** One image of many screenshots, labelled, for looking at every view at once. */
export async function contactSheet(browser: Browser, shots: string[], out: string): Promise<void> {
  const cells = shots.map((s) => `<figure><img src="${pathToFileURL(s).href}"><figcaption>${basename(s, '.png')}</figcaption></figure>`).join('')
  const html = join(out, 'contact-sheet.html')
  writeFileSync(
    html,
    `<!doctype html><style>body{margin:0;padding:12px;background:#444;font:14px system-ui;color:#fff;display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
    figure{margin:0}img{width:100%;display:block;border:1px solid #222}figcaption{padding:4px 0}</style>${cells}`
  )
  const page = await browser.newPage({ viewport: { width: 2400, height: 800 } })
  await page.goto(pathToFileURL(html).href)
  await page.waitForFunction(() => [...document.images].every((i) => i.complete))
  await page.screenshot({ path: join(out, 'contact-sheet.png'), fullPage: true })
  await page.close()
}
