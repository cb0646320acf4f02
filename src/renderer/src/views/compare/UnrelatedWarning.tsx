/**
 * When the compared articles share almost nothing, the comparison says so first and offers each
 * article's related coverage (the library's own similarity search) to compare instead: none of the
 * compared articles, and each related one once, under the article it is closest to.
 */
import type { Comparison } from '../../../../shared/contract'
import { api } from '../../api/client'
import { formatDate } from '../../format'
import { useApiQuery } from '../../hooks/useApiQuery'
import { alternatives, type RelatedItem } from './alternatives'

interface Props {
  c: Comparison
  labels: string[]
  onCompare: (ids: number[]) => void
}

function RelatedTo({ id, label, items, onCompare }: { id: number; label: string; items: RelatedItem[]; onCompare: (ids: number[]) => void }): React.JSX.Element | null {
  if (items.length === 0) return null
  return (
    <li>
      Coverage related to {label}:
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <span className="related-title">{r.title}</span> <span className="hint-inline">{[r.outlet, formatDate(r.publishedAt)].filter(Boolean).join(' · ')}</span>{' '}
            <button className="subtle" onClick={() => onCompare([id, r.id])}>
              Compare with it
            </button>
          </li>
        ))}
      </ul>
    </li>
  )
}

export function UnrelatedWarning({ c, labels, onCompare }: Props): React.JSX.Element {
  const most = Math.max(...c.articles.flatMap((a, i) => a.sharedWith.filter((_, j) => j !== i)))
  const ids = c.articles.map((a) => a.id)
  // Enough per article that each keeps three once the others' closer ones are taken out.
  const related = useApiQuery(() => Promise.all(ids.map((id) => api['articles.related']({ id, limit: 3 + ids.length * 3 }))), [ids.join()])
  const offered = related.data ? alternatives(ids, related.data.map((r) => r.items)) : []
  return (
    <div className="unrelated-warning" role="alert" data-testid="unrelated-warning">
      <strong>These articles do not seem to cover the same story.</strong> No two of them share more than {Math.round(most * 100)}% of their text, and they name
      few of the same people and places: the differences below are not differences of coverage.
      <ul className="unrelated-related">
        {c.articles.map((a, i) => (
          <RelatedTo key={a.id} id={a.id} label={labels[i]!} items={offered[i] ?? []} onCompare={onCompare} />
        ))}
      </ul>
    </div>
  )
}
