/**
 * Bundles a worker entry written for a test (TypeScript, importing the real core modules) into
 * one CommonJS file a worker thread can load, as electron-vite bundles the app's own workers.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { build } from 'rolldown'
import { afterAll } from 'vitest'
import { ROOT } from './paths'

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

export async function buildWorker(entry: string): Promise<string> {
  // Inside the project, so the bundle's require() finds node_modules.
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true })
  const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/parallax-test-worker-'))
  made.push(dir)
  const file = join(dir, `${basename(entry, '.ts')}.cjs`)
  await build({
    input: entry,
    platform: 'node',
    // Packages stay in node_modules, as in the app's bundle.
    // Dependencies stay external as in the app's build, except eld (ESM only, bundled there too).
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.startsWith('eld'),
    output: { file, format: 'cjs' },
    logLevel: 'silent'
  })
  return file
}
