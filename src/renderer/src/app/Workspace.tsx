/** The screen the route names: notes, stories, a comparison, or the library (or search results) beside the reader. */
import type { Dispatch } from 'react'
import type { Collection, Result } from '../../../shared/contract'
import type { ApiQuery } from '../hooks/useApiQuery'
import { CompareView } from '../views/CompareView'
import { LibraryOverview } from '../views/LibraryOverview'
import { LibraryView } from '../views/LibraryView'
import type { LibraryModeState } from '../views/library/mode'
import { NotesView } from '../views/NotesView'
import { ReaderView } from '../views/ReaderView'
import { SearchView } from '../views/SearchView'
import { StoriesView } from '../views/StoriesView'
import type { Action, AppState } from './state'

interface Props {
  state: AppState
  dispatch: Dispatch<Action>
  articles: ApiQuery<Result<'articles.list'>>
  libraryMode: LibraryModeState
  collections: Collection[]
  /** False: the article list is folded away, the reader takes the room. */
  showList: boolean
  onImport: () => void
}

export function Workspace({ state, dispatch, articles, libraryMode, collections, showList, onImport }: Props): React.JSX.Element {
  const { route, selected, marked } = state
  const open = (id: number): void => dispatch({ type: 'open', id })
  const compare = (ids: number[]): void => dispatch({ type: 'compare', ids })
  if (route.page === 'notes') return <NotesView onOpen={open} />
  if (route.page === 'stories') return <StoriesView onCompare={compare} onOpen={open} />
  if (route.page === 'compare') {
    return (
      <CompareView
        key={route.session}
        ids={route.ids}
        versions={route.versions ?? null}
        saved={route.saved}
        onSaved={(saved) => dispatch({ type: 'comparisonSaved', saved })}
        onClose={() => dispatch({ type: 'closeComparison' })}
        onOpen={open}
        onCompare={compare}
      />
    )
  }
  const select = (id: number): void => dispatch({ type: 'select', id })
  const mark = (id: number): void => dispatch({ type: 'toggleMark', id })
  const searching = state.search.trim() !== ''
  // In table mode the search box filters the table (with the facets) instead of listing hits.
  const { table } = libraryMode
  return (
    <div className={['split', searching && !table ? 'searching' : '', table ? 'table-mode' : '', showList ? '' : 'no-list'].filter(Boolean).join(' ')}>
      {searching && !table ? (
        <SearchView query={state.search} options={state.searchOptions} onOptions={(options) => dispatch({ type: 'searchOptions', options })} selected={selected} onSelect={select} marked={marked} onMark={mark} />
      ) : (
        <LibraryView
          query={state.libraryQuery}
          onQuery={(query) => dispatch({ type: 'libraryQuery', query })}
          collection={collections.find((c) => c.id === state.libraryQuery.collection) ?? null}
          total={articles.data?.total ?? 0}
          items={articles.data?.items ?? []}
          loading={articles.loading}
          error={articles.error}
          selected={selected}
          onSelect={select}
          marked={marked}
          onMark={mark}
          onImport={onImport}
          mode={libraryMode.mode}
          onMode={libraryMode.setMode}
          libraryCount={libraryMode.count ?? 0}
          table={table}
          search={state.search}
          onSetMarks={(ids) => dispatch({ type: 'setMarks', ids })}
        />
      )}
      {selected === null ? (
        <LibraryOverview onOpen={select} onImport={onImport} />
      ) : (
        <ReaderView id={selected} onOpen={select} highlight={searching ? state.search : null} onCompare={compare} onCompareVersions={(id, versions) => dispatch({ type: 'compareVersions', id, versions })} showNotes={state.notesPanel} />
      )}
    </div>
  )
}
