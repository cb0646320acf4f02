/**
 * "Add an article to this comparison": related coverage of the compared articles first, then the
 * library's latest articles, filtered by title as one types. Up to six articles in a comparison.
 */
import { useState } from 'react'
import { api } from '../../api/client'
import { formatDate } from '../../format'
import { useApiQuery } from '../../hooks/useApiQuery'

/** The engine compares up to six articles. */
export const MAX_COMPARED = 6

interface Candidate {
  id: number
  title: string
  outlet: string | null
  publishedAt: string | null
}

async function candidates(ids: number[]): Promise<Candidate[]> {
  const related = await Promise.all(ids.map((id) => api['articles.related']({ id, limit: 5 })))
  const latest = await api['articles.list']({ limit: 100, sort: 'publishedAt', direction: 'desc' })
  const seen = new Set(ids)
  return [...related.flatMap((r) => r.items), ...latest.items].filter((a) => !seen.has(a.id) && seen.add(a.id))
}

export function AddArticle({ ids, onCompare }: { ids: number[]; onCompare: (ids: number[]) => void }): React.JSX.Element | null {
  const [open, setOpen] = useState(false)
  if (ids.length >= MAX_COMPARED) return null
  return (
    <div className="add-article">
      <button onClick={() => setOpen(!open)} aria-expanded={open}>
        Add article…
      </button>
      {open && <Picker ids={ids} onCompare={onCompare} />}
    </div>
  )
}

function Picker({ ids, onCompare }: { ids: number[]; onCompare: (ids: number[]) => void }): React.JSX.Element {
  const list = useApiQuery(() => candidates(ids), [ids.join(',')])
  const [filter, setFilter] = useState('')
  const shown = (list.data ?? []).filter((a) => a.title.toLowerCase().includes(filter.trim().toLowerCase())).slice(0, 12)
  return (
    <div className="add-article-picker" role="dialog" aria-label="Add an article to this comparison" data-testid="add-article">
      <input autoFocus placeholder="Filter by title" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter articles by title" />
      {list.error && <p className="hint">Could not list articles: {list.error}</p>}
      <ul>
        {shown.map((a) => (
          <li key={a.id}>
            <button className="link" onClick={() => onCompare([...ids, a.id])}>
              {a.title}
            </button>
            <span className="hint-inline">{[a.outlet, formatDate(a.publishedAt)].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
        {list.data && shown.length === 0 && <li className="hint">No other article matches.</li>}
      </ul>
    </div>
  )
}
