/**
 * Start-up loads only what answering needs: the NLP, language-guessing, DOM and Word libraries
 * (together about two seconds of loading on the 2-core machine) wait for the first parse or
 * comparison, and that first use still works.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, ROOT } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const HEAVY = ['compromise', 'tinyld', 'linkedom', 'mammoth']

/** Runs the built CLI with `args` in a fresh Node, then says which of HEAVY it loaded. */
function loadedBy(args: string[]): { status: number | null; loaded: string[]; stderr: string } {
  const script = `require(${JSON.stringify(join(ROOT, 'out/main/cli.js'))}).main(process.argv.slice(1)).then((code) => {
    const heavy = ${JSON.stringify(HEAVY)}.filter((p) => Object.keys(require.cache).some((f) => f.includes('/node_modules/' + p + '/')))
    process.stdout.write('\\nLOADED ' + JSON.stringify(heavy) + '\\n')
    process.exitCode = code
  })`
  const r = spawnSync(process.execPath, ['-e', script, ...args], { encoding: 'utf8', env: { ...process.env, PARALLAX_LIBRARY: '' } })
  const line = r.stdout.split('\n').find((l) => l.startsWith('LOADED ')) ?? 'LOADED null'
  return { status: r.status, loaded: JSON.parse(line.slice(7)) as string[], stderr: r.stderr }
}

describe('start-up modules', () => {
  it('listing and searching a library load none of the parsing or NLP libraries', () => {
    const lib = tmpDir()
    expect(loadedBy(['import', join(FIXTURES, 'articles/harbour-bridge.txt'), '--library', lib]).status).toBe(0)
    for (const args of [['list'], ['search', 'harbour']]) {
      const r = loadedBy([...args, '--library', lib])
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      expect(r.loaded).toEqual([])
    }
  })

  it('a parse still loads them on first use: the language is guessed', () => {
    const lib = tmpDir()
    expect(loadedBy(['import', join(FIXTURES, 'articles/harbour-bridge.txt'), '--library', lib]).status).toBe(0)
    const shown = spawnSync(process.execPath, [join(ROOT, 'bin/parallax.js'), 'list', '--library', lib, '--json'], { encoding: 'utf8' })
    expect((JSON.parse(shown.stdout) as { language: string }[])[0]!.language).toBe('en')
  })
})
