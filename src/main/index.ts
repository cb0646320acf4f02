/**
 * The Electron shell: the only part of the main process that imports 'electron'.
 * It opens the library through the core, wires the contract to IPC, and owns the window,
 * menu and navigation rules. Everything it calls is tested without Electron.
 */
import { app, BrowserWindow, ipcMain, Menu, shell, type IpcMainInvokeEvent } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/methods'
import { openCore, type Core } from './core'
import { dispatch } from './core/dispatch'
import { buildMenu } from './shell/menu'

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

/** better-sqlite3 built for Electron's ABI: next to the app when packaged, else from `npm start`. */
function nativeBinding(): string | undefined {
  const candidates = [process.env.PARALLAX_SQLITE_BINDING, join(process.resourcesPath, 'native', 'better_sqlite3.node')]
  return candidates.find((p): p is string => !!p && existsSync(p))
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    title: 'Parallax',
    show: false,
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  // The app never navigates or opens windows; links from articles go to the system browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault())
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}

/** Only our own window's top frame, showing our own files, may call the core. */
function trustedSender(e: IpcMainInvokeEvent): boolean {
  const frame = e.senderFrame
  return !!mainWindow && e.sender === mainWindow.webContents && !!frame && frame === e.sender.mainFrame && frame.url.startsWith('file://')
}

app.enableSandbox()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  void app.whenReady().then(() => {
    // PARALLAX_LIBRARY lets tests and power users point the app at another library folder.
    core = openCore(process.env.PARALLAX_LIBRARY || app.getPath('userData'), {
      nativeBinding: nativeBinding(),
      workerScript: join(__dirname, 'import-worker.js'),
      searchWorkerScript: join(__dirname, 'search-worker.js')
    })
    const service = core.service
    ipcMain.handle(IPC_INVOKE_CHANNEL, async (e, method: unknown, args: unknown) => {
      if (!trustedSender(e)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } }
      return dispatch(service, method, args)
    })
    service.events.subscribe((name, payload) => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, name, payload))
    mainWindow = createWindow()
    Menu.setApplicationMenu(buildMenu(() => mainWindow))
  })

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault())
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => void core?.close())
}
