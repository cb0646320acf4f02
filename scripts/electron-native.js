// Builds better-sqlite3 for Electron's ABI in .cache/electron-native/, leaving node_modules
// (Node's build, used by tests and the CLI) alone. Needs Electron's headers, hence the internet:
// it runs at `npm start` / `npm run dist` time, never in `npm install`.
'use strict'
const { cpSync, existsSync, mkdirSync, writeFileSync } = require('node:fs')
const { dirname, join } = require('node:path')
const { root, electronVersion, electronNativeBinding } = require('./electron-env.js')

async function buildElectronNative({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  const version = electronVersion()
  if (!version) throw new Error('the electron package is not installed')
  const binding = electronNativeBinding(version)
  if (existsSync(binding)) return binding
  const buildDir = join(root, '.cache', 'electron-native', `electron-${version}`)
  const moduleDir = join(buildDir, 'node_modules', 'better-sqlite3')
  mkdirSync(dirname(moduleDir), { recursive: true })
  cpSync(join(root, 'node_modules', 'better-sqlite3'), moduleDir, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`)
  })
  writeFileSync(join(buildDir, 'package.json'), JSON.stringify({ name: 'parallax-electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }))
  log(`Building better-sqlite3 for Electron ${version} (once; kept in .cache/electron-native)…`)
  const { rebuild } = require('@electron/rebuild')
  await rebuild({ buildPath: buildDir, electronVersion: version, onlyModules: ['better-sqlite3'], force: true })
  if (!existsSync(binding)) throw new Error(`the rebuild finished but ${binding} is missing`)
  return binding
}

module.exports = { buildElectronNative }

if (require.main === module) {
  buildElectronNative().then(
    (p) => console.log(p),
    (err) => {
      console.error(`Could not build better-sqlite3 for Electron: ${err.message}`)
      process.exit(1)
    }
  )
}
