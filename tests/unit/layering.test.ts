/** The core runs on plain Node: only the Electron shell and the preload may import 'electron'. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/paths'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e) ? [p] : []
  })
}

const importsElectron = (file: string): boolean => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(file, 'utf8'))
const SHELL = ['src/main/index.ts', 'src/main/shell/', 'src/preload/']

describe('layering', () => {
  it("keeps 'electron' out of the core, the bridge, the CLI, shared code and the renderer", () => {
    const offenders = files(join(ROOT, 'src'))
      .map((f) => relative(ROOT, f))
      .filter((f) => !SHELL.some((s) => f.startsWith(s)))
      .filter((f) => importsElectron(join(ROOT, f)))
    expect(offenders).toEqual([])
  })

  it('keeps the renderer off Node and off the core: it reaches the core only through the API client', () => {
    const bad = files(join(ROOT, 'src/renderer'))
      .filter((f) => /from ['"](node:|fs|path|child_process|better-sqlite3)|src\/main|\.\.\/main\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f))
    expect(bad).toEqual([])
  })

  it('loads the built CLI and core in plain Node without Electron', () => {
    const cli = readFileSync(join(ROOT, 'out/main/cli.js'), 'utf8')
    expect(cli).not.toMatch(/require\(["']electron["']\)/)
    const mod = require(join(ROOT, 'out/main/cli.js')) as { main: unknown }
    expect(typeof mod.main).toBe('function')
  })
})
