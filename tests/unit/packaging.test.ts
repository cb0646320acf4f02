/**
 * Packaging, as far as it can be checked without Electron's downloads: electron-builder's own
 * loader and schema accept the configuration; its own file matcher, applied to what
 * `electron-vite build` produced, takes every file the app loads at run time and nothing it
 * should not ship; the native module, icons and fuses are where the app and installers expect.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { minimatch } from 'minimatch'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

// electron-builder's internals, in CommonJS; not part of the app.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (p: string) => string, patterns: string[]) => { createFilter(): (file: string, stat: ReturnType<typeof statSync>) => boolean }
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

interface BuilderConfig {
  appId: string
  productName: string
  /** Normalised by electron-builder's loader to one file set. */
  files: { filter: string[] }[]
  extraResources: { from: string; to: string }[]
  asar: boolean
  asarUnpack: string[]
  electronFuses: Record<string, boolean>
  linux: { target: string[]; icon: string }
  mac: { target: string; icon: string }
  win: { target: string; icon: string }
}

const load = async (file = 'electron-builder.yml', dir = ROOT): Promise<BuilderConfig> => {
  const config = await getConfig(dir, file, null)
  await validateConfiguration(config, new DebugLogger(false))
  return config as unknown as BuilderConfig
}

/** Every path under out/ that electron-builder's matcher for `files` would put in the app. */
function packaged(patterns: string[]): Set<string> {
  const filter = new FileMatcher(ROOT, join(ROOT, 'app'), (p) => p, patterns).createFilter()
  const out = new Set<string>()
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name)
      const stat = statSync(file)
      if (!filter(file, stat)) continue
      if (stat.isDirectory()) walk(file)
      else out.add(relative(ROOT, file))
    }
  }
  walk(join(ROOT, 'out'))
  return out
}

