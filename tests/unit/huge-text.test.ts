/**
 * A 49 MB single-word text (the hostile probe's huge line, T8): the search tokenizer, the content
 * hash and the MinHash signature must stay bounded on it, and the import must not be reported as
 * failed because the search index could not take it.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SIGNATURE_SAMPLE_CHARS, signature } from '../../src/main/core/dedupe/minhash'
import { contentHash, countWords, normalizeForHash } from '../../src/main/core/importers/metadata'
import { MAX_TOKEN_LENGTH, tokenize } from '../../src/main/core/text/tokenize'
import { CLI } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const MB = 1 << 20

describe('the search tokenizer on over-long words', () => {
  it('cuts a word at the token length cap and skips the rest of the run', () => {
    const t = tokenize(`before ${'a'.repeat(10_000)} after`)
    expect(t.map((x) => x.term)).toEqual(['befor', 'a'.repeat(MAX_TOKEN_LENGTH), 'after'])
    expect(t[2]!.start).toBe(7 + 10_000 + 1)
  })

  it('goes on after the cut in a long Chinese run, whose words have no spaces between them', () => {
    const run = '中国'.repeat(100) // 200 code points, over the cap
    expect(tokenize(run).map((x) => x.term)).toHaveLength(run.length - 2) // every bigram but the one across the cut
  })

  it('tokenizes a 49 MB single word without overflowing the stack, even deep in a call stack', () => {
    const huge = 'a'.repeat(49 * MB)
    const deep = (n: number): number => (n === 0 ? tokenize(huge).length : deep(n - 1))
    expect(deep(2000)).toBe(1)
  })
})

describe('content identity of a huge text', () => {
  it('hashes in chunks to exactly the digest of the whole normalised text', () => {
    const texts = [
      '  Leading and trailing  ',
      'ΟΔΟΣ ΣΑΣ Σ. Ὀδυσσεύς',
      'cafe\u0301 CAFÉ ﬁne İstanbul ß ½',
      'word   --  word\n\n\tword...',
      'abc'.repeat(50) + ' ' + 'x\u0308'.repeat(40),
      '北京 欢迎你 — 2026',
      '   '
    ]
    for (const t of texts) {
      const whole = createHash('sha256').update(normalizeForHash(t)).digest('hex')
      for (const chunk of [2, 3, 5, 8, 64]) expect(contentHash(t, chunk)).toBe(whole)
    }
  })

  it('counts words without listing them', () => {
    expect(countWords("It's a 2-part U.S. story, isn't it?")).toBe(7)
  })

  it('signs only the first SIGNATURE_SAMPLE_CHARS characters, so a huge text costs no more than that', () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `w${i % 997}x${i % 13}`).join(' ')
    expect(words.length).toBeGreaterThan(SIGNATURE_SAMPLE_CHARS)
    const start = words.slice(0, SIGNATURE_SAMPLE_CHARS)
    expect(Array.from(signature(start + ' one ending')!)).toEqual(Array.from(signature(start + ' ' + words)!))
  })
})

describe('parallax import of the 49 MB line', () => {
  it('imports it, exits 0, indexes it and says nothing about a failed search index', () => {
    const dir = tmpDir()
    const file = join(dir, 'huge-line.txt')
    writeFileSync(file, 'zanzibar ' + 'a'.repeat(49 * MB))
    const lib = join(dir, 'lib')
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--library', lib], { encoding: 'utf8', maxBuffer: 256 * MB })
    const imported = run('import', file, '--json')
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    const result = JSON.parse(imported.stdout) as { status: string; articleId: number; title: string }
    expect(result).toMatchObject({ status: 'imported', articleId: 1 })
    expect(result.title.length).toBeLessThanOrEqual(301) // the title line's limit and an ellipsis, not 49 MB
    const found = run('search', 'zanzibar', '--json')
    expect(found.stderr).toBe('')
    expect(found.status).toBe(0)
    expect(JSON.parse(found.stdout)).toMatchObject({ total: 1, hits: [{ id: 1 }] })
  }, 120_000)
})
