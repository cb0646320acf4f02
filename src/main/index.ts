/**
 * The Electron shell: the only part of the main process that imports 'electron' (with the
 * modules under ./shell). It opens the library through the core, wires the contract to IPC,
 * and owns the window, menu, dialogs, taskbar progress and notifications. Everything it calls
 * in the core is tested without Electron; this file is tested against a stand-in for Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, Notification, protocol, shell, type IpcMainInvokeEvent } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { EventPayload } from '../shared/contract'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/methods'
import { openCore, type Core } from './core'
import { dispatch } from './core/dispatch'
import { APP_VERSION } from './core/version'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl, serveAppRequest } from './shell/app-scheme'
import { ImportTracker } from './shell/import-progress'
import { buildMenu } from './shell/menu'
import { PDF_WINDOW_OPTIONS, reportPdf } from './shell/report-pdf'
import { SettingsFile } from './shell/settings'
import { createMainWindow, lockDownSession } from './shell/window'

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

/** better-sqlite3 built for Electron's ABI: next to the app when packaged, else from `npm start`. */
function nativeBinding(): string | undefined {
  const candidates = [process.env.PARALLAX_SQLITE_BINDING, join(process.resourcesPath, 'native', 'better_sqlite3.node')]
  return candidates.find((p): p is string => !!p && existsSync(p))
}

/** Only our own window's top frame, showing our own renderer (app://parallax/), may call the core. */
function trustedSender(e: IpcMainInvokeEvent): boolean {
  const frame = e.senderFrame
  return !!mainWindow && e.sender === mainWindow.webContents && !!frame && frame === e.sender.mainFrame && isAppUrl(frame.url)
}

function libraryDir(settings: SettingsFile): string {
  // PARALLAX_LIBRARY lets tests and power users point the app at another library folder.
  return process.env.PARALLAX_LIBRARY || settings.get().libraryDir || app.getPath('userData')
}

/**
 * Opens the library; when it cannot be (read-only, locked by another Parallax, damaged, newer),
 * says why and offers another folder instead of crashing. Null: the user chose to quit.
 */
function openLibrary(settings: SettingsFile): Core | null {
  for (;;) {
    const dir = libraryDir(settings)
    try {
      return openCore(dir, {
        nativeBinding: nativeBinding(),
        workerScript: join(__dirname, 'import-worker.js'),
        searchWorkerScript: join(__dirname, 'search-worker.js'),
        lock: 'the Parallax app'
      })
    } catch (err) {
      const choice = dialog.showMessageBoxSync({
        type: 'error',
        buttons: ['Choose Another Folder…', 'Quit'],
        defaultId: 0,
        cancelId: 1,
        message: 'Parallax cannot open its library',
        detail: (err as Error).message
      })
      if (choice !== 0) return null
      const picked = dialog.showOpenDialogSync({ title: 'Library folder', properties: ['openDirectory', 'createDirectory'] })
      if (!picked?.[0]) return null
      settings.update({ libraryDir: picked[0] })
      delete process.env.PARALLAX_LIBRARY
    }
  }
}

async function chooseLibrary(settings: SettingsFile): Promise<void> {
  const win = mainWindow
  const options: Electron.OpenDialogOptions = {
    title: 'Choose the library folder',
    buttonLabel: 'Use This Folder',
    properties: ['openDirectory', 'createDirectory'],
    defaultPath: libraryDir(settings)
  }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const dir = picked.filePaths[0]
  if (picked.canceled || !dir || dir === libraryDir(settings)) return
  settings.update({ libraryDir: dir })
  // The core, its workers and its lock belong to one library: restart on the new one.
  app.relaunch()
  app.quit()
}

function showAbout(): void {
  const v = process.versions
  app.setAboutPanelOptions({
    applicationName: 'Parallax',
    applicationVersion: APP_VERSION,
    version: `Electron ${v.electron} · Chromium ${v.chrome} · Node ${v.node}`,
    copyright: 'Copyright © 2026 Parallax developers',
    credits: 'A research workbench for news coverage.'
  })
  app.showAboutPanel()
}

// The renderer is served from app://parallax/ (not file://, whose extra privileges are fused off);
// a scheme's privileges can only be registered before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
app.enableSandbox()
if (!app.requestSingleInstanceLock()) {
  // Another Parallax runs: it is focused (second-instance below) and this one leaves.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.show()
    mainWindow?.focus()
  })

  void app.whenReady().then(async () => {
    lockDownSession()
    const rendererDir = join(__dirname, '../renderer')
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request))
    const settings = new SettingsFile(app.getPath('userData'))
    core = openLibrary(settings)
    if (!core) return app.quit()
    const service = core.service

    ipcMain.handle(IPC_INVOKE_CHANNEL, async (e, method: unknown, args: unknown) => {
      if (!trustedSender(e)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } }
      // The one method the shell answers itself: printing needs Chromium, which the core does not have.
      if (method === 'compare.pdf') return reportPdf((m, a) => dispatch(service, m, a), args, () => new BrowserWindow(PDF_WINDOW_OPTIONS))
      return dispatch(service, method, args)
    })

    const progress = new ImportTracker({
      setProgress: (f) => mainWindow?.setProgressBar(f),
      notify: (title, body) => {
        // Only when the user looks elsewhere; the import panel already says it in the window.
        if (Notification.isSupported() && !mainWindow?.isFocused()) new Notification({ title, body }).show()
      }
    })
    const followTheme = async (): Promise<void> => {
      nativeTheme.themeSource = (await service['preferences.get']({})).theme
    }
    service.events.subscribe((name, payload) => {
      mainWindow?.webContents.send(IPC_EVENT_CHANNEL, name, payload)
      if (name === 'import.progress') progress.onProgress(payload as EventPayload<'import.progress'>)
      if (name === 'library.changed' && (payload as EventPayload<'library.changed'>).reason === 'preferences') void followTheme()
    })
    await followTheme()

    mainWindow = createMainWindow(settings)
    mainWindow.on('closed', () => (mainWindow = null))
    Menu.setApplicationMenu(
      buildMenu({
        send: (command) => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, 'shell.command', { name: command }),
        chooseLibrary: () => void chooseLibrary(settings),
        revealLibrary: () => core && shell.showItemInFolder(core.library.file),
        about: showAbout
      })
    )
  })

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault())
  })
  app.on('window-all-closed', () => app.quit())
  let closing = false
  app.on('will-quit', (e) => {
    // Close the library (workers, WAL checkpoint, lock) before the process ends.
    if (!core || closing) return
    closing = true
    e.preventDefault()
    void core.close().finally(() => app.quit())
  })
}
