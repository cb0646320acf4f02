/**
 * A stand-in for Electron's main-process API, for running the real built main bundle
 * (out/main/index.js) in plain Node where no Electron binary can be had. Loaded with
 * `node -r`, it answers `require('electron')`, records what the shell does, and then plays a
 * scenario against it (the IPC handler, navigation, menu commands, an import, quitting),
 * printing one JSON report line. The test asserts on the report.
 *
 * Env: STANDIN_DATA (userData), STANDIN_DIALOG_RESPONSE (showMessageBox answer),
 * STANDIN_SCENARIO ('full' | 'startup').
 */
'use strict'
// Worker threads inherit `-r`: the stand-in belongs to the main thread only.
if (require('node:worker_threads').isMainThread) installStandIn()

function installStandIn() {
const Module = require('node:module')
const { EventEmitter } = require('node:events')
const { join } = require('node:path')

const report = { windows: [], printed: [], pdf: [], ipc: [], dialogs: [], external: [], sent: [], progress: [], notifications: [], quit: 0, relaunch: 0, aboutShown: 0, focused: 0 }
const handlers = {}
let menuTemplate = null
let beforeRequest = null
let permissionHandler = null
const protocolHandlers = {}
let appReady = false

class WebContents extends EventEmitter {
  constructor(url) {
    super()
    this.mainFrame = { url }
    this.openHandler = null
  }
  setWindowOpenHandler(h) {
    this.openHandler = h
  }
  send(channel, ...args) {
    report.sent.push([channel, ...args])
  }
  /** Chromium's printing: records the page it was given and answers with a tiny PDF. */
  async printToPDF(options) {
    report.printed.push({ url: this.mainFrame.url, options })
    return Buffer.from('%PDF-1.7 stand-in\n')
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    this.webContents = new WebContents('')
    this.maximized = false
    this.destroyed = false
    report.windows.push({ options: JSON.parse(JSON.stringify(options)) })
    BrowserWindow.all.push(this)
  }
  loadFile(file) {
    return this.loadURL(require('node:url').pathToFileURL(file).href)
  }
  loadURL(url) {
    report.windows.at(-1).loaded = url
    this.webContents.mainFrame.url = url
    setImmediate(() => this.emit('ready-to-show'))
    return Promise.resolve()
  }
  show() {}
  destroy() {
    this.destroyed = true
    report.windows[BrowserWindow.all.indexOf(this)].destroyed = true
  }
  focus() {
    report.focused++
  }
  restore() {}
  maximize() {
    this.maximized = true
  }
  isMaximized() {
    return this.maximized
  }
  isMinimized() {
    return false
  }
  isFocused() {
    return false
  }
  isDestroyed() {
    return this.destroyed
  }
  getNormalBounds() {
    return { x: 40, y: 30, width: 1111, height: 777 }
  }
  setProgressBar(f) {
    report.progress.push(f)
  }
}
BrowserWindow.all = []

const appEvents = new EventEmitter()
let readyResolve
const ready = new Promise((r) => (readyResolve = r))
const app = {
  on: (e, h) => (appEvents.on(e, h), app),
  enableSandbox: () => (report.sandboxEnabled = true),
  requestSingleInstanceLock: () => (report.singleInstanceLock = true),
  whenReady: () => ready,
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`)
    return process.env.STANDIN_DATA
  },
  quit: () => {
    report.quit++
    const e = { defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) }
    appEvents.emit('will-quit', e)
    if (!e.defaultPrevented) finish()
  },
  relaunch: () => report.relaunch++,
  setAboutPanelOptions: (o) => (report.about = o),
  showAboutPanel: () => report.aboutShown++
}

const answer = () => Number(process.env.STANDIN_DIALOG_RESPONSE ?? 1)
const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, h) => (handlers[channel] = h) },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => (report.privilegedSchemes = { schemes, beforeReady: !appReady }),
    handle: (scheme, h) => (protocolHandlers[scheme] = h)
  },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => (menuTemplate = m) },
  dialog: {
    showMessageBox: async (_win, o) => (report.dialogs.push(o), { response: answer() }),
    showMessageBoxSync: (o) => (report.dialogs.push(o), answer()),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showOpenDialogSync: () => undefined,
    showErrorBox: (title, content) => report.dialogs.push({ title, content })
  },
  shell: { openExternal: async (url) => report.external.push(url), showItemInFolder: (p) => (report.revealed = p) },
  nativeTheme: { themeSource: 'system' },
  Notification: class {
    static isSupported() {
      return true
    }
    constructor(o) {
      this.o = o
    }
    show() {
      report.notifications.push(this.o)
    }
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      webRequest: { onBeforeRequest: (filter, h) => (beforeRequest = { filter, h }) },
      setPermissionRequestHandler: (h) => (permissionHandler = h),
      setPermissionCheckHandler: (h) => (report.permissionCheck = h('x', 'geolocation'))
    }
  }
}

const load = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron
  return load.call(this, request, parent, isMain)
}
process.resourcesPath = join(process.env.STANDIN_DATA, 'resources')

// Electron's main loop runs until the app quits; the core's workers are unref'd (so the CLI
// can end), so without this Node would end while a reply from a worker is awaited.
const keepAlive = setInterval(() => {}, 1000)

let finished = false
function finish() {
  if (finished) return
  finished = true
  clearInterval(keepAlive)
  process.stdout.write(JSON.stringify(report) + '\n')
  setImmediate(() => process.exit(0))
}

const until = async (test, what) => {
  for (let i = 0; i < 400; i++) {
    if (test()) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`stand-in: timed out waiting for ${what}`)
}

async function invoke(sender, frame, method, args) {
  return handlers['parallax:invoke']({ sender, senderFrame: frame }, method, args)
}

/** Requests to the app's scheme handler, as the renderer (or a hostile page) would make them. */
async function schemeRequests(win) {
  const handler = protocolHandlers.app
  if (!handler) return null
  const answer = async (url, method = 'GET') => {
    const res = await handler(new Request(url, { method }))
    const body = await res.text()
    return { url, status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), length: body.length, body: body.slice(0, 200) }
  }
  const index = await answer(win.webContents.mainFrame.url)
  const assets = [...index.body.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1])
  const full = await (await handler(new Request(win.webContents.mainFrame.url))).text()
  for (const m of full.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) if (!assets.includes(m[1])) assets.push(m[1])
  const hostile = [
    'app://parallax/../main/index.js',
    'app://parallax/%2e%2e/main/index.js',
    'app://parallax/..%2fmain%2findex.js',
    'app://parallax/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://parallax/assets/..%5c..%5cmain%5cindex.js',
    'app://parallax/%00index.html',
    'app://parallax/%E0%A4%A',
    'app://parallax/assets',
    'app://parallax/nope.js',
    'app://other/index.html'
  ]
  return {
    index,
    assets: await Promise.all(assets.map((a) => answer('app://parallax/' + a))),
    hostile: await Promise.all(hostile.map((u) => answer(u))),
    post: await answer('app://parallax/index.html', 'POST')
  }
}

async function scenario() {
  appReady = true
  readyResolve()
  if (process.env.STANDIN_SCENARIO === 'startup') {
    // Startup only: either a window opens or the shell quits (e.g. after a refused library).
    await until(() => BrowserWindow.all.length > 0 || report.quit > 0, 'a window or quit')
    return finish()
  }
  await until(() => menuTemplate && BrowserWindow.all.length === 1, 'the window and menu')
  const win = BrowserWindow.all[0]
  const wc = win.webContents
  if (process.env.STANDIN_SCENARIO === 'pdf') return pdfScenario(wc)

  // IPC: trusted frame, untrusted sender, a subframe, invalid arguments.
  report.ipc.push(await invoke(wc, wc.mainFrame, 'library.info', {}))
  const stranger = new WebContents('file:///elsewhere.html')
  report.ipc.push(await invoke(stranger, stranger.mainFrame, 'library.info', {}))
  report.ipc.push(await invoke(wc, { url: 'file:///sub.html' }, 'library.info', {}))
  report.ipc.push(await invoke(wc, wc.mainFrame, 'articles.get', { id: 'seven' }))
  report.ipc.push(await invoke(wc, wc.mainFrame, 'no.such.method', {}))
  // Our renderer's files, but from file:// rather than our scheme: not trusted.
  const fileFrame = { url: require('node:url').pathToFileURL(join(__dirname, '../../out/renderer/index.html')).href }
  report.ipc.push(await invoke(new WebContents(fileFrame.url), fileFrame, 'library.info', {}))
  wc.mainFrame.url = fileFrame.url
  report.ipc.push(await invoke(wc, wc.mainFrame, 'library.info', {}))
  wc.mainFrame.url = report.windows[0].loaded
  report.scheme = await schemeRequests(win)

  // Navigation and new windows.
  const nav = { prevented: false, preventDefault: () => (nav.prevented = true) }
  wc.emit('will-navigate', nav, 'https://news.example/story')
  report.navigationPrevented = nav.prevented
  report.windowOpen = [wc.openHandler({ url: 'javascript:alert(1)' }), wc.openHandler({ url: 'https://news.example/other' })]
  await new Promise((r) => setTimeout(r, 50))

  // Session: network requests and permissions refused.
  report.requestFilter = beforeRequest.filter.urls
  beforeRequest.h({ url: 'https://tracker.example/pixel.gif' }, (r) => (report.requestAnswer = r))
  permissionHandler(wc, 'media', (granted) => (report.permissionGranted = granted))

  // The menu: labels and accelerators, and a command reaching the renderer.
  const flat = []
  const walk = (items) =>
    items.forEach((i) => {
      flat.push({ label: i.label ?? null, role: i.role ?? null, accelerator: i.accelerator ?? null })
      if (Array.isArray(i.submenu)) walk(i.submenu)
    })
  walk(menuTemplate)
  report.menu = flat
  const find = (label) => {
    let hit = null
    const w = (items) => items.forEach((i) => (i.label === label ? (hit = i) : Array.isArray(i.submenu) && w(i.submenu)))
    w(menuTemplate)
    return hit
  }
  for (const label of ['Import Files…', 'Import Folder…', 'Find', 'Compare Selected', 'Toggle Notes', 'Export…']) find(label).click()
  find('Reveal Library Folder')?.click()
  find('About Parallax').click()

  // An import through IPC: the taskbar shows its progress and clears it.
  const text = 'Harbour bridge opens\n\nMay 2, 2024\n\nThe harbour bridge opened on Monday after four years of work.'
  report.import = await invoke(wc, wc.mainFrame, 'import.files', {
    jobId: 'standin-1',
    overall: { id: 'standin', before: 0, total: 1 },
    folderOutlet: { from: 'subfolders' },
    files: [{ name: 'Kestrel Courier/bridge.txt', data: Buffer.from(text).toString('base64') }]
  })

  // The theme preference reaches the native theme.
  await invoke(wc, wc.mainFrame, 'preferences.update', { theme: 'dark' })
  await new Promise((r) => setTimeout(r, 20))
  report.nativeTheme = electron.nativeTheme.themeSource

  // A second launch focuses this window.
  appEvents.emit('second-instance')
  // Closing the window saves its bounds; quitting closes the library.
  win.emit('close')
  app.quit()
}

/** The comparison report printed to PDF through IPC: two articles, then good and bad calls. */
async function pdfScenario(wc) {
  const story = (title, outlet, extra) =>
    `${title}\n\nMay 2, 2024 — ${outlet}\n\nThe harbour bridge opened on Monday after four years of work, the council said.\n\n${extra}`
  const files = [
    { name: 'a.txt', data: Buffer.from(story('Harbour bridge opens <b>today</b>', 'Kestrel Courier', 'Ferries stop next week.')).toString('base64') },
    { name: 'b.txt', data: Buffer.from(story('Bridge opens at last', 'Gull Gazette', 'Tolls start in June.')).toString('base64') }
  ]
  report.import = await invoke(wc, wc.mainFrame, 'import.files', { jobId: 'pdf', files })
  const ids = report.import.result.results.map((r) => r.articleId)
  for (const args of [{ ids }, { ids, format: 'markdown' }, { ids: [ids[0]] }, 'nonsense']) report.pdf.push(await invoke(wc, wc.mainFrame, 'compare.pdf', args))
  const stranger = new WebContents('https://evil.example/')
  report.pdf.push(await invoke(stranger, stranger.mainFrame, 'compare.pdf', { ids }))
  app.quit()
}

setImmediate(() =>
  scenario().catch((err) => {
    report.error = String(err && err.stack ? err.stack : err)
    finish()
  })
)
}
