/** A paragraph with search matches and note highlights marked: plain React text, never HTML. */
import type { ReactNode } from 'react'

export interface Mark {
  start: number
  end: number
  className: string
  noteId?: number
}

export function MarkedText({ text, offset, marks, onMark }: { text: string; offset: number; marks: Mark[]; onMark?: (noteId: number) => void }): React.JSX.Element {
  const parts: ReactNode[] = []
  let at = 0
  const mine = marks
    .map((m) => ({ ...m, s: Math.max(0, m.start - offset), e: Math.min(text.length, m.end - offset) }))
    .filter((m) => m.e > 0 && m.s < text.length && m.e > m.s)
    .sort((a, b) => a.s - b.s)
  for (const m of mine) {
    if (m.s < at) continue // overlapping marks: the first one wins
    if (m.s > at) parts.push(text.slice(at, m.s))
    parts.push(
      <mark key={`${m.s}-${m.className}`} className={m.className} data-note={m.noteId} onClick={m.noteId && onMark ? () => onMark(m.noteId!) : undefined}>
        {text.slice(m.s, m.e)}
      </mark>
    )
    at = m.e
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}
