/** Articles about the same story, near-duplicates first, each one click away from a comparison. */
import { api } from '../api/client'
import { formatDate } from '../format'
import { useApiQuery } from '../hooks/useApiQuery'
import { LoadError } from './LoadError'

interface Props {
  id: number
  onOpen: (id: number) => void
  onCompare: (other: number) => void
  /** Compare this article with all its related coverage at once (up to six articles). */
  onCompareAll: (others: number[]) => void
}

export function RelatedCoverage({ id, onOpen, onCompare, onCompareAll }: Props): React.JSX.Element | null {
  const related = useApiQuery(() => api['articles.related']({ id, limit: 5 }), [id])
  const items = related.data?.items ?? []
  if (related.error) return <LoadError what="Could not find related coverage" error={related.error} />
  if (items.length === 0) return null
  return (
    <aside className="related" aria-label="Related coverage" data-testid="related">
      <div className="related-head">
        <h2>Related coverage</h2>
        {items.length > 1 && (
          <button className="subtle" onClick={() => onCompareAll(items.map((r) => r.id))}>
            Compare all {items.length + 1}
          </button>
        )}
      </div>
      <ul>
        {items.map((r) => (
          <li key={r.id}>
            <button className="link" onClick={() => onOpen(r.id)}>
              {r.title}
            </button>
            <span className="row-meta">
              {[r.outlet, formatDate(r.publishedAt), r.nearDuplicate ? 'near-duplicate' : null].filter(Boolean).join(' · ')}
            </span>
            <button className="subtle" onClick={() => onCompare(r.id)}>
              Compare
            </button>
          </li>
        ))}
      </ul>
    </aside>
  )
}
