/**
 * The layer rules themselves are tested: the real dependency-cruiser config is run on a small tree that
 * breaks each rule once, and must name every violation. (`npm test` runs the same config on src/ itself.)
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

/** file -> source; each file but the `ok` ones breaks exactly the rule named in its folder's comment. */
const TREE: Record<string, string> = {
  'src/shared/contract.ts': 'export const x = 1\n',
  'src/shared/bad-up.ts': "import { s } from '../main/core/services/s'\nexport const y = s\n",
  'src/main/core/text/normalise.ts': "import { x } from '../../../shared/contract'\nexport const n = x\n",
  'src/main/core/compare/align.ts': "import { n } from '../text/normalise'\nimport { q } from '../search/query'\nexport const a = n + q\n",
  'src/main/core/search/query.ts': "import { n } from '../text/normalise'\nexport const q = n\n",
  'src/main/core/cite/export.ts': "import { b } from '../importers/batch'\nexport const c = b\n",
  'src/main/core/importers/batch.ts': "import { r } from '../store/repo'\nexport const b = r\n",
  'src/main/core/store/repo.ts': "import { s } from '../services/s'\nexport const r = 1\nexport const t = s\n",
  'src/main/core/services/s.ts': "export const s = 2\n",
  'src/main/core/notes/a.ts': "import { b } from './b'\nexport const a = 1\nexport const c = b\n",
  'src/main/core/notes/b.ts': "import { a } from './a'\nexport const b = a\n",
  'src/main/core/services/uses-electron.ts': "export const e = () => import('electron')\n",
  'src/main/core/services/uses-electron-main.ts': "import { app } from 'electron/main'\nexport const e = app\n",
  'src/main/core/services/electron-types-ok.ts': "import type { App } from 'electron'\nexport type A = App\n",
  'src/main/shell/window.ts': "import { app } from 'electron'\nexport const w = app\n",
  'src/main/cli/main.ts': "import { w } from '../shell/window'\nexport const c = w\n",
  'src/main/core/services/edge.ts': "import { c } from '../../cli/main'\nexport const e = c\n",
  'src/renderer/src/App.tsx': "import { readFileSync } from 'node:fs'\nimport { s } from '../../main/core/services/s'\nexport const A = [readFileSync, s]\n"
}

function violations(root: string): string[] {
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/depcruise'), ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe'
    })
    return []
  } catch (err) {
    const out = String((err as { stdout?: string }).stdout ?? '')
    return out.split('\n').filter((l) => /^\s*error /.test(l)).map((l) => l.trim().replace(/^error /, ''))
  }
}

describe('layering rules (dependency-cruiser)', () => {
  it('names every broken rule in a tree built to break them, and nothing else', () => {
    const root = tmpDir()
    for (const [file, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(root, file)), { recursive: true })
      writeFileSync(join(root, file), text)
    }
    copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(root, '.dependency-cruiser.cjs'))
    writeFileSync(join(root, 'tsconfig.test.json'), JSON.stringify({ compilerOptions: { jsx: 'react-jsx', moduleResolution: 'Bundler', module: 'ESNext' }, include: ['src'] }))
    mkdirSync(join(root, 'node_modules/electron'), { recursive: true })
    writeFileSync(join(root, 'node_modules/electron/package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }))
    writeFileSync(join(root, 'node_modules/electron/index.js'), 'module.exports = {}\n')

    const found = violations(root)
    const has = (rule: string, from: string): boolean => found.some((v) => v.startsWith(`${rule}: ${from}`))
    expect(has('shared-is-the-bottom', 'src/shared/bad-up.ts')).toBe(true)
    expect(has('domains-apart', 'src/main/core/compare/align.ts')).toBe(true)
    expect(has('domains-apart', 'src/main/core/cite/export.ts')).toBe(true)
    expect(has('domains-below-store', 'src/main/core/importers/batch.ts')).toBe(true)
    expect(has('store-below-services', 'src/main/core/store/repo.ts')).toBe(true)
    expect(has('no-circular', 'src/main/core/notes/a.ts')).toBe(true)
    expect(has('electron-only-in-shell', 'src/main/core/services/uses-electron.ts')).toBe(true)
    expect(has('electron-only-in-shell', 'src/main/core/services/uses-electron-main.ts')).toBe(true)
    expect(has('edges-apart', 'src/main/cli/main.ts')).toBe(true)
    expect(has('core-below-edges', 'src/main/core/services/edge.ts')).toBe(true)
    expect(has('renderer-no-node', 'src/renderer/src/App.tsx')).toBe(true)
    expect(has('renderer-only-shared', 'src/renderer/src/App.tsx')).toBe(true)
    // Allowed: a type-only import of Electron's typings, the shell importing electron, a domain using core/text.
    expect(found.filter((v) => /electron-types-ok|src\/main\/shell\/window|search\/query/.test(v.split('→')[0] ?? ''))).toEqual([])
  })

  it('finds no violation in the project itself', () => {
    expect(violations(ROOT)).toEqual([])
  })

  it('loads the built CLI and core in plain Node without Electron', () => {
    const cli = readFileSync(join(ROOT, 'out/main/cli.js'), 'utf8')
    expect(cli).not.toMatch(/require\(["']electron["']\)/)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the point is loading the CommonJS bundle
    const mod = require(join(ROOT, 'out/main/cli.js')) as { main: unknown }
    expect(typeof mod.main).toBe('function')
  })
})
