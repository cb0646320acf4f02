/**
 * The library grouped into stories (events), newest first: every story in a virtualized list that
 * can be searched and filtered by outlet and date; stories with no dated article listed apart.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import { firstPublished } from '../../../shared/compare-text'
import { api } from '../api/client'
import { formatDate, plural } from '../format'
import { useApiQuery } from '../hooks/useApiQuery'
import { filterStories, NO_FILTER, outletsOf, type Story, type StoryFilter } from './storyFilter'
import './compare/compare.css'

interface Actions {
  onOpen: (id: number) => void
  onCompare: (ids: number[]) => void
}

/** While articles are still being linked (after a large import), the list is asked for again this often. */
const LINKING_RELOAD_MS = 5000

export function StoriesView({ onOpen, onCompare }: Actions): React.JSX.Element {
  const stories = useApiQuery(() => api['stories.list']({}), [])
  const [filter, setFilter] = useState<StoryFilter>(NO_FILTER)
  const items = stories.data?.items
  const linking = stories.data?.linking ?? 0
  const { reload } = stories
  useEffect(() => {
    if (!linking) return
    const timer = setInterval(reload, LINKING_RELOAD_MS)
    return () => clearInterval(timer)
  }, [linking, reload])
  const shown = useMemo(() => (items ? filterStories(items, filter) : []), [items, filter])
  if (stories.error) return <section className="stories empty">Could not group the library: {stories.error}</section>
  if (!items) return <section className="stories empty" aria-busy="true">Grouping the library into stories…</section>
  const note = linking > 0 && <LinkingNote linking={linking} />
  if (items.length === 0)
    return (
      <section className="stories empty">
        {note || 'No two articles in the library cover the same event yet.'}
      </section>
    )
  const undated = items.filter((s) => s.from === null).length
  return (
    <div className="stories-view">
      {note}
      <StoryFilters items={items} filter={filter} onChange={setFilter} counts={{ dated: items.length - undated, undated, shown: shown.length }} />
      {shown.length === 0 ? <p className="stories-none">No story matches.</p> : <StoryList items={shown} {...{ onOpen, onCompare }} />}
    </div>
  )
}

/** After a large import: the stories shown are those linked so far. */
function LinkingNote({ linking }: { linking: number }): React.JSX.Element {
  return (
    <p className="stories-linking" role="status" data-testid="stories-linking">
      Linking {plural(linking, 'more article')} into stories… The list grows as they are linked.
    </p>
  )
}

function StoryFilters({ items, filter, onChange, counts }: { items: Story[]; filter: StoryFilter; onChange: (f: StoryFilter) => void; counts: { dated: number; undated: number; shown: number } }): React.JSX.Element {
  const set = (patch: Partial<StoryFilter>): void => onChange({ ...filter, ...patch })
  const outlets = useMemo(() => outletsOf(items), [items])
  return (
    <div className="stories-bar" role="search">
      <input type="search" placeholder="Search stories" aria-label="Search stories" value={filter.words} onChange={(e) => set({ words: e.target.value })} />
      <select aria-label="Outlet" value={filter.outlet} onChange={(e) => set({ outlet: e.target.value })}>
        <option value="">Any outlet</option>
        {outlets.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      <input type="date" aria-label="From" value={filter.from} disabled={filter.undated} onChange={(e) => set({ from: e.target.value })} />
      <input type="date" aria-label="To" value={filter.to} disabled={filter.undated} onChange={(e) => set({ to: e.target.value })} />
      <div className="stories-tabs" role="group" aria-label="Dated or undated">
        <button aria-pressed={!filter.undated} onClick={() => set({ undated: false })}>
          Dated ({counts.dated})
        </button>
        <button aria-pressed={filter.undated} onClick={() => set({ undated: true })}>
          Undated ({counts.undated})
        </button>
      </div>
      <span className="row-meta" data-testid="stories-count">
        {plural(counts.shown, 'story')}
      </span>
    </div>
  )
}

/** Only the stories in view are rendered; each one's height is measured as it appears. */
function StoryList({ items, onOpen, onCompare }: { items: Story[] } & Actions): React.JSX.Element {
  const scroller = useRef<HTMLElement>(null)
  const virtual = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => 160, overscan: 4 })
  return (
    <section className="stories" data-testid="stories" ref={scroller}>
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((v) => (
          <div key={v.key} data-index={v.index} ref={virtual.measureElement} className="story-slot" style={{ transform: `translateY(${v.start}px)` }}>
            <StoryCard story={items[v.index]!} onOpen={onOpen} onCompare={onCompare} />
          </div>
        ))}
      </div>
    </section>
  )
}

function StoryCard({ story: s, onOpen, onCompare }: { story: Story } & Actions): React.JSX.Element {
  const first = firstPublished(s.articles)
  const span = [s.from && formatDate(s.from), s.to && s.to !== s.from && formatDate(s.to)].filter(Boolean).join(' – ')
  return (
    <article className="story">
      <header>
        <h2>{s.title}</h2>
        <div className="row-meta">
          {[span || 'undated', plural(s.articles.length, 'article')].join(' · ')}
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
            <span className="row-meta">{[a.outlet, a.publishedAt ? formatDate(a.publishedAt) : 'undated'].filter(Boolean).join(' · ')}</span>
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
