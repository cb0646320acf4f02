/**
 * The theme: the user's preference (system, light or dark, kept in the library) resolved to
 * light or dark on <html data-theme>, following the system while the preference is "system".
 */
import { useEffect, useState } from 'react'
import type { Preferences } from '../../shared/contract'
import { api } from './api/client'

const systemDark = window.matchMedia('(prefers-color-scheme: dark)')

export function applyTheme(theme: Preferences['theme']): void {
  const dark = theme === 'dark' || (theme === 'system' && systemDark.matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
}

/** Loads the preferences, applies the theme, and keeps both current. */
export function usePreferences(): [Preferences | null, (p: Partial<Preferences>) => Promise<void>] {
  const [prefs, setPrefs] = useState<Preferences | null>(null)
  useEffect(() => {
    let current: Preferences['theme'] = 'system'
    applyTheme(current)
    const load = (): void =>
      void api['preferences.get']({}).then((p) => {
        current = p.theme
        applyTheme(p.theme)
        setPrefs(p)
      })
    load()
    const follow = (): void => applyTheme(current)
    systemDark.addEventListener('change', follow)
    const off = api.onChange(['preferences'], load)
    return () => {
      off()
      systemDark.removeEventListener('change', follow)
    }
  }, [])
  const update = async (p: Partial<Preferences>): Promise<void> => {
    const next = await api['preferences.update'](p)
    applyTheme(next.theme)
    setPrefs(next)
  }
  return [prefs, update]
}
