/** The overview panel's open state and toggle, and jumping from it to a sentence in the alignment. */
import { useState } from 'react'
import type { Pos } from '../CompareAlignment'

export function useOverviewPanel(showAlignment: () => void, pick: (p: Pos) => void): { open: boolean; toggle: React.JSX.Element; jump: (p: Pos) => void } {
  const [open, setOpen] = useState(true)
  const toggle = (
    <button onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="overview" className={open ? 'toggle on' : 'toggle'} data-testid="overview-toggle">
      Overview
    </button>
  )
  const jump = (p: Pos): void => {
    showAlignment()
    pick(p)
    // After the alignment has rendered: bring the sentence into view in its own column (scrolling
    // that column only; scrollIntoView would scroll the whole window too).
    requestAnimationFrame(() => {
      const column = document.querySelector<HTMLElement>(`[data-testid="column-${p.article}"]`)
      const el = column?.querySelector<HTMLElement>(`[data-s="${p.sentence}"]`)
      if (column && el) column.scrollTop = el.offsetTop - column.clientHeight / 3
    })
  }
  return { open, toggle, jump }
}
