/** The toolbar over the workspace: pane toggles, the search box, what to do with the ticked articles, and import; narrow windows fold the less used buttons into a menu. */
import type { Dispatch, RefObject } from 'react'
import type { Collection } from '../../../shared/contract'
import { PICKER_ACCEPT } from '../../../shared/formats'
import { api } from '../api/client'
import { CiteButton } from '../components/CiteDialog'
import { OverflowMenu } from '../components/OverflowMenu'
import { QueryHelp } from '../components/QueryHelp'
import { plural } from '../format'
import type { Importer } from '../hooks/useImport'
import { NARROW, useMediaQuery } from '../hooks/useMediaQuery'
import type { Panes } from './usePanes'
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
  /** A folder was chosen: its files, for the folder import dialog. */
  onFolder: (files: File[]) => void
  panes: Panes
  dispatch: Dispatch<Action>
}

export function Toolbar({ inputs, search, total, marked, collections, importer, onFolder, panes, dispatch }: Props): React.JSX.Element {
  const narrow = useMediaQuery(NARROW)
  return (
    <header className="toolbar">
      <PaneToggles panes={panes} />
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
      {marked.length > 0 && <CompareButton marked={marked} dispatch={dispatch} />}
      {marked.length > 0 && !narrow && <MarkedActions marked={marked} collections={collections} dispatch={dispatch} />}
      <ImportButtons inputs={inputs} importer={importer} onFolder={onFolder} folder={!narrow} />
      {narrow && (
        <OverflowMenu label="More actions">
          <button role="menuitem" onClick={() => inputs.folder.current?.click()} disabled={importer.state.running}>
            Import a folder…
          </button>
          {marked.length > 0 && <MarkedActions marked={marked} collections={collections} dispatch={dispatch} asMenu />}
        </OverflowMenu>
      )}
    </header>
  )
}

/** Show or hide the sidebar and the article list, to give the reader or a comparison the room. */
function PaneToggles({ panes }: { panes: Panes }): React.JSX.Element {
  return (
    <div className="pane-toggles">
      <button className="icon-button" aria-label={panes.sidebar ? 'Hide the sidebar' : 'Show the sidebar'} aria-pressed={panes.sidebar} onClick={() => panes.toggle('sidebar')}>
        ☰
      </button>
      <button className="icon-button" aria-label={panes.list ? 'Hide the list' : 'Show the list'} aria-pressed={panes.list} onClick={() => panes.toggle('list')}>
        ▤
      </button>
    </div>
  )
}

function CompareButton({ marked, dispatch }: Pick<Props, 'marked' | 'dispatch'>): React.JSX.Element {
  return (
    <button
      className="primary"
      data-testid="compare-button"
      disabled={!canCompare(marked)}
      title={marked.length < 2 ? 'Tick at least 2 articles' : marked.length > 6 ? 'At most 6 articles' : ''}
      onClick={() => dispatch({ type: 'compare', ids: marked })}
    >
      Compare {marked.length}
    </button>
  )
}

/** Collect, delete or clear the ticked articles: toolbar controls, or items of the overflow menu. */
function MarkedActions({ marked, collections, dispatch, asMenu = false }: Pick<Props, 'marked' | 'collections' | 'dispatch'> & { asMenu?: boolean }): React.JSX.Element {
  const remove = async (): Promise<void> => {
    // The deleted articles' own archive (notes, tags, collections) makes the undo.
    const snapshot = (await api['archive.export']({ ids: marked })).content
    await api['articles.delete']({ ids: marked })
    dispatch({ type: 'toast', toast: { message: `${plural(marked.length, 'article')} deleted`, undoArchive: snapshot } })
    dispatch({ type: 'deleted', ids: marked })
  }
  const addTo = (id: number): void => void api['collections.add']({ id, articleIds: marked })
  const role = asMenu ? 'menuitem' : undefined
  return (
    <>
      {asMenu ? (
        collections.map((c) => (
          <button key={c.id} role={role} onClick={() => addTo(c.id)}>
            Add to {c.name}
          </button>
        ))
      ) : (
        <select aria-label="Add ticked articles to a collection" value="" onChange={(e) => e.target.value && addTo(Number(e.target.value))}>
          <option value="">Add to collection…</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
      {/* A dialog cannot live in the overflow menu, which closes on every click. */}
      {!asMenu && <CiteButton target={{ ids: marked }} />}
      <button role={role} data-testid="edit-ticked" title="Set outlet, author or language, or add a tag (e)" onClick={() => dispatch({ type: 'dialog', dialog: 'bulkEdit' })}>
        Edit…
      </button>
      <button role={role} data-testid="delete-ticked" onClick={() => void remove()}>
        Delete
      </button>
      <button role={role} onClick={() => dispatch({ type: 'clearMarks' })}>
        Clear
      </button>
    </>
  )
}

/** The import buttons and the hidden pickers behind them (files, or a whole folder). */
function ImportButtons({ inputs, importer, onFolder, folder }: { inputs: ToolbarInputs; importer: Importer; onFolder: (files: File[]) => void; folder: boolean }): React.JSX.Element {
  const pick = (to: (files: File[]) => void) => (e: React.ChangeEvent<HTMLInputElement>): void => {
    to(Array.from(e.target.files ?? []))
    e.target.value = ''
  }
  return (
    <>
      <button className="primary" onClick={() => inputs.files.current?.click()} disabled={importer.state.running}>
        Import…
      </button>
      {folder && (
        <button onClick={() => inputs.folder.current?.click()} disabled={importer.state.running} title="Import every article file in a folder and its subfolders">
          Folder…
        </button>
      )}
      {/* The native folder chooser; every file under the folder, with its path in it. */}
      <input ref={inputs.folder} type="file" hidden data-testid="folder-input" {...{ webkitdirectory: '' }} onChange={pick(onFolder)} />
      <input ref={inputs.files} type="file" multiple hidden data-testid="file-input" accept={PICKER_ACCEPT} onChange={pick((files) => importer.start(files))} />
    </>
  )
}
