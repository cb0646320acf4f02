/** Arrow keys (and j/k) move the selection through a list of articles and keep it in view. */
import type { KeyboardEvent } from 'react'

/** `reveal` brings the newly selected row into view: by element id, or by a function (virtualized lists). */
export function listKeyHandler(ids: number[], selected: number | null, onSelect: (id: number) => void, reveal: ((id: number) => string) | ((id: number) => void)): (e: KeyboardEvent) => void {
  return (e) => {
    const delta = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0
    if (!delta) return
    e.preventDefault()
    const i = ids.indexOf(selected ?? -1)
    const next = ids[Math.max(0, Math.min(ids.length - 1, i + delta))]
    if (next === undefined) return
    onSelect(next)
    const domId = reveal(next)
    if (typeof domId === 'string') document.getElementById(domId)?.scrollIntoView({ block: 'nearest' })
  }
}