describe('packaging', () => {
  it('is a configuration electron-builder accepts, with ids, targets, fuses and icons', async () => {
    const config = await load()
    expect(config.appId).toBe('org.parallax.workbench')
    expect(config.productName).toBe('Parallax')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toBe('dmg')
    expect(config.win.target).toBe('nsis')
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer comes from app://parallax/, so file:// keeps no privileges beyond a browser's.
      grantFileProtocolExtraPrivileges: false
    })
    expect(config.asar).toBe(true)
    // One source image, rendered to the 1024 px PNG electron-builder derives every platform's icons from.
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(icon).toBe('resources/icon.png')
    const png = readFileSync(join(ROOT, 'resources/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
    expect(existsSync(join(ROOT, 'resources/icon.svg'))).toBe(true)
  })

  it('refuses a broken configuration (the check is real)', async () => {
    const dir = tmpDir()
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }))
    writeFileSync(join(dir, 'broken.yml'), 'appId: x\nelectronFuses:\n  runAsNod: false\nlinux:\n  target: 42\n')
    await expect(load('broken.yml', dir)).rejects.toThrow(/Invalid configuration object|electronFuses|runAsNod/)
  })

  it('takes exactly what electron-vite built: every file the app loads, no benchmarks or source maps', async () => {
    const config = await load()
    const files = packaged(config.files[0]!.filter)
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }
    const main = relative(ROOT, join(ROOT, pkg.main))
    expect(files).toContain(main)

    // What the main bundle loads: its chunks, the workers, the preload and the renderer.
    const mainCode = readFileSync(join(ROOT, main), 'utf8')
    const chunks = [...mainCode.matchAll(/require\("\.\/(chunks\/[^"]+)"\)/g)].map((m) => `out/main/${m[1]}`)
    expect(chunks.length).toBeGreaterThan(0)
    const needed = [...chunks, 'out/main/import-worker.js', 'out/main/search-worker.js', 'out/main/ocr-worker.js', 'out/preload/index.js', 'out/renderer/index.html']
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8')
    for (const m of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) needed.push(`out/renderer/${m[1]}`)
    for (const worker of ['out/main/import-worker.js', 'out/main/search-worker.js', 'out/main/ocr-worker.js']) {
      for (const m of readFileSync(join(ROOT, worker), 'utf8').matchAll(/require\("\.\/(chunks\/[^"]+)"\)/g)) needed.push(`out/main/${m[1]}`)
    }
    for (const f of needed) {
      expect(existsSync(join(ROOT, f)), f).toBe(true)
      expect(files.has(f), `${f} is packaged`).toBe(true)
    }
    // The shell's paths to them, relative to out/main, are the ones built.
    expect(mainCode).toContain('"../preload/index.js"')
    // The renderer folder is served over app://parallax/ (never loaded from file://).
    expect(mainCode).toContain('"../renderer"')
    expect(mainCode).toContain('loadURL(APP_INDEX_URL)')
    expect(mainCode).not.toMatch(/loadFile\(/)

    // The benchmarks are built beside the app but not shipped; nor are source maps.
    expect(existsSync(join(ROOT, 'out/main/bench-search.js'))).toBe(true)
    expect([...files].filter((f) => /\.map$|\/bench-/.test(f))).toEqual([])
  })

  it('ships better-sqlite3 built for Electron outside the asar, where the app looks for it', async () => {
    const config = await load()
    expect(config.extraResources).toEqual([{ from: '.cache/electron-native/current/better_sqlite3.node', to: 'native/better_sqlite3.node' }])
    expect(config.asarUnpack).toContain('**/*.node')
    // npm run dist builds it there; the shell loads it from resources/native.
    expect(readFileSync(join(ROOT, 'scripts/dist.mjs'), 'utf8')).toContain("join(root, '.cache', 'electron-native', 'current', 'better_sqlite3.node')")
    expect(readFileSync(join(ROOT, 'out/main/index.js'), 'utf8')).toMatch(/join\)\(process\.resourcesPath, "native", "better_sqlite3\.node"\)/)
    // Node's own build of the module is left out of the package.
    expect(config.files[0]!.filter).toContain('!node_modules/better-sqlite3/build/**')
  })

  it('ships OCR outside the asar (tesseract.js with everything it requires, its LSTM core, the LSTM traineddata) and never to the renderer', async () => {
    const config = await load()
    // electron-builder copies the production dependencies itself, leaving out what `files` excludes.
    const excluded = config.files[0]!.filter.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
    const shipped = (file: string): boolean => existsSync(join(ROOT, file)) && !excluded.some((pattern) => minimatch(file, pattern, { dot: true }))
    const unpacked = (file: string): boolean => config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }))
    const closure = new Set<string>()
    const visit = (name: string): void => {
      const manifest = join(ROOT, 'node_modules', name, 'package.json')
      if (closure.has(name) || !existsSync(manifest)) return
      closure.add(name)
      Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}).forEach(visit)
    }
    visit('tesseract.js')
    expect(closure.size).toBeGreaterThan(5)
    for (const name of closure) expect(unpacked(`node_modules/${name}/package.json`), `${name} is unpacked`).toBe(true)
    const runtime = ['node_modules/tesseract.js/src/worker-script/node/index.js', 'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm', 'node_modules/tesseract.js-core/tesseract-core-lstm.wasm', 'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz']
    for (const file of runtime) expect([file, shipped(file), unpacked(file)]).toEqual([file, true, true])
    for (const file of ['node_modules/@tesseract.js-data/eng/4.0.0/eng.traineddata.gz', 'node_modules/tesseract.js-core/tesseract-core-simd.wasm', 'node_modules/tesseract.js/dist/tesseract.min.js']) expect([file, shipped(file)]).toEqual([file, false])
    // The renderer bundle holds no OCR engine or data: only the contract's names reach it.
    const renderer = readdirSync(join(ROOT, 'out/renderer'), { recursive: true }).map(String)
    expect(renderer.filter((f) => /\.wasm$|traineddata/.test(f))).toEqual([])
    for (const f of renderer.filter((f) => f.endsWith('.js'))) expect(readFileSync(join(ROOT, 'out/renderer', f), 'utf8')).not.toMatch(/TessBaseAPI|tesseract-core|traineddata\.gz|createWorker/)
  })
})
