/** The window-wide shortcuts: "/" or Ctrl/Cmd+F to search, Esc (clears the search, closes help), "?" for help, j/k through the list, e to edit the ticked articles. */
import { useEffect, type Dispatch, type RefObject } from 'react'
import { isTyping } from '../keyboard'
import type { Action } from './state'

/** Selects the next (+1) or previous (-1) article of the list on screen. */
function stepThroughList(delta: 1 | -1): void {
  const rows = [...document.querySelectorAll<HTMLElement>('.library [role=option]')]
  const i = rows.findIndex((r) => r.getAttribute('aria-selected') === 'true')
  rows[Math.max(0, Math.min(rows.length - 1, i + delta))]?.click()
}

export function useGlobalKeys(dispatch: Dispatch<Action>, searchBox: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = isTyping(e)
      if ((e.key === '/' && !typing) || (e.key === 'f' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault()
        searchBox.current?.focus()
      }
      // Esc clears the search from anywhere but another field (where it belongs to that field).
      if (e.key === 'Escape' && (e.target === searchBox.current || !typing)) dispatch({ type: 'search', text: '' })
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === '?') dispatch({ type: 'toggleHelp' })
      if (e.key === 'Escape') dispatch({ type: 'closeHelp' })
      if (e.key === 'j' || e.key === 'k') stepThroughList(e.key === 'j' ? 1 : -1)
      if (e.key === 'e') {
        // Not typed into the dialog's first field, which has focus before the key's input arrives.
        e.preventDefault()
        dispatch({ type: 'dialog', dialog: 'bulkEdit' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [dispatch, searchBox])
}
