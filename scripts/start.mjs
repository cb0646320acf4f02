// `npm start`: the desktop app where Electron can be had, else the same app in browser mode.
//   npm start                 desktop app (or browser mode, with one line saying why)
//   npm start -- --browser    browser mode even where Electron exists
//   npm run dev               desktop app with hot reload (electron-vite dev)
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const { ensureBuilt } = require('./ensure-build.js')
const { root, electronDir, electronBinary } = require('./electron-env.js')
const { buildElectronNative } = require('./electron-native.js')

const args = process.argv.slice(2)
const dev = args.includes('--dev')
const forwarded = args.filter((a) => a !== '--dev' && a !== '--browser')

function browserMode(reason) {
  if (reason) console.log(`${reason}, so Parallax opens in browser mode instead.`)
  ensureBuilt()
  const child = spawn(process.execPath, [join(root, 'bin', 'parallax.js'), 'serve', ...forwarded], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
}

function findElectron() {
  let bin = electronBinary()
  if (bin) return bin
  // Newer electron packages download their binary on first use; try once, quietly and bounded.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 })
  bin = electronBinary()
  return bin
}

if (args.includes('--browser')) {
  browserMode(null)
} else {
  const bin = findElectron()
  if (!bin) {
    browserMode('Electron is not available on this machine (its binary could not be downloaded)')
  } else {
    let binding
    try {
      binding = await buildElectronNative()
    } catch (err) {
      browserMode(`better-sqlite3 could not be built for Electron (${err.message.split('\n')[0]})`)
    }
    if (binding) {
      const env = { ...process.env, PARALLAX_SQLITE_BINDING: binding, ELECTRON_OVERRIDE_DIST_PATH: undefined }
      if (dev) {
        const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js')
        spawn(process.execPath, [cli, 'dev', ...forwarded], { stdio: 'inherit', env, cwd: root }).on('exit', (c) => process.exit(c ?? 0))
      } else {
        ensureBuilt()
        spawn(bin, [root, ...forwarded], { stdio: 'inherit', env }).on('exit', (c) => process.exit(c ?? 0))
      }
    }
  }
}
