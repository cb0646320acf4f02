/**
 * Signatures must stay comparable with those already stored in libraries: the allocation-free
 * signature gives exactly the values of shingles hashed as joined strings (the first version).
 */
import { describe, expect, it } from 'vitest'
import { NUM_HASHES, signature } from '../../src/main/core/dedupe/minhash'
import { normalizeForHash } from '../../src/main/core/text/normalise'

const SEEDS = Array.from({ length: NUM_HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0)

/** The first version, word by word: each 5-shingle joined with spaces and hashed as a string. */
function reference(text: string): Uint32Array | null {
  const words = normalizeForHash(text).split(' ').filter(Boolean)
  if (words.length < 20) return null
  const hash = (s: string): number => {
    let h = 0x811c9dc5
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    return (h ^ (h >>> 13)) >>> 0
  }
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff)
  for (let i = 0; i + 5 <= words.length; i++) {
    const b = hash(words.slice(i, i + 5).join(' '))
    SEEDS.forEach((seed, k) => {
      let x = (b ^ seed) >>> 0
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d)
      x = Math.imul(x ^ (x >>> 12), 0x297a2d39)
      x = (x ^ (x >>> 15)) >>> 0
      if (x < sig[k]!) sig[k] = x
    })
  }
  return sig
}

const TEXTS = [
  'The council voted on Tuesday to close the harbour bridge for repairs, officials said, after engineers found cracks in two of its supports. Traffic will go by the river road until spring.',
  '  Ünïcode — words, “quotes”, numbers 1,234.5 and CAPITALS:   spaced   oddly\\n\\nacross paragraphs; der Ausschuss hat am Dienstag beschlossen, die Brücke zu sperren, sagte ein Sprecher.',
  Array.from({ length: 300 }, (_, i) => `word${i % 37} tale${i % 11}`).join(' '),
  'too short to sign'
]

describe('MinHash signature', () => {
  it('gives the same values as shingles hashed as joined strings', () => {
    for (const t of TEXTS) expect(signature(t)).toEqual(reference(t))
    expect(signature(TEXTS[0]!)).not.toBeNull()
    expect(signature(TEXTS[3]!)).toBeNull()
  })
})
