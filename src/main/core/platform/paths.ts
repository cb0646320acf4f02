/**
 * Where a library lives by default: the same per-user folder Electron's `userData` path gives
 * the desktop app, so the CLI, the browser mode and the app share one library.
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const PRODUCT_NAME = 'Parallax'

/**
 * The library: PARALLAX_LIBRARY, else the folder chosen in the desktop app (File › Library
 * Folder…, kept in the app data folder's settings.json), else the app data folder itself.
 */
export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PARALLAX_LIBRARY) return env.PARALLAX_LIBRARY
  const data = appDataDir(env, platform)
  try {
    const chosen = (JSON.parse(readFileSync(join(data, 'settings.json'), 'utf8')) as { libraryDir?: unknown }).libraryDir
    if (typeof chosen === 'string' && chosen) return chosen
  } catch {
    // No settings yet (or unreadable): the default.
  }
  return data
}

/** The per-user folder Electron's app.getPath('userData') gives the desktop app. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir()
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME)
}
