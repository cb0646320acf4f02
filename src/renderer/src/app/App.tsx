/** The app shell: sidebar, toolbar, the screen the route names, and the panels over it; import by picker or drop. */
import { useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from 'react'
import { DropZone } from '../components/DropZone'
import { ImportPanel } from '../components/ImportPanel'
import { ShortcutHelp } from '../components/ShortcutHelp'
import { SettingsDialog } from '../components/SettingsDialog'
import { useArticles, useCollections, useLibraryTotal } from '../hooks/library'
import { useImport, type ImportState } from '../hooks/useImport'
import { usePreferences } from '../theme'
import { useLibraryModeState } from '../views/library/mode'
import { Dialogs } from './Dialogs'
import { Sidebar } from './Sidebar'
import { initialState, reducer, type Action } from './state'
import { Toast } from './Toast'
import { Toolbar, type ToolbarInputs } from './Toolbar'
import { useGlobalKeys } from './useGlobalKeys'
import { usePanes } from './usePanes'
import { useShellCommands } from './useShellCommands'
import { Workspace } from './Workspace'

/** Whether the notes panel is shown beside the reader: remembered on this machine. */
const NOTES_PANEL_KEY = 'parallax.notesPanel'

export function App(): React.JSX.Element {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState(localStorage.getItem(NOTES_PANEL_KEY) !== 'hidden'))
  useEffect(() => localStorage.setItem(NOTES_PANEL_KEY, state.notesPanel ? 'shown' : 'hidden'), [state.notesPanel])
  const libraryMode = useLibraryModeState()
  const articles = useArticles(state.libraryQuery, libraryMode.settled && !libraryMode.table)
  const collections = useCollections()
  const collectionItems = collections.data?.items ?? []
  const importer = useImport()
  // A folder (picked or dropped) waits for the import dialog's outlet choice; plain files go at once.
  const [pendingFolder, setPendingFolder] = useState<File[] | null>(null)
  const onFiles = (picked: File[], inFolders: boolean): void => (inFolders ? setPendingFolder(picked.length ? picked : null) : importer.start(picked))
  const preferences = usePreferences()
  const search = useRef<HTMLInputElement>(null)
  const files = useRef<HTMLInputElement>(null)
  const folder = useRef<HTMLInputElement>(null)
  const inputs: ToolbarInputs = useMemo(() => ({ search, files, folder }), [])
  useShellCommands(state, dispatch, inputs)
  useGlobalKeys(dispatch, search)
  useOpenFirstImported(importer.state, state.selected, dispatch)
  const total = libraryMode.table ? libraryMode.count! : (articles.data?.total ?? 0)
  const libraryTotal = useLibraryTotal()
  const panes = usePanes()
  const appClass = ['app', panes.sidebar ? '' : 'no-sidebar', panes.list ? '' : 'no-list'].filter(Boolean).join(' ')

  return (
    <DropZone onFiles={onFiles}>
      <div className={appClass}>
        {panes.sidebar && <Sidebar route={state.route} collection={state.libraryQuery.collection} total={libraryTotal} collections={collectionItems} collectionsError={collections.error} dispatch={dispatch} />}
        <main className="workspace">
          <Toolbar inputs={inputs} search={state.search} total={total} marked={state.marked} collections={collectionItems} importer={importer} onFolder={(picked) => onFiles(picked, true)} panes={panes} dispatch={dispatch} />
          <Workspace state={state} dispatch={dispatch} articles={articles} libraryMode={libraryMode} showList={panes.list} collections={collectionItems} onImport={() => files.current?.click()} />
        </main>
      </div>
      <Toast toast={state.toast} onDismiss={() => dispatch({ type: 'toast', toast: null })} />
      {state.help && <ShortcutHelp onClose={() => dispatch({ type: 'closeHelp' })} />}
      {state.settings && <SettingsDialog preferences={preferences} onClose={() => dispatch({ type: 'settings', open: false })} onOutlets={() => dispatch({ type: 'dialog', dialog: 'outlets' })} />}
      <Dialogs state={state} dispatch={dispatch} folder={pendingFolder} onFolderDone={() => setPendingFolder(null)} importer={importer} />
      <ImportPanel state={importer.state} onCancel={importer.cancel} onDismiss={importer.dismiss} onOpen={(id) => dispatch({ type: 'select', id })} />
    </DropZone>
  )
}

/** Opens the first imported article when an import finishes and nothing is open. */
function useOpenFirstImported(state: ImportState, selected: number | null, dispatch: Dispatch<Action>): void {
  const first = state.running || selected !== null ? undefined : state.results.find((r) => r.status === 'imported')?.articleId
  useEffect(() => {
    if (first) dispatch({ type: 'select', id: first })
  }, [first, dispatch])
}
