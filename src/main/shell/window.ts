/**
 * The main window, locked down: sandboxed renderer with context isolation and no Node, our
 * own renderer only (served from app://parallax/), no navigation, no new windows, no webviews,
 * no permissions, and no request to the network (the CSP in index.html says the same from
 * inside the page). Links from articles open in the system browser after the user confirms.
 */
import { BrowserWindow, dialog, screen, session, shell } from 'electron'
import { join } from 'node:path'
import type { SettingsFile } from './settings'
import { APP_INDEX_URL } from './app-scheme'
import { restoreBounds } from './window-state'

export function createMainWindow(settings: SettingsFile): BrowserWindow {
  const saved = settings.get().window
  const win = new BrowserWindow({
    ...restoreBounds(
      saved?.bounds,
      screen.getAllDisplays().map((d) => d.workArea)
    ),
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
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize()
    win.show()
  })
  rememberBounds(win, settings)

  win.webContents.on('will-navigate', (e, url) => {
    e.preventDefault()
    void openExternally(win, url)
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternally(win, url)
    return { action: 'deny' }
  })
  void win.loadURL(APP_INDEX_URL)
  return win
}

/** Session-wide rules, set once before any window opens. */
export function lockDownSession(): void {
  const ses = session.defaultSession
  // Nothing the app shows may reach the network: imported pages' images, fonts, beacons.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (_details, callback) =>
    callback({ cancel: true })
  )
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
}

/** http(s) only, and only after the user has seen the address and agreed. */
async function openExternally(win: BrowserWindow, url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url
  })
  if (response === 0) await shell.openExternal(url)
}

function rememberBounds(win: BrowserWindow, settings: SettingsFile): void {
  let timer: NodeJS.Timeout | null = null
  const save = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return
    // The normal bounds, so a maximized window comes back maximized over its old size.
    settings.update({ window: { bounds: win.getNormalBounds(), maximized: win.isMaximized() } })
  }
  const later = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('close', () => {
    if (timer) clearTimeout(timer)
    save()
  })
}
