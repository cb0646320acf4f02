/**
 * The OCR languages: tesseract traineddata shipped as npm packages (`@tesseract.js-data/<code>`),
 * read from disk. A language is offered only when its package is installed; the languages known
 * here are those Parallax reads dates in.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const OCR_LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  eng: 'English',
  deu: 'German',
  fra: 'French',
  spa: 'Spanish',
  ita: 'Italian',
  por: 'Portuguese',
  rus: 'Russian',
  ukr: 'Ukrainian'
}

export const DEFAULT_OCR_LANGUAGES: readonly string[] = ['eng']

/** tesseract.js's default data set for its LSTM engine (what its CDN would serve, here from disk). */
const DATA_SET = '4.0.0_best_int'

/**
 * The folder holding `<code>.traineddata.gz`, or null when the package is not installed. In a
 * packaged app it is read from outside the asar archive (electron-builder unpacks it).
 */
export function traineddataDir(code: string): string | null {
  if (!(code in OCR_LANGUAGE_NAMES)) return null
  let pkg: string
  try {
    pkg = createRequire(__filename).resolve(`@tesseract.js-data/${code}/package.json`)
  } catch {
    return null
  }
  const dir = unpacked(join(dirname(pkg), DATA_SET))
  return existsSync(join(dir, `${code}.traineddata.gz`)) ? dir : null
}

export function installedOcrLanguages(): { code: string; name: string }[] {
  return Object.entries(OCR_LANGUAGE_NAMES).flatMap(([code, name]) => (traineddataDir(code) ? [{ code, name }] : []))
}

/** A path inside app.asar as its unpacked copy (native code, wasm and data are read from there). */
export function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}
