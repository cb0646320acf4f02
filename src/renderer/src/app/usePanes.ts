/** Which side panes are shown (the sidebar, the article list): toggled from the toolbar, remembered on this machine. */
import { useState } from 'react'

export interface Panes {
  sidebar: boolean
  list: boolean
  toggle: (pane: 'sidebar' | 'list') => void
}

const KEY = 'parallax.panes'

export function usePanes(): Panes {
  const [shown, setShown] = useState<{ sidebar: boolean; list: boolean }>(() => {
    const saved = localStorage.getItem(KEY)
    return saved ? { sidebar: !saved.includes('-sidebar'), list: !saved.includes('-list') } : { sidebar: true, list: true }
  })
  const toggle = (pane: 'sidebar' | 'list'): void => {
    const next = { ...shown, [pane]: !shown[pane] }
    localStorage.setItem(KEY, `${next.sidebar ? '' : '-sidebar'}${next.list ? '' : '-list'}`)
    setShown(next)
  }
  return { ...shown, toggle }
}
