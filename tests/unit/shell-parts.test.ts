/** The desktop shell's plain-Node parts: settings file, window placement, import progress, the app:// scheme. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventPayload } from '../../src/shared/contract'
import { ImportTracker, NOTIFY_AFTER_MS } from '../../src/main/shell/import-progress'
import { isAppUrl, resolveAppPath, serveAppRequest } from '../../src/main/shell/app-scheme'
import { SettingsFile } from '../../src/main/shell/settings'
import { DEFAULT_SIZE, restoreBounds } from '../../src/main/shell/window-state'
import { defaultLibraryDir } from '../../src/main/core/platform/paths'
import { tmpDir } from '../helpers/tmp'

describe('shell settings', () => {
  it('keeps the library folder and window bounds, and survives a damaged file', () => {
    const dir = tmpDir()
    const s = new SettingsFile(dir)
    expect(s.get()).toEqual({})
    s.update({ libraryDir: '/data/research', window: { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true } })
    expect(new SettingsFile(dir).get()).toEqual({ libraryDir: '/data/research', window: { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true } })
    writeFileSync(s.file, '{"libraryDir": 42, "window": "tall"')
    expect(new SettingsFile(dir).get()).toEqual({})
  })

  it('the CLI follows the library folder chosen in the desktop app', () => {
    const config = tmpDir()
    const data = join(config, 'Parallax')
    new SettingsFile(data).update({ libraryDir: '/srv/newsroom-library' })
    expect(JSON.parse(readFileSync(join(data, 'settings.json'), 'utf8')).libraryDir).toBe('/srv/newsroom-library')
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: config }, 'linux')).toBe('/srv/newsroom-library')
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: config, PARALLAX_LIBRARY: '/tmp/x' }, 'linux')).toBe('/tmp/x')
  })
})

describe('window placement', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }]
  it('reopens where it was, within the screen', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1000, height: 700 }, screens)).toEqual({ x: 100, y: 80, width: 1000, height: 700 })
    expect(restoreBounds({ x: 0, y: 0, width: 4000, height: 3000 }, screens)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 })
  })
  it('keeps only the size when the screen it was on is gone, and the default size the first time', () => {
    expect(restoreBounds({ x: 2500, y: 100, width: 1000, height: 700 }, screens)).toEqual({ width: 1000, height: 700 })
    expect(restoreBounds(undefined, screens)).toEqual(DEFAULT_SIZE)
  })
})

describe('import progress on the taskbar', () => {
  const event = (over: Partial<EventPayload<'import.progress'>>): EventPayload<'import.progress'> => ({ jobId: 'j-0', done: 0, total: 2, current: 'a.txt', last: null, ...over })
  const result = (status: 'imported' | 'failed' | 'duplicate') => ({ name: 'x', status, articleId: null, title: null, reason: null, nearDuplicates: [] })

  it('shows overall progress across calls, clears it, and notifies after a long import', () => {
    const bar: number[] = []
    const notes: string[] = []
    let now = 0
    const t = new ImportTracker({ setProgress: (f) => bar.push(f), notify: (title, body) => notes.push(`${title}: ${body}`) }, () => now)
    const overall = (before: number) => ({ id: 'job', before, total: 4 })
    t.onProgress(event({ jobId: 'j-0', overall: overall(0), done: 0 }))
    t.onProgress(event({ jobId: 'j-0', overall: overall(0), done: 1, last: result('imported') }))
    t.onProgress(event({ jobId: 'j-0', overall: overall(0), done: 2, current: null, last: result('failed') }))
    now = NOTIFY_AFTER_MS + 1
    t.onProgress(event({ jobId: 'j-1', overall: overall(2), done: 1, current: 'c.txt', last: result('imported') }))
    t.onProgress(event({ jobId: 'j-1', overall: overall(2), done: 2, current: null, last: result('duplicate') }))
    expect(bar).toEqual([0, 0.25, 0.5, 0.75, 1, -1])
    expect(notes).toEqual(['Import finished: 2 imported, 1 already in the library, 1 failed'])
  })

  it('does not notify for a quick import', () => {
    const notes: string[] = []
    const t = new ImportTracker({ setProgress: () => undefined, notify: (a) => notes.push(a) }, () => 0)
    t.onProgress(event({ total: 1, done: 1, current: null, last: result('imported') }))
    expect(notes).toEqual([])
  })
})

describe('the app:// scheme that serves the renderer', () => {
  it('maps app://parallax/ URLs to files under the renderer folder and nothing else', async () => {
    const base = tmpDir()
    const root = join(base, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parallax</title>')
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}')
    writeFileSync(join(base, 'secret.txt'), 'the main process code')
    mkdirSync(join(base, 'renderer-evil'))
    writeFileSync(join(base, 'renderer-evil', 'x.js'), 'sibling folder with a shared prefix')

    expect(resolveAppPath(root, 'app://parallax/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://parallax/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://parallax/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'))
    expect(resolveAppPath(root, 'app://parallax/assets/%61pp.js')).toBe(join(root, 'assets', 'app.js'))
    for (const url of [
      'app://parallax/..%2fsecret.txt',
      'app://parallax/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      'app://parallax/..%5csecret.txt',
      'app://parallax/%2e%2e%2frenderer-evil/x.js',
      'app://parallax/index.html%00.png',
      'app://parallax/%E0%A4%A',
      'app://parallax/%',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://parallax/index.html',
      'not a url'
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull()
    }
    // Dot segments the URL parser resolves itself, and absolute-looking paths, stay under the root.
    expect(resolveAppPath(root, 'app://parallax/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'))
    expect(resolveAppPath(root, 'app://parallax/../../secret.txt')).toBe(join(root, 'secret.txt'))
    expect(resolveAppPath(root, 'app://parallax//etc/passwd')).toBe(join(root, 'etc', 'passwd'))
    expect(resolveAppPath(root, 'app://parallax/%2F%2Fetc/passwd')).toBe(join(root, 'etc', 'passwd'))

    const page = await serveAppRequest(root, new Request('app://parallax/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toBe('<!doctype html><title>Parallax</title>')
    for (const url of ['app://parallax/%2e%2e/secret.txt', 'app://parallax/..%2fsecret.txt', 'app://parallax/%2e%2e%2frenderer-evil/x.js']) {
      const escape = await serveAppRequest(root, new Request(url))
      expect([escape.status, await escape.text()], url).toEqual([404, 'Not found'])
    }
    expect((await serveAppRequest(root, new Request('app://parallax/assets'))).status).toBe(404)
    expect((await serveAppRequest(root, new Request('app://parallax/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    expect(isAppUrl('app://parallax/index.html')).toBe(true)
    expect(isAppUrl('app://parallax.evil/index.html')).toBe(false)
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false)
  })
})
