import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
export const FIXTURES = join(ROOT, 'tests/fixtures')
/** The real article file users have, kept beside the project (never copied into it). */
export const SAMPLE = resolve(ROOT, '../shared/samples/eu-diplomat-putin-peace.txt')
export const SAMPLE_TITLE = 'EU Diplomat: Putin Uninterested in Peace as Trump, Zelenskyy Plan Deal'
export const CLI = join(ROOT, 'bin/parallax.js')

export function requireSample(): string {
  if (!existsSync(SAMPLE)) throw new Error(`The sample article is missing: ${SAMPLE} (../shared/samples beside the project)`)
  return SAMPLE
}
