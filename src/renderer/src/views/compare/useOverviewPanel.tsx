/** The overview panel's open state and toggle, and jumping from it to a sentence in the alignment. */
import { useState } from 'react'
import type { Pos } from '../CompareAlignment'

export function useOverviewPanel(showAlignment: () => void, pick: (p: Pos) => void): { open: boolean; toggle: React.JSX.Element; jump: (p: Pos) => void } {
  const [open, setOpen] = useState(true)
  const toggle = (
    <button onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="overview" data-testid="overview-toggle">
      {open ? 'Hide overview' : 'Overview'}
    </button>
  )
  const jump = (p: Pos): void => {
    showAlignment()
    pick(p)
    // After the alignment has rendered: bring the sentence itself into view in its column.
    requestAnimationFrame(() => document.querySelector(`[data-testid="column-${p.article}"] [data-s="${p.sentence}"]`)?.scrollIntoView({ block: 'center' }))
  }
  return { open, toggle, jump }
}
