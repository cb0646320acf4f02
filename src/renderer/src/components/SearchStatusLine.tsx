/** The search index's state, in the sidebar: ready, or still indexing (results may be incomplete). */
import { useEffect } from 'react'
import { api } from '../api/client'
import { plural } from '../format'
import { useApiQuery } from '../hooks/useApiQuery'
import { LoadError } from './LoadError'

export function SearchStatusLine(): React.JSX.Element | null {
  const { data: status, error, reload } = useApiQuery(() => api['search.status']({}), [], { reloadOn: 'any' })
  const indexing = status?.state === 'indexing'
  // Poll while indexing, so the line turns "ready" by itself.
  useEffect(() => {
    if (!indexing) return
    const t = setInterval(reload, 2000)
    return () => clearInterval(t)
  }, [indexing, reload])
  if (error) return <LoadError what="Search status unknown" error={error} className="index-status" />
  if (!status) return null
  return (
    <span className={`index-status index-${status.state}`} data-testid="index-status">
      {status.state === 'ready' ? `Search ready · ${plural(status.documents, 'article')}` : `Indexing ${plural(status.pending, 'article')}…`}
    </span>
  )
}
