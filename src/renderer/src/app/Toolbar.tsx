/** The toolbar over the workspace: the search box, what to do with the ticked articles, and import. */
import type { Dispatch, RefObject } from 'react'
import type { Collection } from '../../../shared/contract'
import { PICKER_ACCEPT } from '../../../shared/formats'
import { api } from '../api/client'
import { QueryHelp } from '../components/QueryHelp'
import { plural } from '../format'
import type { Importer } from '../hooks/useImport'
import { canCompare, type Action } from './state'

/** The inputs the menu and shortcuts reach: the search box and the hidden file and folder pickers. */
export interface ToolbarInputs {
  search: RefObject<HTMLInputElement | null>
  files: RefObject<HTMLInputElement | null>
  folder: RefObject<HTMLInputElement | null>
}

interface Props {
  inputs: ToolbarInputs
  search: string
  total: number
  marked: number[]
  collections: Collection[]
  importer: Importer
  dispatch: Dispatch<Action>
}

export function Toolbar({ inputs, search, total, marked, collections, importer, dispatch }: Props): React.JSX.Element {
  return (
    <header className="toolbar">
      <input
        ref={inputs.search}
        className="filter"
        type="search"
        placeholder="Search the library   ( / )"
        aria-label="Search the library"
        data-testid="search-box"
        value={search}
        onChange={(e) => dispatch({ type: 'search', text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            document.querySelector<HTMLElement>('[data-testid=search-results]')?.focus()
          }
        }}
      />
      <QueryHelp />
      <span className="toolbar-info">{plural(total, 'article')}</span>
      {marked.length > 0 && <MarkedActions marked={marked} collections={collections} dispatch={dispatch} />}
      <ImportButtons inputs={inputs} importer={importer} />
    </header>
  )
}

/** Compare, collect, delete or clear the ticked articles. */
function MarkedActions({ marked, collections, dispatch }: Pick<Props, 'marked' | 'collections' | 'dispatch'>): React.JSX.Element {
  const remove = async (): Promise<void> => {
    // The deleted articles' own archive (notes, tags, collections) makes the undo.
    const snapshot = (await api['library.exportArchive']({ ids: marked })).content
    await api['articles.delete']({ ids: marked })
    dispatch({ type: 'toast', toast: { message: `${marked.length} article${marked.length === 1 ? '' : 's'} deleted`, undoArchive: snapshot } })
    dispatch({ type: 'deleted', ids: marked })
  }
  return (
    <>
      <button
        className="primary"
        data-testid="compare-button"
        disabled={!canCompare(marked)}
        title={marked.length < 2 ? 'Tick at least 2 articles' : marked.length > 6 ? 'At most 6 articles' : ''}
        onClick={() => dispatch({ type: 'compare', ids: marked })}
      >
        Compare {marked.length}
      </button>
      <select
        aria-label="Add ticked articles to a collection"
        value=""
        onChange={(e) => {
          if (e.target.value) void api['collections.add']({ id: Number(e.target.value), articleIds: marked })
        }}
      >
        <option value="">Add to collection…</option>
        {collections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <button data-testid="delete-ticked" onClick={() => void remove()}>
        Delete
      </button>
      <button onClick={() => dispatch({ type: 'clearMarks' })}>Clear</button>
    </>
  )
}

/** The import buttons and the hidden pickers behind them (files, or a whole folder). */
function ImportButtons({ inputs, importer }: { inputs: ToolbarInputs; importer: Importer }): React.JSX.Element {
  const pick = (e: React.ChangeEvent<HTMLInputElement>): void => {
    importer.start(Array.from(e.target.files ?? []))
    e.target.value = ''
  }
  return (
    <>
      <button className="primary" onClick={() => inputs.files.current?.click()} disabled={importer.state.running}>
        Import…
      </button>
      <button onClick={() => inputs.folder.current?.click()} disabled={importer.state.running} title="Import every article file in a folder and its subfolders">
        Folder…
      </button>
      {/* The native folder chooser; every file under the folder, with its path in it. */}
      <input ref={inputs.folder} type="file" hidden data-testid="folder-input" {...{ webkitdirectory: '' }} onChange={pick} />
      <input ref={inputs.files} type="file" multiple hidden data-testid="file-input" accept={PICKER_ACCEPT} onChange={pick} />
    </>
  )
}
