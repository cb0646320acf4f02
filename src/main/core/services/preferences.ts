/** Preferences kept in the library (theme, OCR languages): stored values over the defaults. */
import { ApiError, Preferences as PreferencesSchema, type Preferences } from '../../../shared/contract'
import { DEFAULT_OCR_LANGUAGES, installedOcrLanguages } from '../importers/ocr/languages'
import type { PreferenceStore } from '../store/preferences'
import type { ApiPart, CoreContext } from './context'

export type PreferenceMethods = 'preferences.get' | 'preferences.update' | 'ocr.languages'

const DEFAULT_PREFERENCES: Preferences = { theme: 'system', ocrLanguages: [...DEFAULT_OCR_LANGUAGES] }

/** Stored preferences over the defaults; a value this version does not understand is ignored. */
export function readPreferences(store: PreferenceStore): Preferences {
  const out: Record<string, unknown> = { ...DEFAULT_PREFERENCES }
  for (const { key, value } of store.entries()) {
    if (!(key in DEFAULT_PREFERENCES)) continue
    try {
      const candidate = { ...out, [key]: JSON.parse(value) as unknown }
      if (PreferencesSchema.safeParse(candidate).success) out[key] = candidate[key]
    } catch {
      // A damaged value: the default stands.
    }
  }
  return out as Preferences
}

/** The OCR languages to read in: the chosen ones still installed, else English. */
export function ocrLanguages(store: PreferenceStore): string[] {
  const installed = new Set(installedOcrLanguages().map((l) => l.code))
  const chosen = readPreferences(store).ocrLanguages.filter((code) => installed.has(code))
  return chosen.length ? chosen : [...DEFAULT_OCR_LANGUAGES]
}

export function preferenceService({ library, changed }: CoreContext): ApiPart<PreferenceMethods> {
  return {
    async 'preferences.get'() {
      return readPreferences(library.preferences)
    },
    async 'preferences.update'(args) {
      if (args.ocrLanguages) {
        const installed = installedOcrLanguages().map((l) => l.code)
        const missing = args.ocrLanguages.find((code) => !installed.includes(code))
        if (missing) throw new ApiError('invalid_argument', `preferences.update: OCR language "${missing}" is not installed (installed: ${installed.join(', ')})`, 'ocrLanguages')
      }
      library.preferences.set(args)
      await changed('preferences', { search: false })
      return readPreferences(library.preferences)
    },
    async 'ocr.languages'() {
      return { installed: installedOcrLanguages() }
    }
  }
}
