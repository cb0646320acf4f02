/** The library list: every article, newest import first, keyboard-navigable; selecting one opens it. */
import type { ArticleSummary } from '../../../shared/contract'
import { listKeyHandler } from '../components/listKeys'
import { MarkBox } from '../components/MarkBox'
import { formatDate, plural } from '../format'

interface Props {
  items: ArticleSummary[]
  loading: boolean
  error: string | null
  selected: number | null
  onSelect: (id: number) => void
  marked: number[]
  onMark: (id: number) => void
  onImport: () => void
}

export function LibraryView({ items, loading, error, selected, onSelect, marked, onMark, onImport }: Props): React.JSX.Element {
  const shown = items
  const onKeyDown = listKeyHandler(
    shown.map((a) => a.id),
    selected,
    onSelect,
    (id) => `article-${id}`
  )

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
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
