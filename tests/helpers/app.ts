/** The app in Chromium against `parallax serve` on a library: one set-up for the end-to-end suites. */
import { spawnSync } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { launchChromium } from './browser'
import { CLI } from './paths'
import { serve, type Served } from './serve'
import { tmpDir } from './tmp'

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

/** A new library with these files imported by the CLI, opened in Chromium. */
export async function openImported(files: string[], viewport?: { width: number; height: number }): Promise<OpenApp> {
  const lib = tmpDir()
  const imported = spawnSync(process.execPath, [CLI, 'import', ...files, '--library', lib])
  expect(imported.status, String(imported.stderr)).toBe(0)
  return openApp(lib, viewport)
}
