/**
 * Scans made for tests and the OCR benchmark: known sentences (written for Parallax, no corpus
 * text) rendered with @napi-rs/canvas as a page would come off a scanner, with speckle noise and a
 * slight skew; and PDFs whose pages are only such an image (no text layer), like a scanned PDF.
 */
import { createCanvas } from '@napi-rs/canvas'
import { deflateSync } from 'node:zlib'

export const SCAN_TEXT = [
  'Harbour Council Backs Ferry Plan',
  'The harbour council voted on Tuesday to keep the night ferry running through the winter, after more than four hundred residents signed a petition asking for it.',
  'Councillor Maria Okafor said the service would cost about two hundred thousand pounds a year and that the money would come from parking fees at the quay.',
  'Opponents argued that the late crossings carry few passengers, but the harbour master told the meeting that shift workers at the hospital depend on them.',
  'A final decision on the timetable for the spring is expected next month.'
]

export interface ScanOptions {
  /** Rotation in degrees (a page fed slightly askew). */
  skew?: number
  /** Share of pixels flipped to a random grey (speckle). */
  noise?: number
  seed?: number
  width?: number
  fontPx?: number
}

/** A page of paragraphs as a scanner would produce it: greyscale pixels and the same as a PNG. */
export function renderScan(paragraphs: readonly string[], options: ScanOptions = {}): { png: Buffer; width: number; height: number; gray: Uint8Array } {
  const { skew = 0, noise = 0, seed = 1, width = 1700, fontPx = 34 } = options
  const margin = 120
  const lineHeight = Math.round(fontPx * 1.45)
  const canvas = createCanvas(width, 10)
  const measure = canvas.getContext('2d')
  measure.font = `${fontPx}px serif`
  const lines = paragraphs.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p, (t) => measure.measureText(t).width, width - 2 * margin)])
  const height = Math.max(800, margin * 2 + lines.length * lineHeight)
  const page = createCanvas(width, height)
  const g = page.getContext('2d')
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, width, height)
  g.translate(width / 2, height / 2)
  g.rotate((skew * Math.PI) / 180)
  g.translate(-width / 2, -height / 2)
  g.fillStyle = '#1a1a1a'
  g.font = `${fontPx}px serif`
  lines.forEach((line, i) => g.fillText(line, margin, margin + (i + 1) * lineHeight))
  g.setTransform(1, 0, 0, 1, 0, 0)
  const image = g.getImageData(0, 0, width, height)
  const random = lcg(seed)
  const gray = new Uint8Array(width * height)
  for (let i = 0; i < gray.length; i++) {
    const v = random() < noise ? Math.floor(random() * 256) : image.data[i * 4]!
    gray[i] = v
    image.data[i * 4] = image.data[i * 4 + 1] = image.data[i * 4 + 2] = v
  }
  g.putImageData(image, 0, 0)
  return { png: page.toBuffer('image/png'), width, height, gray }
}

/** A PDF of image-only pages (8-bit grey, Flate-compressed), each filling a US Letter page. */
export function makeImagePdf(pages: readonly { width: number; height: number; gray: Uint8Array }[], info: { title?: string } = {}): Buffer {
  const objects: Buffer[] = []
  const add = (body: string | Buffer): number => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'))
  const catalog = add('')
  const pagesObj = add('')
  const kids: number[] = []
  for (const p of pages) {
    const data = deflateSync(p.gray)
    const image = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]))
    const h = Math.round((612 * p.height) / p.width)
    const ops = `q 612 0 0 ${h} 0 0 cm /Im1 Do Q`
    const content = add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`)
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 ${h}] /Resources << /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R >>`))
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1')
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1')
  const infoId = info.title ? add(`<< /Title (${info.title}) >>`) : 0
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')]
  let offset = chunks[0]!.length
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(offset)
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')])
    chunks.push(obj)
    offset += obj.length
  })
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) tail += `${String(o).padStart(10, '0')} 00000 n \n`
  tail += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoId ? ` /Info ${infoId} 0 R` : ''} >>\nstartxref\n${offset}\n%%EOF\n`
  return Buffer.concat([...chunks, Buffer.from(tail, 'latin1')])
}

/** Character accuracy: 1 - edit distance / length of the truth, whitespace runs counted as one space. */
export function characterAccuracy(truth: string, read: string): number {
  const a = truth.replace(/\s+/g, ' ').trim()
  const b = read.replace(/\s+/g, ' ').trim()
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    previous = row
  }
  return Math.max(0, 1 - previous[b.length]! / a.length)
}

function wrap(text: string, width: (t: string) => number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word
    if (line && width(next) > max) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

/** A small seeded generator, so a fixture is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}
