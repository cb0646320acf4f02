/**
 * The OCR engine: a tesseract.js worker (tesseract compiled to WebAssembly, its own thread) with
 * every file it needs from disk. Its default fetches traineddata from a CDN; here `langPath` is
 * the installed package's folder, the worker script and core come from node_modules, and nothing
 * is cached, so OCR never touches the network. tesseract.js reads every language from one folder:
 * several languages (each in its own package) are copied into a private temporary one.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js'
import { ImportFailure } from '../types'
import { traineddataDir, unpacked } from './languages'

export interface RecognizedText {
  text: string
  /** Mean word confidence, 0-100. */
  confidence: number
}

let engine: { languages: string; worker: Promise<Worker> } | null = null
let scratch: string | null = null

/** The engine for these languages, started once and re-initialised when they change. */
async function engineFor(languages: readonly string[]): Promise<Worker> {
  const key = languages.join('+')
  if (engine?.languages === key) return engine.worker
  const previous = engine
  engine = { languages: key, worker: start(languages) }
  if (previous) void previous.worker.then((w) => w.terminate()).catch(() => {})
  return engine.worker
}

async function start(languages: readonly string[]): Promise<Worker> {
  const require = createRequire(__filename)
  const packageDir = join(require.resolve('tesseract.js/package.json'), '..')
  const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
    workerPath: unpacked(join(packageDir, 'src/worker-script/node/index.js')),
    langPath: languageFolder(languages),
    cacheMethod: 'none',
    gzip: true,
    errorHandler: () => {}
  })
  // tesseract's own diagnostics ("Estimating resolution as …") would reach the CLI's stderr.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: '/dev/null' })
  return worker
}

/** The one folder holding every language's `<code>.traineddata.gz`. */
function languageFolder(languages: readonly string[]): string {
  const dirs = languages.map((code) => {
    const dir = traineddataDir(code)
    if (!dir) throw new ImportFailure(`OCR language ${code} is not installed`)
    return dir
  })
  if (dirs.length === 1) return dirs[0]!
  if (scratch) rmSync(scratch, { recursive: true, force: true })
  scratch = mkdtempSync(join(tmpdir(), 'parallax-ocr-'))
  languages.forEach((code, i) => copyFileSync(join(dirs[i]!, `${code}.traineddata.gz`), join(scratch!, `${code}.traineddata.gz`)))
  return scratch
}

/** Reads the text of one encoded image (PNG, JPEG, TIFF). */
export async function recognize(image: Buffer, languages: readonly string[]): Promise<RecognizedText> {
  const worker = await engineFor(languages)
  let result
  try {
    result = await worker.recognize(image)
  } catch (err) {
    throw new ImportFailure(`OCR could not read the image: ${String((err as Error)?.message ?? err)}`)
  }
  return { text: result.data.text, confidence: result.data.confidence }
}

/** Stops the engine (the worker thread closing). */
export async function stopEngine(): Promise<void> {
  const current = engine
  engine = null
  if (current) await current.worker.then((w) => w.terminate()).catch(() => {})
  if (scratch) rmSync(scratch, { recursive: true, force: true })
  scratch = null
}
