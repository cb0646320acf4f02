/** The application menu: standard roles plus the app's own commands, sent to the renderer. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { IPC_EVENT_CHANNEL } from '../../shared/methods'

export function buildMenu(win: () => BrowserWindow | null): Menu {
  const command = (name: 'import') => () => win()?.webContents.send(IPC_EVENT_CHANNEL, 'shell.command', { name })
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: command('import') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  ]
  return Menu.buildFromTemplate(template)
}
