/** Import progress with a cancel button, then a summary that explains every failure. */
import type { ImportState } from '../hooks/useImport'
import { plural } from '../format'

interface Props {
  state: ImportState
  onCancel: () => void
  onDismiss: () => void
  onOpen: (id: number) => void
}

export function ImportPanel({ state, onCancel, onDismiss, onOpen }: Props): React.JSX.Element | null {
  if (!state.running && state.results.length === 0) return null
  const count = (s: string): number => state.results.filter((r) => r.status === s).length
  const problems = state.results.filter((r) => r.status === 'failed' || r.status === 'skipped' || r.status === 'duplicate')
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
        <>
          <div className="import-head">
            <strong data-testid="import-summary">
              {[
                `${plural(count('imported'), 'article')} imported`,
                count('duplicate') && `${count('duplicate')} duplicate`,
                count('skipped') && `${count('skipped')} skipped`,
                count('failed') && `${count('failed')} failed`
              ]
                .filter(Boolean)
                .join(', ')}
              {state.cancelled ? ' (cancelled)' : ''}
            </strong>
            <button onClick={onDismiss} aria-label="Close import summary">
              Close
            </button>
          </div>
          {problems.length > 0 && (
            <ul className="import-problems">
              {problems.map((r, i) => (
                <li key={i} className={`problem problem-${r.status}`}>
                  <span className="problem-name">{r.name}</span>
                  <span className="problem-reason">
                    {r.status}: {r.reason}
                  </span>
                  {r.status === 'duplicate' && r.articleId && (
                    <button className="link" onClick={() => onOpen(r.articleId!)}>
                      Open
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
