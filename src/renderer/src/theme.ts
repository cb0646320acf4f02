/**
 * The theme: the user's preference (system, light or dark, kept in the library) resolved to
 * light or dark on <html data-theme>, following the system while the preference is "system".
 */
import { useEffect } from 'react'
import type { Preferences } from '../../shared/contract'
import { api } from './api/client'
import { useApiQuery } from './hooks/useApiQuery'

const systemDark = window.matchMedia('(prefers-color-scheme: dark)')

export function applyTheme(theme: Preferences['theme']): void {
  const dark = theme === 'dark' || (theme === 'system' && systemDark.matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
}

export interface PreferencesState {
  prefs: Preferences | null
  /** Why the preferences could not be read, if they could not. */
  error: string | null
  update: (p: Partial<Preferences>) => Promise<void>
}

/** Loads the preferences, applies the theme, and keeps both current. */
export function usePreferences(): PreferencesState {
  const { data: prefs, error, setData } = useApiQuery(() => api['preferences.get']({}), [], { reloadOn: ['preferences'] })
  const theme = prefs?.theme ?? 'system'
  useEffect(() => {
    applyTheme(theme)
    const follow = (): void => applyTheme(theme)
    systemDark.addEventListener('change', follow)
    return () => systemDark.removeEventListener('change', follow)
  }, [theme])
  const update = async (p: Partial<Preferences>): Promise<void> => {
    const next = await api['preferences.update'](p)
    applyTheme(next.theme)
    setData(next)
  }
  return { prefs, error, update }
}
