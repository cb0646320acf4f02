/** The library list: every article, newest import first, keyboard-navigable; selecting one opens it. */
import type { ArticleSummary, Collection } from '../../../shared/contract'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { useTags, type LibraryQuery } from '../hooks'
import { listKeyHandler } from '../components/listKeys'
import { MarkBox } from '../components/MarkBox'
import { formatDate, plural } from '../format'

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
  const tags = useTags()
  const shown = items
  const onKeyDown = listKeyHandler(
    shown.map((a) => a.id),
    selected,
    onSelect,
    (id) => `article-${id}`
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
      <select aria-label="Tag" value={query.tag ?? ''} onChange={(e) => onQuery({ ...query, tag: e.target.value || undefined })}>
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({t.count})
          </option>
        ))}
      </select>
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
        className="article-list"
        role="listbox"
        aria-label="Articles"
        tabIndex={0}
        data-testid="article-list"
        onKeyDown={onKeyDown}
      >
        {shown.map((a) => (
          <li
            key={a.id}
            id={`article-${a.id}`}
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
              {[a.outlet, formatDate(a.publishedAt), plural(a.wordCount, 'word')].filter(Boolean).join(' · ')}
              {a.tags.map((t) => (
                <span key={t} className="row-tag">
                  {t}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
