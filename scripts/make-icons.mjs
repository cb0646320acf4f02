// Renders resources/icon.svg (the one source image) to resources/icon.png (1024 px), which
// electron-builder turns into each platform's icon set. Uses Debian's Chromium via playwright-core.
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const svg = readFileSync(new URL('../resources/icon.svg', import.meta.url), 'utf8')
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } })
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`)
await page.screenshot({ path: new URL('../resources/icon.png', import.meta.url).pathname, omitBackground: true })
await browser.close()
console.log('resources/icon.png written')
