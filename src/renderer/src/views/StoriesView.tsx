/** The library grouped into stories (events), newest first, each with its outlets and a compare button. */
import { firstPublished } from '../../../shared/compare-text'
import type { Result } from '../../../shared/contract'
import { api } from '../api/client'
import { formatDate, plural } from '../format'
import { useApiQuery } from '../hooks/useApiQuery'
import './compare/compare.css'

export function StoriesView({ onOpen, onCompare }: { onOpen: (id: number) => void; onCompare: (ids: number[]) => void }): React.JSX.Element {
  const stories = useApiQuery(() => api['stories.list']({}), [])
  const items = stories.data?.items
  const error = stories.error
  if (error) return <section className="stories empty">Could not group the library: {error}</section>
  if (!items) return <section className="stories empty" aria-busy="true">Grouping the library into stories…</section>
  if (items.length === 0) return <section className="stories empty">No two articles in the library cover the same event yet.</section>
  return (
    <section className="stories" data-testid="stories">
      {items.map((s, k) => (
        <Story key={k} s={s} onOpen={onOpen} onCompare={onCompare} />
      ))}
    </section>
  )
}

type StoryItem = Result<'stories.list'>['items'][number]

/** One story; its first publisher (by publication time) is marked. */
function Story({ s, onOpen, onCompare }: { s: StoryItem; onOpen: (id: number) => void; onCompare: (ids: number[]) => void }): React.JSX.Element {
  const first = firstPublished(s.articles)
  return (
    <article className="story">
      <header>
        <h2>{s.title}</h2>
        <div className="row-meta">
          {[s.from && formatDate(s.from), s.to && s.to !== s.from && formatDate(s.to)].filter(Boolean).join(' – ')} · {plural(s.articles.length, 'article')}
          {s.outlets.length ? ` · ${s.outlets.join(', ')}` : ''}
        </div>
        <button className="primary" onClick={() => onCompare(s.articles.slice(0, 6).map((a) => a.id))}>
          Compare {Math.min(6, s.articles.length)}
        </button>
      </header>
      <ul>
        {s.articles.map((a) => (
          <li key={a.id}>
            <button className="link" onClick={() => onOpen(a.id)}>
              {a.title}
            </button>
            <span className="row-meta">{[a.outlet, formatDate(a.publishedAt)].filter(Boolean).join(' · ')}</span>
            {first.has(a.id) && (
              <span className="first-publisher" title="Published first among this story’s articles">
                first
              </span>
            )}
          </li>
        ))}
      </ul>
    </article>
  )
}
