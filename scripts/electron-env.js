// Facts about Electron on this machine, shared by `npm start`, `npm run dist` and the Electron
// launch test. Never requires 'electron' itself: in plain Node that would try a download.
'use strict'
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const electronDir = join(root, 'node_modules', 'electron')

/** The installed electron package's version, or null. */
function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  } catch {
    return null
  }
}

/** Path to the Electron executable when one is installed, else null. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(p) ? p : null
  }
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const p = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(p) ? p : null
}

/** Where the better-sqlite3 build for this Electron version lives (apart from Node's). */
function electronNativeBinding(version = electronVersion()) {
  return join(root, '.cache', 'electron-native', `electron-${version}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
}

module.exports = { root, electronDir, electronVersion, electronBinary, electronNativeBinding }
