/**
 * The OCR engine: a tesseract.js worker (tesseract compiled to WebAssembly, its own thread) with
 * every file it needs from disk. Its default fetches traineddata from a CDN; here the traineddata
 * bytes are read by us and handed over, the worker script and core come from node_modules, and
 * nothing is cached anywhere, so no OCR ever touches the network or writes a file.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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
  const langs = languages.map((code) => {
    const dir = traineddataDir(code)
    if (!dir) throw new ImportFailure(`OCR language ${code} is not installed`)
    return { code, data: readFileSync(join(dir, `${code}.traineddata.gz`)) }
  })
  const require = createRequire(__filename)
  const packageDir = join(require.resolve('tesseract.js/package.json'), '..')
  const worker = await createWorker(langs, OEM.LSTM_ONLY, {
    workerPath: unpacked(join(packageDir, 'src/worker-script/node/index.js')),
    // Never consulted for data handed over; a local folder all the same, never the CDN.
    langPath: unpacked(traineddataDir(languages[0]!)!),
    cacheMethod: 'none',
    gzip: true,
    errorHandler: () => {}
  })
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO })
  return worker
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
}
