/**
 * Image files before any OCR: each is checked from its header in the parse worker, so a hostile
 * one (a decompression bomb, a file cut short, something else named .png) fails with its reason
 * and never reaches a decoder.
 */
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { renderScan } from '../../bench/scan-fixtures'
import { importBatch } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from '../helpers/tmp'

/** A valid PNG of `width` × `height` declared pixels whose data is a few bytes (a bomb when large). */
function pngDeclaring(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer): number => (b.reduce((c, byte) => crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))])
}

async function importOne(name: string, bytes: Uint8Array): Promise<{ status: string; reason: string | null }> {
  const lib = Library.open(tmpDir())
  try {
    const [r] = await importBatch(lib, [{ name, bytes }])
    return { status: r!.status, reason: r!.reason }
  } finally {
    lib.close()
  }
}

describe('image files (checked before OCR)', () => {
  it('refuses a decompression bomb by its declared dimensions, before decoding a pixel', async () => {
    const bomb = pngDeclaring(100_000, 100_000)
    expect(bomb.length).toBeLessThan(200)
    expect(await importOne('bomb.png', bomb)).toEqual({
      status: 'failed',
      reason: 'refused: the image declares 100000 × 100000 pixels (10000 megapixels; limit 40 megapixels, 20000 per side: decompression bomb?)'
    })
    expect((await importOne('strip.png', pngDeclaring(30_000, 10))).reason).toMatch(/^refused: the image declares 30000 × 10 pixels/)
  })

  it('says what a file named as an image really is', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 10, 0, 10, 1, 1, 0x11, 0])
    expect(await importOne('photo.png', jpeg)).toEqual({ status: 'failed', reason: 'not a PNG image: named .png but it is JPEG' })
    expect(await importOne('notes.png', Buffer.from('just some text, not an image at all\n'))).toEqual({ status: 'failed', reason: 'not a readable image: named .png but it is no PNG (or its header is damaged)' })
    expect(await importOne('anim.png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toEqual({ status: 'failed', reason: 'binary file: named .png but it is a GIF image' })
    expect(await importOne('scan.txt', renderScan(['A line.']).png)).toEqual({ status: 'failed', reason: 'binary file: named .txt but it is a PNG image' })
  })

  it('refuses a PNG cut short inside its header', async () => {
    const png = renderScan(['A line of text.']).png
    expect(await importOne('cut.png', png.subarray(0, 14))).toEqual({ status: 'failed', reason: 'not a readable image: named .png but it is no PNG (or its header is damaged)' })
  })

  it('fails a scan with that reason where no OCR worker runs', async () => {
    expect(await importOne('page.tif', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]))).toMatchObject({ status: 'failed' })
    expect(await importOne('page.png', renderScan(['A line of text.']).png)).toEqual({ status: 'failed', reason: 'a scan: OCR is not available here (no OCR worker)' })
  })
})
