// Builds the app (electron-vite build) when out/ is missing or older than the sources.
// Used by `parallax` and `npm start`, so both work straight after `npm install`.
// In an installed package (no src/ folder) it does nothing.
'use strict'
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const OUTPUTS = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']
const INPUTS = ['src', 'electron.vite.config.ts', 'package.json']

function newestMtime(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function needsBuild() {
  if (!existsSync(join(root, 'src'))) return false
  const outs = OUTPUTS.map((p) => join(root, p))
  if (!outs.every((p) => existsSync(p))) return true
  const built = Math.min(...outs.map((p) => statSync(p).mtimeMs))
  return INPUTS.some((p) => existsSync(join(root, p)) && newestMtime(join(root, p)) > built)
}

function ensureBuilt({ quiet = false } = {}) {
  if (!needsBuild()) return
  if (!quiet) process.stderr.write('Building Parallax (electron-vite build)…\n')
  const bin = join(require.resolve('electron-vite/package.json', { paths: [root] }), '..', 'bin', 'electron-vite.js')
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) {
    process.stderr.write(String(r.stderr ?? ''))
    throw new Error('electron-vite build failed')
  }
}

module.exports = { ensureBuilt }
