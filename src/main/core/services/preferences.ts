/** Preferences kept in the library (the theme): stored values over the defaults. */
import { Preferences as PreferencesSchema, type Preferences } from '../../../shared/contract'
import type { PreferenceStore } from '../store/preferences'
import type { ApiPart, CoreContext } from './context'

export type PreferenceMethods = 'preferences.get' | 'preferences.update'

const DEFAULT_PREFERENCES: Preferences = { theme: 'system' }

/** Stored preferences over the defaults; a value this version does not understand is ignored. */
function readPreferences(store: PreferenceStore): Preferences {
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

export function preferenceService({ library, changed }: CoreContext): ApiPart<PreferenceMethods> {
  return {
    async 'preferences.get'() {
      return readPreferences(library.preferences)
    },
    async 'preferences.update'(args) {
      library.preferences.set(args)
      await changed('preferences', { search: false })
      return readPreferences(library.preferences)
    }
  }
}
