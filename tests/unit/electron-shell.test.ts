/**
 * The app's real main bundle (out/main/index.js, as electron-builder packages it) started in
 * plain Node against a stand-in for Electron's API (tests/helpers/electron-standin.cjs): the
 * window's security settings, the IPC sender and argument checks, navigation and link rules,
 * the menu, taskbar progress, the theme, window bounds, the single-instance focus, a refused
 * library, and a clean quit that releases the library.
 */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPORT_CSP } from '../../src/main/core/compare/report'
import { LOCK_FILE } from '../../src/main/core/store/lock'
import { ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const MAIN = join(ROOT, 'out/main/index.js')
const STANDIN = join(ROOT, 'tests/helpers/electron-standin.cjs')

interface Report {
  error?: string
  sandboxEnabled: boolean
  singleInstanceLock: boolean
  windows: { options: { x?: number; y?: number; width: number; height: number; webPreferences: Record<string, unknown> }; loaded?: string; destroyed?: boolean }[]
  printed: { url: string; options: Record<string, unknown> }[]
  pdf: { ok: boolean; result?: unknown; error?: { code: string; message: string; field?: string } }[]
  privilegedSchemes: { schemes: { scheme: string; privileges: Record<string, boolean> }[]; beforeReady: boolean }
  scheme: { index: SchemeAnswer; assets: SchemeAnswer[]; hostile: SchemeAnswer[]; post: SchemeAnswer }
  ipc: { ok: boolean; result?: { path: string }; error?: { code: string; message: string; field?: string } }[]
  dialogs: { message?: string; detail?: string; buttons?: string[] }[]
  external: string[]
  sent: [string, string, unknown][]
  progress: number[]
  navigationPrevented: boolean
  windowOpen: { action: string }[]
  requestFilter: string[]
  requestAnswer: { cancel: boolean }
  permissionGranted: boolean
  permissionCheck: boolean
  menu: { label: string | null; role: string | null; accelerator: string | null }[]
  import: { ok: boolean; result: { results: { status: string; articleId: number }[] } }
  nativeTheme: string
  about: { applicationVersion: string; version: string }
  aboutShown: number
  revealed: string
  focused: number
  quit: number
}

interface SchemeAnswer {
  url: string
  status: number
  type: string | null
  csp: string | null
  length: number
  body: string
}

function runShell(env: Record<string, string>): Report {
  // Loaded by require, as Electron loads package.json's "main".
  const r = spawnSync(process.execPath, ['-r', STANDIN, '-e', `require(${JSON.stringify(MAIN)})`], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env }
  })
  const line = r.stdout.trim().split('\n').at(-1) ?? ''
  if (!line.startsWith('{')) throw new Error(`the shell printed no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`)
  const report = JSON.parse(line) as Report
  if (report.error) throw new Error(report.error)
  return report
}

