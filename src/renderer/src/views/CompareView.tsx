/**
 * A comparison of 2-6 articles: the alignment of their sentences, the quote table, and the names
 * and numbers each one carries, in tabs; saving with notes; export as Markdown or HTML.
 */
import { useState } from 'react'
import type { Comparison, SavedComparison } from '../../../shared/contract'
import { articleLabels } from '../../../shared/compare-text'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { CiteButton } from '../components/CiteDialog'
import { saveReportPdf } from '../printReport'
import { useApiQuery } from '../hooks/useApiQuery'
import { Alignment, type Pos } from './CompareAlignment'
import { Entities, Quotes } from './CompareTables'
import { SavePanel } from './ComparisonSavePanel'
import { AddArticle } from './compare/AddArticle'
import { Overview } from './compare/Overview'
import { UnrelatedWarning } from './compare/UnrelatedWarning'
import { useOverviewPanel } from './compare/useOverviewPanel'

type Tab = 'alignment' | 'quotes' | 'entities'

interface Props {
  ids: number[]
  /** Two versions of one article instead (then saving, adding and the report are for articles only). */
  versions?: { id: number; numbers: [number, number] } | null
  /** The saved comparison being shown, if it is one. */
  saved: SavedComparison | null
  onSaved: (s: SavedComparison) => void
  onClose: () => void
  onOpen: (id: number) => void
  /** Another comparison: related coverage instead, or this one with an article added. */
  onCompare: (ids: number[]) => void
}

export function CompareView({ ids, versions = null, saved, onSaved, onClose, onOpen, onCompare }: Props): React.JSX.Element {
  const run = useApiQuery(() => (versions ? api['compare.versions']({ id: versions.id, versions: versions.numbers }) : api['compare.run']({ ids })), [ids, versions])
  const [notesOpen, setNotesOpen] = useState(saved !== null)
  const [tab, setTab] = useState<Tab>('alignment')
  const [hover, setHover] = useState<Pos | null>(null)
  const [picked, setPicked] = useState<Pos | null>(null)
  const overview = useOverviewPanel(() => setTab('alignment'), setPicked)

  const c = run.data
  if (run.error) return <section className="compare empty">Could not compare: {run.error}</section>
  if (!c) return <section className="compare empty" aria-busy="true">Comparing…</section>
  const labels = articleLabels(c)
  const name = (i: number): string => labels[i]!

  return (
    <section className="compare" data-testid="compare">
      <header className="compare-head">
        <Tabs c={c} tab={tab} onTab={setTab} />
        <div className="compare-actions">
          {overview.toggle}
          {!versions && <ArticleActions ids={ids} saved={saved} notesOpen={notesOpen} onNotes={() => setNotesOpen(!notesOpen)} onCompare={onCompare} />}
          <button onClick={onClose} aria-label="Close comparison">
            Close
          </button>
        </div>
      </header>
      {notesOpen && <SavePanel ids={ids} saved={saved} c={c} onSaved={onSaved} />}
      {c.overview.unrelated && <UnrelatedWarning c={c} labels={labels} onCompare={onCompare} />}
      {overview.open && <Overview c={c} labels={labels} onJump={overview.jump} onOpen={onOpen} />}
      {tab === 'alignment' && <Alignment c={c} labels={labels} hover={hover} picked={picked} onHover={setHover} onPick={setPicked} onOpen={onOpen} />}
      {tab === 'quotes' && <Quotes c={c} name={name} />}
      {tab === 'entities' && <Entities c={c} name={name} />}
    </section>
  )
}

/** What a comparison of articles (not of versions) offers: add one, save it with notes, export the report. */
function ArticleActions({ ids, saved, notesOpen, onNotes, onCompare }: { ids: number[]; saved: SavedComparison | null; notesOpen: boolean; onNotes: () => void; onCompare: (ids: number[]) => void }): React.JSX.Element {
  const exportReport = async (format: 'markdown' | 'html'): Promise<void> => downloadFile(await api['compare.report']({ ids, format }))
  const [pdfError, setPdfError] = useState<string | null>(null)
  const savePdf = (): void => {
    setPdfError(null)
    saveReportPdf(ids).catch((err: Error) => setPdfError(err.message))
  }
  return (
    <>
      <AddArticle ids={ids} onCompare={onCompare} />
      <button onClick={onNotes} aria-expanded={notesOpen}>
        {saved ? 'Notes' : 'Save…'}
      </button>
      {/* Short labels so the header fits 1024 px; the names say the whole action. */}
      <span className="export-group" role="group" aria-label="Export the report">
        <span className="export-label">Export</span>
        <button onClick={() => void exportReport('markdown')} aria-label="Export Markdown">
          Markdown
        </button>
        <button onClick={() => void exportReport('html')} aria-label="Export HTML">
          HTML
        </button>
        <button onClick={savePdf} aria-label="Save as PDF">
          PDF
        </button>
      </span>
      <CiteButton target={{ ids }} />
      {pdfError && <span role="alert">{pdfError}</span>}
    </>
  )
}

function Tabs({ c, tab, onTab }: { c: Comparison; tab: Tab; onTab: (t: Tab) => void }): React.JSX.Element {
  const tabs: [Tab, string][] = [
    ['alignment', 'Alignment'],
    ['quotes', `Quotes (${c.quotes.length})`],
    ['entities', `Names & numbers (${c.changes.length} changed)`]
  ]
  return (
    <div className="tabs" role="tablist">
      {tabs.map(([t, label]) => (
        <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'tab active' : 'tab'} onClick={() => onTab(t)}>
          {label}
        </button>
      ))}
    </div>
  )
}
