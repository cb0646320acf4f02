/** The app shell: sidebar, toolbar, the library list beside the reader, import by picker or drop. */
import { useEffect, useRef, useState } from 'react'
import { api } from './api/client'
import { DropZone } from './components/DropZone'
import { ImportPanel } from './components/ImportPanel'
import { useArticles, useImport } from './hooks'
import { LibraryView } from './views/LibraryView'
import { ReaderView } from './views/ReaderView'
import { plural } from './format'

/** What the file picker offers: every format an importer reads. */
const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx,.eml,.json,.ndjson,.jsonl,.csv,.tsv'

export function App(): React.JSX.Element {
  const { items, total, loading, error } = useArticles()
  const [selected, setSelected] = useState<number | null>(null)
  const [filter, setFilter] = useState('')
  const importer = useImport()
  const fileInput = useRef<HTMLInputElement>(null)

  // The desktop menu's "Import Files…" opens the same picker as the toolbar button.
  useEffect(() => api.on('shell.command', (c) => c.name === 'import' && fileInput.current?.click()), [])

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
            <a className="nav-item active" aria-current="page">
              <span>Library</span>
              <span className="count" data-testid="library-count">
                {total}
              </span>
            </a>
          </nav>
          <div className="sidebar-footer">
            <span className={`mode mode-${api.transport}`}>{api.transport === 'ipc' ? 'Desktop' : 'Browser mode'}</span>
          </div>
        </aside>

        <main className="workspace">
          <header className="toolbar">
            <input
              className="filter"
              type="search"
              placeholder="Filter by title, outlet or author"
              aria-label="Filter articles"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <span className="toolbar-info">{plural(total, 'article')}</span>
            <button className="primary" onClick={() => fileInput.current?.click()} disabled={importer.state.running}>
              Import…
            </button>
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

          <div className="split">
            <LibraryView
              items={items}
              loading={loading}
              error={error}
              filter={filter}
              selected={selected}
              onSelect={setSelected}
              onImport={() => fileInput.current?.click()}
            />
            <ReaderView id={selected} onOpen={setSelected} />
          </div>
        </main>
      </div>
      <ImportPanel state={importer.state} onCancel={importer.cancel} onDismiss={importer.dismiss} onOpen={setSelected} />
    </DropZone>
  )
}
