/**
 * Bytes to text for the text-based formats: BOMs (UTF-8, UTF-16 LE/BE), BOM-less UTF-16,
 * strict UTF-8, then Windows-1252 (a superset of Latin-1's printable range) for the rest.
 * Node's TextDecoder (full ICU) does the decoding; this only decides which decoder.
 */
import iconv from 'iconv-lite'
import { ImportFailure } from './types'

export interface Decoded {
  text: string
  encoding: string
  warnings: string[]
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8(bytes.subarray(3), 'utf-8 (BOM)')
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] }
  }
  const bomless16 = sniffUtf16(bytes)
  if (bomless16) {
    return { text: new TextDecoder(bomless16).decode(bytes), encoding: bomless16, warnings: [`decoded as ${bomless16.toUpperCase()} (no byte-order mark)`] }
  }
  if (looksBinary(bytes)) throw new ImportFailure('binary file: this does not look like text')
  return utf8(bytes, 'utf-8')
}

function utf8(bytes: Uint8Array, label: string): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: label, warnings: [] }
  } catch {
    // Not valid UTF-8. Text with high bytes that are not UTF-8 sequences is almost always
    // Windows-1252 (or Latin-1, which it contains) from older sites and Windows editors.
    const invalid = countInvalidUtf8(bytes)
    const highBytes = bytes.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0)
    if (invalid === highBytes || invalid / Math.max(1, highBytes) > 0.5) {
      return {
        // iconv-lite, because Node's TextDecoder decodes this label as ISO-8859-1 (0x80-0x9F
        // become C1 controls instead of smart quotes, dashes and the euro sign).
        text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'windows-1252'),
        encoding: 'windows-1252',
        warnings: ['encoding repaired: decoded as Windows-1252']
      }
    }
    // Mostly UTF-8 with a few stray bytes: keep the UTF-8 and mark the damage.
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      warnings: [`encoding repaired: ${invalid} invalid UTF-8 byte${invalid === 1 ? '' : 's'} replaced`]
    }
  }
}

/** Counts bytes that are not part of a well-formed UTF-8 sequence. */
function countInvalidUtf8(b: Uint8Array): number {
  let bad = 0
  for (let i = 0; i < b.length; ) {
    const c = b[i]!
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (need < 0) {
      bad++
      i++
      continue
    }
    let ok = true
    for (let k = 1; k <= need; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) ok = false
    if (ok) i += need + 1
    else {
      bad++
      i++
    }
  }
  return bad
}

/**
 * UTF-16 without BOM. In the scripts of most alphabets (Latin, Greek, Cyrillic, Hebrew, Arabic,
 * Indic) every code unit's high byte is one of very few values below 0x20 (0x00 for ASCII, 0x04
 * for Cyrillic), and text in any 8-bit encoding has no such pattern; the sample must then decode
 * to letters, digits, punctuation and spaces.
 */
function sniffUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1
  if (n < 4) return null
  for (const [encoding, high] of [['utf-16le', 1], ['utf-16be', 0]] as const) {
    if (!fewLowHighBytes(b, n, high)) continue
    const sample = new TextDecoder(encoding).decode(b.subarray(0, n))
    const textual = sample.match(/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\t\n\r]/gu)?.length ?? 0
    if (textual >= (n / 2) * 0.9) return encoding
  }
  return null
}

/** The two commonest high bytes cover 90% of code units, and both are below 0x20. */
function fewLowHighBytes(b: Uint8Array, n: number, high: 0 | 1): boolean {
  const counts = new Uint32Array(256)
  for (let i = high; i < n; i += 2) counts[b[i]!]!++
  const top = [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 2).filter(([, c]) => c > 0)
  const covered = top.reduce((sum, [, c]) => sum + c, 0)
  return covered >= (n / 2) * 0.9 && top.every(([v]) => v < 0x20)
}

/** NUL bytes or many control characters in the first 8 KB mean this is not text. */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192)
  let control = 0
  for (let i = 0; i < n; i++) {
    const c = b[i]!
    if (c === 0) return true
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++
  }
  return n > 0 && control / n > 0.1
}
