/** The app shell: sidebar, toolbar, the library list beside the reader, import by picker or drop. */
import { useEffect, useRef, useState } from 'react'
import { api } from './api/client'
import { DropZone } from './components/DropZone'
import { ImportPanel } from './components/ImportPanel'
import { useArticles, useImport } from './hooks'
import { LibraryView } from './views/LibraryView'
import { ReaderView } from './views/ReaderView'
import { NO_OPTIONS, SearchView, type SearchOptions } from './views/SearchView'
import { CompareView } from './views/CompareView'
import { StoriesView } from './views/StoriesView'
import { NotesView } from './views/NotesView'
import type { SavedComparison } from '../../shared/contract'
import { useCollections, useSavedComparisons, type LibraryQuery } from './hooks'
import { downloadFile } from './download'
import { ShortcutHelp } from './components/ShortcutHelp'
import { QueryHelp } from './components/QueryHelp'
import { SearchStatusLine } from './components/SearchStatusLine'
import { plural } from './format'
import { SettingsDialog } from './components/SettingsDialog'
import { usePreferences } from './theme'

/** What the file picker offers: every format an importer reads. */
const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx,.eml,.json,.ndjson,.jsonl,.csv,.tsv'

export function App(): React.JSX.Element {
  const [libQuery, setLibQuery] = useState<LibraryQuery>({})
  const { items, total, loading, error } = useArticles(libQuery)
  const collections = useCollections()
  const [undo, setUndo] = useState<{ label: string; snapshot: string } | null>(null)
  const [help, setHelp] = useState(false)
  const archiveInput = useRef<HTMLInputElement>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [query, setQuery] = useState('')
  const [options, setOptions] = useState<SearchOptions>(NO_OPTIONS)
  const searchBox = useRef<HTMLInputElement>(null)
  const searching = query.trim() !== ''
  // Articles ticked for comparison (2-6), and the comparison open, if any.
  const [marked, setMarked] = useState<number[]>([])
  const [comparing, setComparing] = useState<number[] | null>(null)
  const [openSaved, setOpenSaved] = useState<SavedComparison | null>(null)
  const [showStories, setShowStories] = useState(false)
  const [showNotes, setShowNotes] = useState(false)
  const page = comparing ? 'compare' : showStories ? 'stories' : showNotes ? 'notes' : 'library'
  const go = (to: 'library' | 'stories' | 'notes'): void => {
    setComparing(null)
    setShowStories(to === 'stories')
    setShowNotes(to === 'notes')
  }
  const saved = useSavedComparisons()
  // Each opening of a comparison is a fresh view; saving inside it keeps the view.
  const [session, setSession] = useState(0)
  const compare = (ids: number[], s: SavedComparison | null = null): void => {
    setShowStories(false)
    setShowNotes(false)
    setOpenSaved(s)
    setComparing(ids)
    setSession((n) => n + 1)
  }
  const toggleMark = (id: number): void => setMarked((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id]))
  const importer = useImport()
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const [prefs, updatePrefs] = usePreferences()
  const [settings, setSettings] = useState(false)
  // The notes panel beside the reader (Toggle Notes); remembered on this machine.
  const [notesPanel, setNotesPanel] = useState(() => localStorage.getItem('parallax.notesPanel') !== 'hidden')
  useEffect(() => localStorage.setItem('parallax.notesPanel', notesPanel ? 'shown' : 'hidden'), [notesPanel])

  // The menu's commands (desktop); the same state is read through a ref, so one subscription serves.
  const commandState = useRef({ page, comparing, selected, marked })
  commandState.current = { page, comparing, selected, marked }
  useEffect(
    () =>
      api.on('shell.command', ({ name }) => {
        const { comparing: ids, selected: open, marked: ticked } = commandState.current
        switch (name) {
          case 'import-files':
            return fileInput.current?.click()
          case 'import-folder':
            return folderInput.current?.click()
          case 'find':
            return searchBox.current?.focus()
          case 'compare-selected':
            if (ticked.length >= 2 && ticked.length <= 6) compare(ticked)
            else setUndo({ label: 'Tick 2 to 6 articles in the list to compare them.', snapshot: '' })
            return
          case 'toggle-notes':
            return setNotesPanel((v) => !v)
          case 'settings':
            return setSettings(true)
          case 'export':
            // What is on screen: the comparison's report, the article's notes, else the whole library.
            return void (
              ids
                ? api['compare.report']({ ids, format: 'markdown' })
                : open !== null
                  ? api['notes.export']({ articleId: open })
                  : api['library.exportArchive']({})
            ).then(downloadFile, (err: Error) => setUndo({ label: `Export failed: ${err.message}`, snapshot: '' }))
        }
      }),
    // compare() only sets state; the subscription lives as long as the app.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  )

  // "/" (or Ctrl/Cmd+F) focuses the search box from anywhere but a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement
      if ((e.key === '/' && !typing) || (e.key === 'f' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault()
        searchBox.current?.focus()
      }
      if (e.key === 'Escape' && e.target === searchBox.current) setQuery('')
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === '?') setHelp((h) => !h)
      if (e.key === 'Escape') setHelp(false)
      if (e.key === 'j' || e.key === 'k') {
        // Next or previous article of the list on screen.
        const rows = [...document.querySelectorAll<HTMLElement>('.library [role=option]')]
        const i = rows.findIndex((r) => r.getAttribute('aria-selected') === 'true')
        const next = rows[Math.max(0, Math.min(rows.length - 1, i + (e.key === 'j' ? 1 : -1)))]
        if (next) next.click()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])


  // Open the first imported article when an import finishes and nothing is open.
  useEffect(() => {
    if (importer.state.running || selected !== null) return
    const first = importer.state.results.find((r) => r.status === 'imported')
    if (first?.articleId) setSelected(first.articleId)
  }, [importer.state.running, importer.state.results, selected])

  return (
    <DropZone onFiles={importer.start}>
      <div className="app">
        <aside className="sidebar" aria-label="Navigation">
          <div className="brand">
            <img src="./icon.svg" alt="" width={28} height={28} />
            <span>Parallax</span>
          </div>
          <nav>
            <a
              className={page === 'library' && !libQuery.collection ? 'nav-item active' : 'nav-item'}
              aria-current={page === 'library' ? 'page' : undefined}
              onClick={() => {
                go('library')
                setLibQuery((q) => ({ ...q, collection: undefined }))
              }}
            >
              <span>Library</span>
              <span className="count" data-testid="library-count">
                {total}
              </span>
            </a>
            <a className={page === 'stories' ? 'nav-item active' : 'nav-item'} onClick={() => go('stories')}>
              <span>Stories</span>
            </a>
            <a className={page === 'notes' ? 'nav-item active' : 'nav-item'} onClick={() => go('notes')}>
              <span>Notes</span>
            </a>
          </nav>
          {collections.length > 0 && (
            <nav className="saved" aria-label="Collections" data-testid="collections">
              <h2>Collections</h2>
              {collections.map((c) => (
                <a
                  key={c.id}
                  className={page === 'library' && libQuery.collection === c.id ? 'nav-item active' : 'nav-item'}
                  onClick={() => {
                    go('library')
                    setQuery('')
                    setLibQuery((q) => ({ ...q, collection: c.id }))
                  }}
                >
                  <span className="saved-title">{c.name}</span>
                  <span className="count">{c.count}</span>
                </a>
              ))}
            </nav>
          )}
          {saved.length > 0 && (
            <nav className="saved" aria-label="Saved comparisons" data-testid="saved-comparisons">
              <h2>Comparisons</h2>
              {saved.map((s) => (
                <a key={s.id} className={openSaved?.id === s.id && comparing ? 'nav-item active' : 'nav-item'} title={s.title} onClick={() => compare(s.articleIds, s)}>
                  <span className="saved-title">{s.title}</span>
                </a>
              ))}
            </nav>
          )}
          <div className="sidebar-footer">
            <div className="archive-actions">
              <button className="link" onClick={async () => downloadFile(await api['library.exportArchive']({}))}>
                Export library
              </button>
              <button className="link" onClick={() => archiveInput.current?.click()}>
                Import archive
              </button>
              <button className="link" data-testid="open-settings" onClick={() => setSettings((v) => !v)}>
                Settings
              </button>
              <input
                ref={archiveInput}
                type="file"
                hidden
                accept=".json,application/json"
                data-testid="archive-input"
                onChange={async (e) => {
                  const file = e.target.files?.[0]
                  e.target.value = ''
                  if (!file) return
                  try {
                    const r = await api['library.importArchive']({ content: await file.text() })
                    setUndo({ label: `Archive imported: ${r.articles} articles, ${r.notes} notes, ${r.duplicates} already here`, snapshot: '' })
                  } catch (err) {
                    setUndo({ label: (err as Error).message, snapshot: '' })
                  }
                }}
              />
            </div>
            <SearchStatusLine />
            <span className={`mode mode-${api.transport}`}>{api.transport === 'ipc' ? 'Desktop' : 'Browser mode'}</span>
          </div>
        </aside>

        <main className="workspace">
          <header className="toolbar">
            <input
              ref={searchBox}
              className="filter"
              type="search"
              placeholder="Search the library   ( / )"
              aria-label="Search the library"
              data-testid="search-box"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault()
                  ;(document.querySelector('[data-testid=search-results]') as HTMLElement | null)?.focus()
                }
              }}
            />
            <QueryHelp />
            <span className="toolbar-info">{plural(total, 'article')}</span>
            {marked.length > 0 && (
              <>
                <button
                  className="primary"
                  data-testid="compare-button"
                  disabled={marked.length < 2 || marked.length > 6}
                  title={marked.length < 2 ? 'Tick at least 2 articles' : marked.length > 6 ? 'At most 6 articles' : ''}
                  onClick={() => compare(marked)}
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
                <button
                  data-testid="delete-ticked"
                  onClick={async () => {
                    // The deleted articles' own archive (notes, tags, collections) makes the undo.
                    const snapshot = (await api['library.exportArchive']({ ids: marked })).content
                    await api['articles.delete']({ ids: marked })
                    setUndo({ label: `${marked.length} article${marked.length === 1 ? '' : 's'} deleted`, snapshot })
                    if (selected !== null && marked.includes(selected)) setSelected(null)
                    setMarked([])
                  }}
                >
                  Delete
                </button>
                <button onClick={() => setMarked([])}>Clear</button>
              </>
            )}
            <button className="primary" onClick={() => fileInput.current?.click()} disabled={importer.state.running}>
              Import…
            </button>
            <button onClick={() => folderInput.current?.click()} disabled={importer.state.running} title="Import every article file in a folder and its subfolders">
              Folder…
            </button>
            <input
              ref={folderInput}
              type="file"
              hidden
              data-testid="folder-input"
              // The native folder chooser; every file under the folder, with its path in it.
              {...{ webkitdirectory: '' }}
              onChange={(e) => {
                importer.start(Array.from(e.target.files ?? []))
                e.target.value = ''
              }}
            />
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              data-testid="file-input"
              accept={ACCEPT}
              onChange={(e) => {
                importer.start(Array.from(e.target.files ?? []))
                e.target.value = ''
              }}
            />
          </header>

          {page === 'notes' ? (
            <NotesView
              onOpen={(id) => {
                go('library')
                setSelected(id)
              }}
            />
          ) : page === 'stories' ? (
            <StoriesView
              onCompare={(ids) => compare(ids)}
              onOpen={(id) => {
                setShowStories(false)
                setSelected(id)
              }}
            />
          ) : comparing ? (
            <CompareView
              key={session}
              ids={comparing}
              saved={openSaved}
              onSaved={setOpenSaved}
              onClose={() => setComparing(null)}
              onOpen={(id) => {
                setComparing(null)
                setSelected(id)
              }}
            />
          ) : (
            <div className="split">
              {searching ? (
                <SearchView query={query} options={options} onOptions={setOptions} selected={selected} onSelect={setSelected} marked={marked} onMark={toggleMark} />
              ) : (
                <LibraryView
                  query={libQuery}
                  onQuery={setLibQuery}
                  collection={collections.find((c) => c.id === libQuery.collection) ?? null}
                  items={items}
                  loading={loading}
                  error={error}
                  selected={selected}
                  onSelect={setSelected}
                  marked={marked}
                  onMark={toggleMark}
                  onImport={() => fileInput.current?.click()}
                />
              )}
              <ReaderView id={selected} onOpen={setSelected} highlight={searching ? query : null} onCompare={(ids) => compare(ids)} showNotes={notesPanel} />
            </div>
          )}
        </main>
      </div>
      {undo && (
        <div className="toast" role="status" data-testid="toast">
          <span>{undo.label}</span>
          {undo.snapshot && (
            <button
              className="link"
              onClick={async () => {
                await api['library.importArchive']({ content: undo.snapshot })
                setUndo(null)
              }}
            >
              Undo
            </button>
          )}
          <button className="link" aria-label="Dismiss" onClick={() => setUndo(null)}>
            ×
          </button>
        </div>
      )}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {settings && <SettingsDialog prefs={prefs} onUpdate={updatePrefs} onClose={() => setSettings(false)} />}
      <ImportPanel state={importer.state} onCancel={importer.cancel} onDismiss={importer.dismiss} onOpen={setSelected} />
    </DropZone>
  )
}
