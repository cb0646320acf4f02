/**
 * Scanned pages as image files (PNG, JPEG, TIFF). Checked here from the header alone, before any
 * pixel is decoded: the type must be what the extension says and the dimensions within bounds
 * (a decompression bomb is a small file declaring a huge image). The OCR worker reads the text.
 */
import { extname } from 'node:path'
import { imageSize } from 'image-size'
import { ImportFailure, type Importer, type ImportInput, type ParseOutput } from './types'

/** Pixels per image: a 600 dpi A4 scan is 35 million; decoded as RGBA, 40 million is 160 MB. */
export const MAX_IMAGE_PIXELS = 40_000_000
const MAX_IMAGE_SIDE = 20_000

const TYPES: Record<string, { label: string; extensions: readonly string[] }> = {
  png: { label: 'PNG', extensions: ['png'] },
  jpg: { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  tiff: { label: 'TIFF', extensions: ['tif', 'tiff'] }
}

export const imageImporter: Importer = {
  format: 'image',
  extensions: ['png', 'jpg', 'jpeg', 'tif', 'tiff'],
  binary: true,
  parse(input: ImportInput): ParseOutput {
    checkImage(input.name, input.bytes)
    return { ocr: { kind: 'image', pages: 1, warnings: [] } }
  }
}

/** Refuses an image that is not what its name says, is cut short in its header, or is too large. */
export function checkImage(name: string, bytes: Uint8Array): { width: number; height: number } {
  const ext = extname(name).slice(1).toLowerCase()
  const expected = Object.values(TYPES).find((t) => t.extensions.includes(ext))
  let size
  try {
    size = imageSize(bytes)
  } catch {
    throw new ImportFailure(`not a readable image: named .${ext} but it is no ${expected?.label ?? 'image'} (or its header is damaged)`)
  }
  const actual = size.type ? TYPES[size.type] : undefined
  if (!actual) throw new ImportFailure(`unsupported image type: named .${ext} but it is ${size.type ?? 'unknown'} (PNG, JPEG and TIFF are read)`)
  if (expected && actual !== expected) throw new ImportFailure(`not a ${expected.label} image: named .${ext} but it is ${actual.label}`)
  const { width, height } = size
  if (!width || !height) throw new ImportFailure('not a readable image: it declares no dimensions')
  if (width * height > MAX_IMAGE_PIXELS || Math.max(width, height) > MAX_IMAGE_SIDE) {
    const mp = Math.round((width * height) / 1e6)
    throw new ImportFailure(`refused: the image declares ${width} × ${height} pixels (${mp} megapixels; limit ${MAX_IMAGE_PIXELS / 1e6} megapixels, ${MAX_IMAGE_SIDE} per side: decompression bomb?)`)
  }
  return { width, height }
}
