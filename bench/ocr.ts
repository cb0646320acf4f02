/**
 * `npm run bench -- ocr`: character accuracy and seconds per page of OCR on scans made here
 * (bench/scan-fixtures.ts: known sentences with speckle noise and skew), through the app's OCR
 * worker (out/main/ocr-worker.js), beside a clean page read in the same run (the baseline).
 */
import { join } from 'node:path'
import { installedOcrLanguages } from '../src/main/core/importers/ocr/languages'
import { OcrReader } from '../src/main/core/workers/ocr-reader'
import { characterAccuracy, makeImagePdf, renderScan, SCAN_TEXT, type ScanOptions } from './scan-fixtures'

interface Case {
  label: string
  kind: 'image' | 'pdf'
  bytes: Uint8Array
  pages: number
  truth: string
}

const PAGE_TWO = ['Night Ferry Timetable', 'From the first of November the last crossing leaves the quay at half past eleven, and the first one returns at six in the morning.']

function cases(): Case[] {
  const truth = SCAN_TEXT.join(' ')
  const image = (label: string, options: ScanOptions): Case => ({ label, kind: 'image', bytes: renderScan(SCAN_TEXT, options).png, pages: 1, truth })
  const pdfPages = [renderScan(SCAN_TEXT, { noise: 0.02, skew: 1, seed: 3 }), renderScan(PAGE_TWO, { noise: 0.02, skew: -1, seed: 4 })]
  return [
    image('clean page (baseline)', {}),
    image('noise 2%, skew 1°', { noise: 0.02, skew: 1, seed: 1 }),
    image('noise 5%, skew 2.5°', { noise: 0.05, skew: 2.5, seed: 2 }),
    image('small type (22 px), noise 2%', { noise: 0.02, skew: 0.5, fontPx: 22, seed: 5 }),
    { label: 'image-only PDF, 2 pages', kind: 'pdf', bytes: makeImagePdf(pdfPages), pages: 2, truth: `${truth} ${PAGE_TWO.join(' ')}` }
  ]
}

async function main(): Promise<void> {
  const reader = new OcrReader({ script: join(__dirname, 'ocr-worker.js') })
  const languages = ['eng']
  console.log(`ocr: tesseract.js (LSTM, ${languages.join('+')}; installed: ${installedOcrLanguages().map((l) => l.code).join(', ')}), PDF pages rendered at their scan's resolution`)
  console.log(`  ${'scan'.padEnd(32)}${'accuracy'.padStart(10)}${'confidence'.padStart(12)}${'s/page'.padStart(9)}${'vs clean'.padStart(10)}`)
  // The first read starts the engine (about half a second): done once before timing.
  await reader.read('warm-up.png', { kind: 'image', pages: 1, warnings: [] }, renderScan(['Warm up', 'The engine starts here.']).png, { languages })
  let baseline = 0
  for (const c of cases()) {
    const start = process.hrtime.bigint()
    const article = await reader.read(c.kind === 'pdf' ? 'scan.pdf' : 'scan.png', { kind: c.kind, pages: c.pages, warnings: [] }, c.bytes, { languages })
    const perPage = Number(process.hrtime.bigint() - start) / 1e9 / c.pages
    baseline ||= perPage
    const accuracy = characterAccuracy(c.truth, `${article.title} ${article.text}`)
    console.log(`  ${c.label.padEnd(32)}${`${(accuracy * 100).toFixed(1)}%`.padStart(10)}${String(article.ocrConfidence ?? '-').padStart(12)}${perPage.toFixed(2).padStart(9)}${`${(perPage / baseline).toFixed(2)}x`.padStart(10)}`)
  }
  await reader.close()
}

void main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
