/** The sidebar: the screens, the collections and saved comparisons, archive actions, the search status. */
import type { Dispatch } from 'react'
import type { Collection } from '../../../shared/contract'
import { api } from '../api/client'
import { LoadError } from '../components/LoadError'
import { SearchStatusLine } from '../components/SearchStatusLine'
import { useSavedComparisons } from '../hooks/library'
import { formatCount } from '../format'
import { ArchiveActions } from './ArchiveActions'
import type { Action, Route } from './state'

interface Props {
  route: Route
  /** The collection the library is filtered to, if any. */
  collection: number | undefined
  /** Articles in the whole library (not the collection shown). */
  total: number
  collections: Collection[]
  collectionsError: string | null
  dispatch: Dispatch<Action>
}

const navClass = (active: boolean): string => (active ? 'nav-item active' : 'nav-item')

export function Sidebar({ route, collection, total, collections, collectionsError, dispatch }: Props): React.JSX.Element {
  const page = route.page
  return (
    <aside className="sidebar" aria-label="Navigation">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span>Parallax</span>
      </div>
      <nav>
        <a className={navClass(page === 'library' && !collection)} aria-current={page === 'library' ? 'page' : undefined} onClick={() => dispatch({ type: 'showCollection', collection: undefined })}>
          <span>Library</span>
          <span className="count" data-testid="library-count">
            {formatCount(total)}
          </span>
        </a>
        <a className={navClass(page === 'stories')} onClick={() => dispatch({ type: 'go', page: 'stories' })}>
          <span>Stories</span>
        </a>
        <a className={navClass(page === 'notes')} onClick={() => dispatch({ type: 'go', page: 'notes' })}>
          <span>Notes</span>
        </a>
      </nav>
      <LoadError what="Could not load the collections" error={collectionsError} />
      {collections.length > 0 && (
        <nav className="saved" aria-label="Collections" data-testid="collections">
          <h2>Collections</h2>
          {collections.map((c) => (
            <a key={c.id} className={navClass(page === 'library' && collection === c.id)} onClick={() => dispatch({ type: 'showCollection', collection: c.id })}>
              <span className="saved-title">{c.name}</span>
              <span className="count">{formatCount(c.count)}</span>
            </a>
          ))}
        </nav>
      )}
      <SavedComparisons route={route} dispatch={dispatch} />
      <div className="sidebar-footer">
        <ArchiveActions dispatch={dispatch} />
        <SearchStatusLine />
        <span className={`mode mode-${api.transport}`}>{api.transport === 'ipc' ? 'Desktop' : 'Browser mode'}</span>
      </div>
    </aside>
  )
}

function SavedComparisons({ route, dispatch }: { route: Route; dispatch: Dispatch<Action> }): React.JSX.Element | null {
  const saved = useSavedComparisons()
  const items = saved.data?.items ?? []
  const open = route.page === 'compare' ? route.saved?.id : undefined
  if (saved.error) return <LoadError what="Could not load the saved comparisons" error={saved.error} />
  if (items.length === 0) return null
  return (
    <nav className="saved" aria-label="Saved comparisons" data-testid="saved-comparisons">
      <h2>Comparisons</h2>
      {items.map((s) => (
        <a key={s.id} className={navClass(open === s.id)} title={s.title} onClick={() => dispatch({ type: 'compare', ids: s.articleIds, saved: s })}>
          <span className="saved-title">{s.title}</span>
        </a>
      ))}
    </nav>
  )
}
