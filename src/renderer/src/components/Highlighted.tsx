/** Text with [start, end) ranges wrapped in <mark>: plain React text, never HTML. */
import type { ReactNode } from 'react'

export function Highlighted({ text, ranges, offset = 0 }: { text: string; ranges: [number, number][]; offset?: number }): React.JSX.Element {
  const parts: ReactNode[] = []
  let at = 0
  for (const [s0, e0] of ranges) {
    const s = Math.max(0, s0 - offset)
    const e = Math.min(text.length, e0 - offset)
    if (e <= 0 || s >= text.length || s < at) continue
    if (s > at) parts.push(text.slice(at, s))
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>)
    at = e
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}
