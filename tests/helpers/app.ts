/** The app in Chromium against `parallax serve` on a library: one set-up for the end-to-end suites. */
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { launchChromium } from './browser'
import { serve, type Served } from './serve'

export interface OpenApp {
  browser: Browser
  server: Served
  page: Page
  close(): Promise<void>
}

export async function openApp(library: string, viewport = { width: 1400, height: 900 }): Promise<OpenApp> {
  const browser = await launchChromium()
  const server = await serve(library)
  // A fixed locale, so dates read the same on every machine.
  const page = await browser.newPage({ viewport, locale: 'en-GB', acceptDownloads: true })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(server.appUrl)
  return {
    browser,
    server,
    page,
    close: async () => {
      await page.close()
      await server.stop()
      await browser.close()
      expect(errors).toEqual([])
    }
  }
}
