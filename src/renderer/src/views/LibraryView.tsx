/**
 * The library list: every article, sortable and filterable, keyboard-navigable; selecting one opens
 * it. Rows have a fixed height and only those in view (plus a margin) are rendered, so the list
 * stays smooth with tens of thousands of articles.
 */
import type { ArticleSummary, Collection } from '../../../shared/contract'
import { api } from '../api/client'
import { downloadFile } from '../download'
import type { LibraryQuery } from '../hooks'
import { TagSelect } from '../components/FilterSelects'
import { useEffect, useRef, useState } from 'react'
import { listKeyHandler } from '../components/listKeys'
import { MarkBox } from '../components/MarkBox'
import { formatDate, plural } from '../format'

/** Row height in pixels: fixed, so the rows in view can be computed from the scroll position. */
const ROW_HEIGHT = 78
const OVERSCAN = 8

interface Props {
  query: LibraryQuery
  onQuery: (q: LibraryQuery) => void
  /** The collection the list is filtered to, if any. */
  collection: Collection | null
  items: ArticleSummary[]
  loading: boolean
  error: string | null
  selected: number | null
  onSelect: (id: number) => void
  marked: number[]
  onMark: (id: number) => void
  onImport: () => void
}

export function LibraryView({ query, onQuery, collection, items, loading, error, selected, onSelect, marked, onMark, onImport }: Props): React.JSX.Element {
  const shown = items
  const scroller = useRef<HTMLUListElement>(null)
  const [view, setView] = useState({ top: 0, height: 800 })
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = (): void => setView({ top: el.scrollTop, height: el.clientHeight })
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [items.length > 0])
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(shown.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN)
  // Keyboard moves can go past the rendered rows: scroll by index, not by element.
  const reveal = (id: number): void => {
    const el = scroller.current
    const i = shown.findIndex((a) => a.id === id)
    if (!el || i < 0) return
    if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT
    else if ((i + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (i + 1) * ROW_HEIGHT - el.clientHeight
  }
  const onKeyDown = listKeyHandler(
    shown.map((a) => a.id),
    selected,
    onSelect,
    reveal
  )

  const bar = (
    <div className="search-bar library-bar">
      {collection ? (
        <span className="chip chip-collection" data-testid="collection-filter">
          {collection.name}
          <button aria-label="Show all articles" onClick={() => onQuery({ ...query, collection: undefined })}>
            ×
          </button>
        </span>
      ) : (
        <span className="result-count">{items.length} articles</span>
      )}
      {collection && (
        <>
          <button className="link" onClick={async () => downloadFile(await api['collections.export']({ id: collection.id, format: 'markdown' }))}>
            Markdown
          </button>
          <button className="link" onClick={async () => downloadFile(await api['collections.export']({ id: collection.id, format: 'json' }))}>
            JSON
          </button>
        </>
      )}
      <TagSelect label="Tag" any="All tags" counts value={query.tag ?? ''} onChange={(tag) => onQuery({ ...query, tag: tag || undefined })} />
      <select aria-label="Sort" value={query.sort ?? 'importedAt'} onChange={(e) => onQuery({ ...query, sort: e.target.value as LibraryQuery['sort'] })}>
        <option value="importedAt">Recently imported</option>
        <option value="publishedAt">Newest published</option>
        <option value="title">Title</option>
        <option value="outlet">Outlet</option>
        <option value="author">Author</option>
        <option value="wordCount">Longest</option>
      </select>
    </div>
  )

  if (error) return <section className="library empty">Could not load the library: {error}</section>
  if (!loading && items.length === 0 && (query.tag || query.collection)) {
    return (
      <section className="library">
        {bar}
        <p className="no-match">No article here yet.</p>
      </section>
    )
  }
  if (!loading && items.length === 0) {
    return (
      <section className="library empty" data-testid="library-empty">
        <h2>Your library is empty</h2>
        <p>Import article files (text, Markdown, saved web pages, PDF, Word, e-mail, or JSON/CSV exports) with the button above, or drop them anywhere on this window.</p>
        <button className="primary" onClick={onImport}>
          Import articles…
        </button>
      </section>
    )
  }
  return (
    <section className="library" aria-label="Articles">
      {bar}
      <ul
        ref={scroller}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        className="article-list virtual"
        role="listbox"
        aria-label="Articles"
        tabIndex={0}
        data-testid="article-list"
        onKeyDown={onKeyDown}
      >
        <li aria-hidden="true" className="spacer" style={{ height: first * ROW_HEIGHT }} />
        {shown.slice(first, last).map((a) => (
          <li
            key={a.id}
            id={`article-${a.id}`}
            style={{ height: ROW_HEIGHT }}
            role="option"
            aria-selected={a.id === selected}
            className={a.id === selected ? 'article-row selected' : 'article-row'}
            onClick={() => onSelect(a.id)}
          >
            <div className="row-title">
              <MarkBox id={a.id} marked={marked} onMark={onMark} />
              {a.title}
            </div>
            <div className="row-meta">
              {[a.outlet, a.author, formatDate(a.publishedAt), plural(a.wordCount, 'word')].filter(Boolean).join(' · ')}
              {a.tags.map((t) => (
                <span key={t} className="row-tag">
                  {t}
                </span>
              ))}
            </div>
          </li>
        ))}
        <li aria-hidden="true" className="spacer" style={{ height: (shown.length - last) * ROW_HEIGHT }} />
      </ul>
    </section>
  )
}
