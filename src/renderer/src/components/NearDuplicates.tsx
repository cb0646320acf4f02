/**
 * An article's near-duplicates in the reader: the first few, then "and N more" to show the rest.
 * A wire story copied hundreds of times would otherwise push the article itself off the screen.
 */
import { useState } from 'react'
import type { Article } from '../../../shared/contract'

/** Shown before "and N more". */
export const NEAR_DUPLICATES_SHOWN = 6

export function NearDuplicates({ items, onOpen }: { items: Article['nearDuplicates']; onOpen: (id: number) => void }): React.JSX.Element | null {
  const [all, setAll] = useState(false)
  if (items.length === 0) return null
  const shown = all ? items : items.slice(0, NEAR_DUPLICATES_SHOWN)
  const more = items.length - shown.length
  return (
    <div className="near-duplicates" data-testid="near-duplicates">
      <span>Near-duplicates:</span>
      {shown.map((d) => (
        <button key={d.id} className="link" onClick={() => onOpen(d.id)} title={d.title}>
          {d.outlet ?? d.title} ({Math.round(d.similarity * 100)}% shared)
        </button>
      ))}
      {more > 0 && (
        <button className="link" onClick={() => setAll(true)}>
          and {more.toLocaleString('en-US')} more
        </button>
      )}
    </div>
  )
}
