/** A "More" button whose menu holds what does not fit in a narrow toolbar; closes on a choice, Esc or a click elsewhere. */
import { useEffect, useRef, useState, type ReactNode } from 'react'

export function OverflowMenu({ label = 'More', children }: { label?: string; children: ReactNode }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const away = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    const esc = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false)
    }
    window.addEventListener('mousedown', away)
    window.addEventListener('keydown', esc)
    return () => {
      window.removeEventListener('mousedown', away)
      window.removeEventListener('keydown', esc)
    }
  }, [open])
  return (
    <div className="overflow-menu" ref={box}>
      <button aria-haspopup="menu" aria-expanded={open} aria-label={label} data-testid="overflow-button" onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open && (
        <div className="menu" role="menu" onClick={() => setOpen(false)}>
          {children}
        </div>
      )}
    </div>
  )
}
