// `npm run dist`: build, make better-sqlite3 for Electron, then electron-builder's installers.
// Needs the internet (Electron headers and zips); on a machine without it, it says so and stops.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const { ensureBuilt } = require('./ensure-build.js')
const { root } = require('./electron-env.js')
const { buildElectronNative } = require('./electron-native.js')

ensureBuilt()
let binding
try {
  binding = await buildElectronNative()
} catch (err) {
  console.error(`npm run dist needs Electron's headers and zips from the internet, which this machine cannot reach (${err.message.split('\n')[0]}).`)
  process.exit(1)
}
const current = join(root, '.cache', 'electron-native', 'current', 'better_sqlite3.node')
mkdirSync(dirname(current), { recursive: true })
copyFileSync(binding, current)
const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js')
const r = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
process.exit(r.status ?? 1)
