/**
 * Import progress with a cancel button, then a summary grouped by status and reason: counts first,
 * each group a list to expand, the whole copyable as text. Only real failures are shown in red.
 */
import { useState } from 'react'
import type { ImportResult } from '../../../shared/contract'
import type { ImportState } from '../hooks/useImport'
import { plural } from '../format'
import { resultNote, summaryGroups, summaryLine, summaryText, type ReasonGroup } from './importSummary'

interface Props {
  state: ImportState
  onCancel: () => void
  onDismiss: () => void
  onOpen: (id: number) => void
}

export function ImportPanel({ state, onCancel, onDismiss, onOpen }: Props): React.JSX.Element | null {
  if (!state.running && state.results.length === 0) return null
  const pct = state.total ? Math.round((state.done / state.total) * 100) : 0
  return (
    <section className="import-panel" role="status" aria-live="polite" data-testid="import-panel">
      {state.running ? (
        <>
          <div className="import-head">
            <strong>Importing {state.done} of {state.total}</strong>
            <button onClick={onCancel}>Cancel</button>
          </div>
          <progress max={state.total} value={state.done} aria-label="Import progress">
            {pct}%
          </progress>
          {state.current && <div className="import-current">{state.current}</div>}
        </>
      ) : (
        <ImportSummary results={state.results} cancelled={state.cancelled} onDismiss={onDismiss} onOpen={onOpen} />
      )}
    </section>
  )
}

function ImportSummary({ results, cancelled, onDismiss, onOpen }: { results: ImportResult[]; cancelled: boolean; onDismiss: () => void; onOpen: (id: number) => void }): React.JSX.Element {
  const [copied, setCopied] = useState(false)
  const groups = summaryGroups(results)
  const copy = (): void => {
    void navigator.clipboard?.writeText(summaryText(results, plural)).then(() => setCopied(true), () => setCopied(false))
  }
  return (
    <>
      <div className="import-head">
        <strong data-testid="import-summary">
          {summaryLine(results, plural)}
          {cancelled ? ' (cancelled)' : ''}
        </strong>
        {groups.length > 0 && (
          <button className="subtle" onClick={copy} data-testid="import-copy">
            {copied ? 'Copied' : 'Copy as text'}
          </button>
        )}
        <button onClick={onDismiss} aria-label="Close import summary">
          Close
        </button>
      </div>
      {groups.length > 0 && (
        <div className="import-groups" data-testid="import-groups">
          {groups.map((g) => (
            <ResultGroup key={`${g.status}:${g.kind}`} group={g} onOpen={onOpen} />
          ))}
        </div>
      )}
    </>
  )
}

/** One status and kind of reason: its count in the summary, its files inside (failures open at once). */
function ResultGroup({ group, onOpen }: { group: ReasonGroup; onOpen: (id: number) => void }): React.JSX.Element {
  return (
    <details className={`import-group group-${group.status}`} open={group.status === 'failed'} data-testid={`import-group-${group.status}`}>
      <summary>
        <span className="group-count">{group.results.length}</span> <span className="group-status">{group.status}</span>
        <span className="group-kind"> — {group.kind}</span>
      </summary>
      <ul className="import-problems">
        {group.results.map((r, i) => (
          <li key={i} className={`problem problem-${r.status}`}>
            <span className="problem-name">{r.name}</span>
            <span className="problem-reason">{resultNote(r)}</span>
            {r.articleId && (
              <button className="link" onClick={() => onOpen(r.articleId!)}>
                Open
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  )
}
