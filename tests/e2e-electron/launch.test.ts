/**
 * The desktop app itself, launched with Playwright's Electron driver: import the sample through
 * the picker, see it listed, open it. Runs wherever an Electron binary is installed; where none
 * can be had (no access to Electron's downloads), it says so plainly and is reported as not run.
 */
import { _electron as electron } from 'playwright-core'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { ROOT, SAMPLE_TITLE, requireSample } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const require = createRequire(import.meta.url)
const { electronBinary, electronVersion } = require('../../scripts/electron-env.js') as {
  electronBinary(): string | null
  electronVersion(): string | null
}
const { buildElectronNative } = require('../../scripts/electron-native.js') as { buildElectronNative(): Promise<string> }

describe('Electron desktop app', () => {
  it('launches, imports the sample and opens it in the reader', async (ctx) => {
    const bin = electronBinary()
    if (!bin) {
      const why = `Electron launch test DID NOT RUN: no Electron ${electronVersion() ?? ''} binary on this machine (node_modules/electron/dist is missing; it is downloaded from GitHub, which this machine cannot reach).`
      console.warn(why)
      ctx.skip(why)
      return
    }
    const binding = await buildElectronNative()
    const app = await electron.launch({
      executablePath: bin,
      args: [ROOT],
      env: { ...process.env, PARALLAX_LIBRARY: tmpDir(), PARALLAX_SQLITE_BINDING: binding }
    })
    try {
      const win = await app.firstWindow()
      // The renderer has the bridge and nothing of Node.
      expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      expect(await win.evaluate(() => typeof (window as unknown as { parallax?: unknown }).parallax)).toBe('object')
      await win.getByTestId('file-input').setInputFiles(requireSample())
      await win.locator('.article-row', { hasText: SAMPLE_TITLE }).click()
      await expect.poll(() => win.getByTestId('reader').locator('h1').textContent()).toBe(SAMPLE_TITLE)
      expect(await win.locator('.reader-body p').count()).toBe(19)
    } finally {
      await app.close()
    }
  })
})
