/** The bar over the library list: the collection shown (with its exports), tag filter and sort. */
import type { Collection } from '../../../shared/contract'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { CiteButton } from '../components/CiteDialog'
import { TagSelect } from '../components/FilterSelects'
import { plural } from '../format'
import type { LibraryQuery } from '../hooks/library'

const SORTS: [NonNullable<LibraryQuery['sort']>, string][] = [
  ['importedAt', 'Recently imported'],
  ['publishedAt', 'Newest published'],
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['wordCount', 'Longest']
]

interface Props {
  query: LibraryQuery
  onQuery: (q: LibraryQuery) => void
  collection: Collection | null
  count: number
  /** More controls at the end of the bar (the cards/table switch). */
  extra?: React.ReactNode
  /** The table sorts by its headers and counts its rows itself: no sort menu or count then. */
  tableMode?: boolean
}

export function LibraryBar({ query, onQuery, collection, count, extra, tableMode }: Props): React.JSX.Element {
  const exportAs = async (id: number, format: 'markdown' | 'json'): Promise<void> => downloadFile(await api['collections.export']({ id, format }))
  return (
    <div className="search-bar library-bar">
      {collection ? (
        <>
          <span className="chip chip-collection" data-testid="collection-filter">
            {collection.name}
            <button aria-label="Show all articles" onClick={() => onQuery({ ...query, collection: undefined })}>
              ×
            </button>
          </span>
          <button className="link" onClick={() => void exportAs(collection.id, 'markdown')}>
            Markdown
          </button>
          <button className="link" onClick={() => void exportAs(collection.id, 'json')}>
            JSON
          </button>
          <CiteButton target={{ collection: collection.id }} />
        </>
      ) : (
        !tableMode && <span className="result-count">{plural(count, 'article')}</span>
      )}
      <TagSelect label="Tag" any="All tags" counts value={query.tag ?? ''} onChange={(tag) => onQuery({ ...query, tag: tag || undefined })} />
      {!tableMode && (
        <select aria-label="Sort" value={query.sort ?? 'importedAt'} onChange={(e) => onQuery({ ...query, sort: e.target.value as LibraryQuery['sort'] })}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
      {extra}
    </div>
  )
}
