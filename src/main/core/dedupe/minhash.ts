/**
 * Near-duplicate detection by MinHash over word 5-shingles with locality-sensitive hashing
 * (16 bands of 4 rows): two texts sharing most of their wording collide in at least one band
 * with high probability, so candidates come from an index lookup instead of comparing every
 * pair. The estimated Jaccard similarity of the candidates then decides.
 */
import { normalizeForHash } from '../text/normalise'

export const NUM_HASHES = 64
export const BANDS = 16
const ROWS = NUM_HASHES / BANDS
const SHINGLE = 5
/** Texts sharing at least this share of shingles (estimated) are linked as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5

// Fixed seeds: signatures must stay comparable across runs and versions.
const SEEDS = Array.from({ length: NUM_HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0)

/** FNV-1a over s[from, to), finished with a mix (fast, good enough spread for MinHash). */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h >>> 0
}

/**
 * Only the start of a text is shingled: MinHash needs a sample, not every word, and this bounds the
 * work and memory on a 50 MB text. 200,000 characters is some 30,000 words, far more than any
 * news article, so ordinary articles are compared whole exactly as before; two longer texts are
 * near-duplicates when their first 200,000 characters are.
 */
export const SIGNATURE_SAMPLE_CHARS = 200_000

export function signature(text: string): Uint32Array | null {
  const norm = normalizeForHash(text.slice(0, SIGNATURE_SAMPLE_CHARS))
  const starts = wordStarts(norm)
  const words = starts.length - 1
  if (words < SHINGLE * 4) return null // too short for a meaningful estimate
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff)
  const base = new Set<number>()
  // A shingle is the normalised text from its first word's start to its fifth word's end (words
  // are single-space separated): hashed in place, the same value as hashing the joined words.
  for (let i = 0; i + SHINGLE <= words; i++) base.add(hashRange(norm, starts[i]!, starts[i + SHINGLE]! - 1))
  for (const b of base) {
    for (let k = 0; k < NUM_HASHES; k++) {
      // Permute the shingle's base hash with the k-th seed (cheaper than rehashing the text).
      let x = (b ^ SEEDS[k]!) >>> 0
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d)
      x = Math.imul(x ^ (x >>> 12), 0x297a2d39)
      x = (x ^ (x >>> 15)) >>> 0
      if (x < sig[k]!) sig[k] = x
    }
  }
  return sig
}

/** Where each word of a normalised text starts, then one past its end + 1 (so word i is [s[i], s[i+1] - 1)). */
function wordStarts(norm: string): Int32Array {
  if (!norm) return new Int32Array([0])
  let count = 1
  for (let i = 0; i < norm.length; i++) if (norm.charCodeAt(i) === 0x20) count++
  const starts = new Int32Array(count + 1)
  let w = 1
  for (let i = 0; i < norm.length; i++) if (norm.charCodeAt(i) === 0x20) starts[w++] = i + 1
  starts[count] = norm.length + 1
  return starts
}

/** One hash per band: equal band hashes make two articles candidates. */
export function bandHashes(sig: Uint32Array): number[] {
  const out: number[] = []
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193)
    out.push(h | 0)
  }
  return out
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++
  return same / NUM_HASHES
}
