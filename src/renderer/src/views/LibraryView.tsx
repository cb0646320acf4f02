/**
 * The library list: every article, sortable and filterable, keyboard-navigable; selecting one opens
 * it. Rows have a fixed height and only those in view (plus a margin) are rendered, so the list
 * stays smooth with tens of thousands of articles.
 */
import { useEffect, useRef, useState } from 'react'
import type { ArticleSummary, Collection } from '../../../shared/contract'
import { ArticleRow } from '../components/ArticleRow'
import { listKeyHandler } from '../components/listKeys'
import { formatDate, plural } from '../format'
import type { LibraryQuery } from '../hooks/library'
import { LibraryBar } from './LibraryBar'
import { LibraryTable } from './library/LibraryTable'
import { ModeToggle } from './library/ModeToggle'
import type { LibraryMode } from './library/mode'

/** Row height in pixels: fixed, so the rows in view can be computed from the scroll position. */
const ROW_HEIGHT = 78
const OVERSCAN = 8

/** What the list rows need: the articles, which one is open, which are ticked. */
export interface ListProps {
  items: ArticleSummary[]
  selected: number | null
  onSelect: (id: number) => void
  marked: number[]
  onMark: (id: number) => void
}

interface Props extends ListProps {
  query: LibraryQuery
  onQuery: (q: LibraryQuery) => void
  /** The collection the list is filtered to, if any. */
  collection: Collection | null
  /** Articles the list holds in all (it may load fewer). */
  total: number
  loading: boolean
  error: string | null
  onImport: () => void
  mode: LibraryMode
  onMode: (m: LibraryMode) => void
  /** Articles in the whole library: past a size the cards list is not offered. */
  libraryCount: number
  /** Show the table (the list's items are then not loaded). */
  table: boolean
  /** The search box's text: in table mode it filters the table. */
  search: string
  onSetMarks: (ids: number[]) => void
}

export function LibraryView({ query, onQuery, collection, total, loading, error, onImport, mode, onMode, libraryCount, table, search, onSetMarks, ...list }: Props): React.JSX.Element {
  const toggle = <ModeToggle mode={mode} onMode={onMode} total={libraryCount} />
  const bar = <LibraryBar query={query} onQuery={onQuery} collection={collection} count={total} extra={toggle} tableMode={table} />
  if (error) return <section className="library empty">Could not load the library: {error}</section>
  if (table) {
    const outer = { collection: query.collection, tag: query.tag, q: search.trim() || undefined }
    return (
      <section className="library table-mode" aria-label="Articles">
        {bar}
        <LibraryTable outer={outer} selected={list.selected} onOpen={list.onSelect} marked={list.marked} onMark={list.onMark} onSetMarks={onSetMarks} />
      </section>
    )
  }
  if (!loading && list.items.length === 0 && (query.tag || query.collection)) {
    return (
      <section className="library">
        {bar}
        <p className="no-match">No article here yet.</p>
      </section>
    )
  }
  if (!loading && list.items.length === 0) {
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
      <VirtualList {...list} />
    </section>
  )
}

/** The rows in view, between two spacers that keep the scroll height of the whole list. */
function VirtualList({ items, selected, onSelect, marked, onMark }: ListProps): React.JSX.Element {
  const scroller = useRef<HTMLUListElement>(null)
  const [view, setView] = useState({ top: 0, height: 800 })
  // The list element exists once there are items: measure it then.
  const hasItems = items.length > 0
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = (): void => setView({ top: el.scrollTop, height: el.clientHeight })
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [hasItems])
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN)
  // Keyboard moves can go past the rendered rows: scroll by index, not by element.
  const reveal = (id: number): void => {
    const el = scroller.current
    const i = items.findIndex((a) => a.id === id)
    if (!el || i < 0) return
    if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT
    else if ((i + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (i + 1) * ROW_HEIGHT - el.clientHeight
  }
  const onKeyDown = listKeyHandler(
    items.map((a) => a.id),
    selected,
    onSelect,
    reveal
  )
  return (
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
      {items.slice(first, last).map((a) => (
        <ArticleRow key={a.id} id={a.id} domId={`article-${a.id}`} title={a.title} selected={a.id === selected} marked={marked} onMark={onMark} onSelect={onSelect} style={{ height: ROW_HEIGHT }}>
          <div className="row-meta">
            <span className="row-meta-text">{[a.outlet, a.author, formatDate(a.publishedAt), a.wordCount === 0 ? 'metadata only' : plural(a.wordCount, 'word')].filter(Boolean).join(' · ')}</span>
            {a.tags.map((t) => (
              <span key={t} className="row-tag">
                {t}
              </span>
            ))}
          </div>
        </ArticleRow>
      ))}
      <li aria-hidden="true" className="spacer" style={{ height: (items.length - last) * ROW_HEIGHT }} />
    </ul>
  )
}