describe('the Electron shell against a stand-in for Electron', () => {
  it('opens a locked-down window, checks every IPC call, and wires menu, dialogs, progress and theme', () => {
    const data = tmpDir()
    const library = join(data, 'library')
    const report = runShell({ STANDIN_DATA: data, PARALLAX_LIBRARY: library, STANDIN_SCENARIO: 'full', STANDIN_DIALOG_RESPONSE: '0' })

    // The window: sandboxed, isolated, no Node, our own renderer from app://parallax/ (not file://).
    expect(report.sandboxEnabled).toBe(true)
    expect(report.singleInstanceLock).toBe(true)
    expect(report.windows).toHaveLength(1)
    const { options, loaded } = report.windows[0]!
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    expect(existsSync(options.webPreferences.preload as string)).toBe(true)
    expect(loaded).toBe('app://parallax/index.html')
    expect(report.privilegedSchemes).toEqual({
      schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
      beforeReady: true
    })
    const built = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8')
    expect(built).toMatch(/Content-Security-Policy"\s+content="default-src 'none'; script-src 'self'/)

    // The scheme serves the built renderer: the page and every file it names, with their types and the CSP.
    const { index, assets, hostile, post } = report.scheme
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', length: built.length })
    expect(index.csp).toMatch(/^default-src 'none'; script-src 'self'; .*base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/)
    expect(assets.length).toBeGreaterThanOrEqual(2)
    for (const a of assets) expect(a, a.url).toMatchObject({ status: 200, type: expect.not.stringMatching(/octet-stream/) })
    // …and nothing outside the renderer folder, however the path is spelled.
    for (const h of hostile) expect(h, h.url).toMatchObject({ status: 404, body: 'Not found' })
    expect(post.status).toBe(405)

    // IPC: the core answers our window's top frame only (on app://parallax/), and validates arguments.
    const [trusted, stranger, subframe, invalid, unknown, fileStranger, fileFrame] = report.ipc
    expect(fileStranger).toEqual({ ok: false, error: { code: 'forbidden', message: 'untrusted sender' } })
    expect(fileFrame).toEqual({ ok: false, error: { code: 'forbidden', message: 'untrusted sender' } })
    expect(trusted).toMatchObject({ ok: true, result: { path: library } })
    expect(stranger).toEqual({ ok: false, error: { code: 'forbidden', message: 'untrusted sender' } })
    expect(subframe).toEqual({ ok: false, error: { code: 'forbidden', message: 'untrusted sender' } })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'id' } })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } })

    // Navigation is blocked; http(s) links go to the browser only after the user confirms.
    expect(report.navigationPrevented).toBe(true)
    expect(report.windowOpen).toEqual([{ action: 'deny' }, { action: 'deny' }])
    const confirms = report.dialogs.filter((d) => d.message === 'Open this link in your web browser?')
    expect(confirms.map((d) => d.detail)).toEqual(['https://news.example/story', 'https://news.example/other'])
    expect(report.external).toEqual(['https://news.example/story', 'https://news.example/other'])

    // No request leaves the machine; no permission is granted.
    expect(report.requestFilter).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']))
    expect(report.requestAnswer).toEqual({ cancel: true })
    expect(report.permissionGranted).toBe(false)
    expect(report.permissionCheck).toBe(false)

    // The menu: standard roles and the app's commands with accelerators.
    const accel = Object.fromEntries(report.menu.filter((m) => m.label).map((m) => [m.label, m.accelerator]))
    expect(accel).toMatchObject({
      'Import Files…': 'CmdOrCtrl+O',
      'Import Folder…': 'CmdOrCtrl+Shift+O',
      Find: 'CmdOrCtrl+F',
      'Compare Selected': 'CmdOrCtrl+Shift+C',
      'Toggle Notes': 'CmdOrCtrl+Shift+N',
      'Export…': 'CmdOrCtrl+E',
      'Settings…': 'CmdOrCtrl+,'
    })
    expect(accel).toHaveProperty(['Reveal Library Folder'])
    expect(accel).toHaveProperty(['Library Folder…'])
    const roles = report.menu.map((m) => m.role).filter(Boolean)
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'togglefullscreen', 'windowMenu']))
    const commands = report.sent.filter(([, name]) => name === 'shell.command').map(([, , p]) => (p as { name: string }).name)
    expect(commands).toEqual(['import-files', 'import-folder', 'find', 'compare-selected', 'toggle-notes', 'export'])
    expect(report.revealed).toBe(join(library, 'library.sqlite'))
    expect(report.aboutShown).toBe(1)
    expect(report.about.applicationVersion).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
    expect(report.about.version).toMatch(/^Electron .* · Chromium .* · Node /)

    // An import through IPC: stored (its folder names the outlet, as asked), progress on the taskbar, then cleared.
    expect(report.import.ok).toBe(true)
    expect(report.import.result.results[0]!.status).toBe('imported')
    expect(report.progress.at(-1)).toBe(-1)
    expect(report.progress.some((f) => f >= 0 && f <= 1)).toBe(true)
    const events = report.sent.filter(([, name]) => name === 'import.progress')
    expect(events.length).toBeGreaterThan(0)

    // The theme preference reaches the native theme (menus, dialogs, title bar).
    expect(report.nativeTheme).toBe('dark')
    // A second launch focused this window.
    expect(report.focused).toBeGreaterThan(0)

    // Quit closed the library cleanly: lock released, the article stored with its outlet.
    expect(existsSync(join(library, LOCK_FILE))).toBe(false)
    const db = new Database(join(library, 'library.sqlite'), { readonly: true })
    expect(db.prepare('SELECT title, outlet FROM articles').all()).toEqual([{ title: 'Harbour bridge opens', outlet: 'Kestrel Courier' }])
    db.close()

    // The window's bounds were saved, and the next start opens it there.
    const settings = JSON.parse(readFileSync(join(data, 'settings.json'), 'utf8')) as { window: { bounds: object } }
    expect(settings.window.bounds).toEqual({ x: 40, y: 30, width: 1111, height: 777 })
    const again = runShell({ STANDIN_DATA: data, PARALLAX_LIBRARY: library, STANDIN_SCENARIO: 'startup' })
    expect(again.windows[0]!.options).toMatchObject({ x: 40, y: 30, width: 1111, height: 777 })
  })

  it('prints the comparison report to PDF in a hidden window that runs no script, for our window only', () => {
    const data = tmpDir()
    const report = runShell({ STANDIN_DATA: data, PARALLAX_LIBRARY: join(data, 'library'), STANDIN_SCENARIO: 'pdf' })
    expect(report.import.ok).toBe(true)
    const [made, withFormat, oneArticle, nonsense, stranger] = report.pdf
    expect(made).toEqual({ ok: true, result: { fileName: 'comparison-1-2.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.7 stand-in\n').toString('base64') } })
    // One hidden window, no script, destroyed once printed; it was given the escaped HTML report.
    expect(report.windows).toHaveLength(2)
    expect(report.windows[1]).toMatchObject({ options: { show: false, webPreferences: { javascript: false, sandbox: true, nodeIntegration: false } }, destroyed: true })
    expect(report.printed).toHaveLength(1)
    expect(report.printed[0]!.options).toEqual({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true })
    const html = Buffer.from(report.printed[0]!.url.replace(/^data:text\/html;charset=utf-8;base64,/, ''), 'base64').toString('utf8')
    expect(html).toContain(`content="${REPORT_CSP}"`)
    expect(html).toContain('Harbour bridge opens &lt;b&gt;today&lt;/b&gt;')
    expect(html).toContain('@media print')
    // Bad arguments are refused as for any method, before anything is printed; other senders are not served.
    expect(withFormat).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'format' } })
    expect(oneArticle).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'ids' } })
    expect(nonsense).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'ids' } })
    expect(stranger).toEqual({ ok: false, error: { code: 'forbidden', message: 'untrusted sender' } })
  })

  it('explains a library it cannot open and quits when the user chooses to, without a window', () => {
    const data = tmpDir()
    const library = join(data, 'library')
    // Another (live) Parallax holds the library: this very test process.
    mkdirSync(library, { recursive: true })
    writeFileSync(join(library, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), holder: 'parallax serve', since: '2026-11-29T10:00:00Z' }))
    const report = runShell({ STANDIN_DATA: data, PARALLAX_LIBRARY: library, STANDIN_SCENARIO: 'startup', STANDIN_DIALOG_RESPONSE: '1' })
    expect(report.windows).toHaveLength(0)
    expect(report.dialogs[0]).toMatchObject({ message: 'Parallax cannot open its library', buttons: ['Choose Another Folder…', 'Quit'] })
    expect(report.dialogs[0]!.detail).toContain(`is in use by parallax serve (process ${process.pid}`)
    expect(report.quit).toBeGreaterThan(0)
  })
})
