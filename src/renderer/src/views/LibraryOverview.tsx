/**
 * What the reader pane shows while no article is open: the library at a glance (articles by
 * outlet and by month, the latest imports) and the three steps of the work: import, read, compare.
 */
import { api } from '../api/client'
import { LoadError } from '../components/LoadError'
import { formatCount, formatDate, plural } from '../format'
import { useApiQuery, type QueryOptions } from '../hooks/useApiQuery'
import { latestPeriods, type Tally } from './overviewCounts'

interface Props {
  onOpen: (id: number) => void
  onImport: () => void
}

const RELOAD: QueryOptions = { reloadOn: ['import', 'delete', 'update'] }

/** Counted by the core over the whole library (the list the app holds is one page, or none in table view). */
export function LibraryOverview({ onOpen, onImport }: Props): React.JSX.Element {
  const facets = useApiQuery(() => api['library.facets']({}), [], RELOAD)
  const counts = useApiQuery(() => api['articles.facets']({}), [], RELOAD)
  const recent = useApiQuery(() => api['articles.list']({ limit: 6, sort: 'importedAt', direction: 'desc' }), [], RELOAD)
  const dates = counts.data?.dates
  return (
    <article className="reader overview" data-testid="library-overview" aria-label="Library overview">
      <ol className="start-steps">
        <li>
          <strong>Import</strong> articles: files, folders or exports, or drop them on the window.{' '}
          <button className="link" onClick={onImport}>
            Import…
          </button>
        </li>
        <li>
          <strong>Read</strong>: pick an article; select words to highlight them or add a note.
        </li>
        <li>
          <strong>Compare</strong>: tick two to six articles about one story and press Compare.
        </li>
      </ol>
      <div className="overview-grid">
        <section>
          <h2>By outlet</h2>
          <LoadError what="Could not load the outlets" error={facets.error} />
          <Bars rows={(facets.data?.outlets ?? []).slice(0, 8)} />
        </section>
        <section>
          <h2>By {dates?.unit ?? 'month'} published</h2>
          <LoadError what="Could not count the dates" error={counts.error} />
          <Bars rows={dates ? latestPeriods(dates, 12) : []} />
        </section>
        <section>
          <h2>Recently imported</h2>
          <LoadError what="Could not load the latest imports" error={recent.error} />
          <ul className="recent">
            {(recent.data?.items ?? []).map((a) => (
              <li key={a.id}>
                <button className="link" onClick={() => onOpen(a.id)}>
                  {a.title}
                </button>
                <span className="row-meta">{[a.outlet, formatDate(a.importedAt), plural(a.wordCount, 'word')].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  )
}

/** A small bar chart: one row per name, the bar's length relative to the largest count. */
function Bars({ rows }: { rows: Tally[] }): React.JSX.Element {
  const max = Math.max(1, ...rows.map((r) => r.count))
  if (rows.length === 0) return <p className="hint">Nothing yet.</p>
  return (
    <table className="bars">
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td>
              <span className="bar" style={{ width: `${(r.count / max) * 100}%` }} />
            </td>
            <td className="count">{formatCount(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
