/**
 * The application menu: the standard roles (so copy, paste, undo, zoom, full screen, window
 * handling and the macOS app menu behave as everywhere) plus Parallax's own commands with
 * accelerators. Commands the renderer carries out are sent to it as `shell.command` events;
 * the shell's own (library folder, reveal, About) call back into the shell.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { SHELL_COMMANDS } from '../../shared/methods'

export type RendererCommand = (typeof SHELL_COMMANDS)[number]

export interface MenuActions {
  send(command: RendererCommand): void
  chooseLibrary(): void
  revealLibrary(): void
  about(): void
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const send = (command: RendererCommand) => () => actions.send(command)
  const about: MenuItemConstructorOptions = { label: 'About Parallax', click: () => actions.about() }
  const settings: MenuItemConstructorOptions = { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: send('settings') }
  return [
    ...(mac
      ? [
          {
            label: 'Parallax',
            submenu: [about, { type: 'separator' }, settings, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }]
          } satisfies MenuItemConstructorOptions
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: send('import-folder') },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        { label: 'Library Folder…', click: () => actions.chooseLibrary() },
        { label: mac ? 'Reveal Library in Finder' : 'Reveal Library Folder', click: () => actions.revealLibrary() },
        ...(mac ? [] : [{ type: 'separator' } as const, settings]),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: send('find') }
      ]
    },
    {
      label: '&View',
      submenu: [
        { label: 'Compare Selected', accelerator: 'CmdOrCtrl+Shift+C', click: send('compare-selected') },
        { label: 'Toggle Notes', accelerator: 'CmdOrCtrl+Shift+N', click: send('toggle-notes') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'reload' },
        { role: 'toggleDevTools' }
      ]
    },
    { role: 'windowMenu' },
    ...(mac ? [] : [{ label: '&Help', submenu: [about] } satisfies MenuItemConstructorOptions])
  ]
}

export function buildMenu(actions: MenuActions): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions))
}
