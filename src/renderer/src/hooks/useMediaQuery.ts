/** Whether a CSS media query matches, kept current as the window is resized. */
import { useEffect, useState } from 'react'

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const list = window.matchMedia(query)
    const on = (): void => setMatches(list.matches)
    on()
    list.addEventListener('change', on)
    return () => list.removeEventListener('change', on)
  }, [query])
  return matches
}

/** Below this width the toolbar folds its less used buttons into a menu. */
export const NARROW = '(max-width: 1279px)'
