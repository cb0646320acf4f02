/** The search index's state, in the sidebar: ready, or still indexing (results may be incomplete). */
import { useEffect, useState } from 'react'
import type { SearchStatus } from '../../../shared/contract'
import { api } from '../api/client'
import { plural } from '../format'

export function SearchStatusLine(): React.JSX.Element | null {
  const [status, setStatus] = useState<SearchStatus | null>(null)
  useEffect(() => {
    let live = true
    const load = (): void => {
      api['search.status']({})
        .then((s) => live && setStatus(s))
        .catch(() => undefined)
    }
    load()
    const off = api.onChange(null, load)
    // Poll while indexing, so the line turns "ready" by itself.
    const t = setInterval(() => status?.state === 'indexing' && load(), 2000)
    return () => {
      live = false
      off()
      clearInterval(t)
    }
  }, [status?.state])
  if (!status) return null
  return (
    <span className={`index-status index-${status.state}`} data-testid="index-status">
      {status.state === 'ready' ? `Search ready · ${plural(status.documents, 'article')}` : `Indexing ${plural(status.pending, 'article')}…`}
    </span>
  )
}
