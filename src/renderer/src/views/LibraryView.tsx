/** The library list: every article, newest import first, keyboard-navigable; selecting one opens it. */
import type { ArticleSummary } from '../../../shared/contract'
import { formatDate, plural } from '../format'

interface Props {
  items: ArticleSummary[]
  loading: boolean
  error: string | null
  selected: number | null
  onSelect: (id: number) => void
  onImport: () => void
}

export function LibraryView({ items, loading, error, selected, onSelect, onImport }: Props): React.JSX.Element {
  const shown = items

  const move = (delta: number): void => {
    const i = shown.findIndex((a) => a.id === selected)
    const next = shown[Math.max(0, Math.min(shown.length - 1, i + delta))]
    if (next) {
      onSelect(next.id)
      document.getElementById(`article-${next.id}`)?.scrollIntoView({ block: 'nearest' })
    }
  }

  if (error) return <section className="library empty">Could not load the library: {error}</section>
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
      <ul
        className="article-list"
        role="listbox"
        aria-label="Articles"
        tabIndex={0}
        data-testid="article-list"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'j') move(1)
          else if (e.key === 'ArrowUp' || e.key === 'k') move(-1)
          else return
          e.preventDefault()
        }}
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
            <div className="row-title">{a.title}</div>
            <div className="row-meta">
              {[a.outlet, formatDate(a.publishedAt), plural(a.wordCount, 'word')].filter(Boolean).join(' · ')}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
