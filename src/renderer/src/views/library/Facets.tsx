/**
 * The facet sidebar beside the library table: outlet, date (a small histogram; click a bar to
 * narrow to it), language, tag, collection, notes, each value with its count for the other
 * filters and the search. Clicking a value filters by it; clicking it again clears it.
 */
import type { FacetsResult, LibraryFilters } from '../../../../shared/library-page'
import { api } from '../../api/client'
import { useApiQuery } from '../../hooks/useApiQuery'

interface Props {
  /** Everything the table is filtered by (facets, collection, search): the counts are for these. */
  filters: LibraryFilters
  /** The filters chosen here. */
  facets: LibraryFilters
  onFacets: (f: LibraryFilters) => void
}

type Choice = { label: string; count: number; chosen: boolean; pick: () => void }

export function Facets({ filters, facets, onFacets }: Props): React.JSX.Element {
  const key = JSON.stringify(filters)
  const counts = useApiQuery(() => api['articles.facets']({ filters: JSON.parse(key) as LibraryFilters }), [key], { reloadOn: 'any' })
  const f = counts.data
  const toggle = <K extends keyof LibraryFilters>(k: K, v: LibraryFilters[K]) => (): void => onFacets({ ...facets, [k]: facets[k] === v ? undefined : v })
  const named = (k: 'outlet' | 'language' | 'tag', list: { name: string; count: number }[]): Choice[] =>
    list.map((x) => ({ label: x.name, count: x.count, chosen: facets[k] === x.name, pick: toggle(k, x.name) }))
  const any = Object.values(facets).some((v) => v !== undefined)
  return (
    <aside className="facets" aria-label="Filters" data-testid="facets">
      <div className="facet-top">
        <strong>Filters</strong>
        {any && (
          <button className="link" onClick={() => onFacets({})}>
            Clear
          </button>
        )}
      </div>
      {counts.error && <p className="error">{counts.error}</p>}
      {f && (
        <>
          <FacetGroup name="Outlet" choices={named('outlet', f.outlets)} />
          <DateFacet dates={f.dates} facets={facets} onFacets={onFacets} />
          <FacetGroup name="Language" choices={named('language', f.languages)} />
          <FacetGroup name="Tag" choices={named('tag', f.tags)} />
          <FacetGroup name="Collection" choices={f.collections.map((c) => ({ label: c.name, count: c.count, chosen: facets.collection === c.id, pick: toggle('collection', c.id) }))} />
          <FacetGroup
            name="Notes"
            choices={[
              { label: 'With notes', count: f.hasNotes.with, chosen: facets.hasNotes === true, pick: toggle('hasNotes', true) },
              { label: 'Without notes', count: f.hasNotes.without, chosen: facets.hasNotes === false, pick: toggle('hasNotes', false) }
            ]}
          />
        </>
      )}
    </aside>
  )
}

function FacetGroup({ name, choices }: { name: string; choices: Choice[] }): React.JSX.Element | null {
  if (choices.length === 0) return null
  return (
    <section className="facet" aria-label={name}>
      <h4>{name}</h4>
      <ul>
        {choices.map((c) => (
          <li key={c.label}>
            <button className={c.chosen ? 'chosen' : ''} aria-pressed={c.chosen} onClick={c.pick}>
              <span className="facet-label">{c.label}</span>
              <span className="facet-count">{c.count.toLocaleString('en-US')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The histogram of publication dates; a bar narrows the table to its month or year. */
function DateFacet({ dates, facets, onFacets }: { dates: FacetsResult['dates']; facets: LibraryFilters; onFacets: (f: LibraryFilters) => void }): React.JSX.Element | null {
  if (dates.buckets.length === 0) return null
  const max = Math.max(...dates.buckets.map((b) => b.count))
  const range = (name: string): { from: string; to: string } =>
    dates.unit === 'year' ? { from: `${name}-01-01`, to: `${name}-12-31` } : { from: `${name}-01`, to: `${name}-31` }
  const chosen = facets.from !== undefined || facets.to !== undefined
  return (
    <section className="facet" aria-label="Date">
      <h4>
        Date
        {chosen && (
          <span className="facet-range">
            {facets.from ?? '…'} – {facets.to ?? '…'}
          </span>
        )}
      </h4>
      <div className="histogram">
        {dates.buckets.map((b) => {
          const r = range(b.name)
          const on = facets.from === r.from && facets.to === r.to
          return (
            <button
              key={b.name}
              className={on ? 'chosen' : ''}
              title={`${b.name}: ${b.count.toLocaleString('en-US')}`}
              aria-label={`${b.name}: ${b.count}`}
              aria-pressed={on}
              style={{ height: `${Math.max(4, Math.round((b.count / max) * 100))}%` }}
              onClick={() => onFacets({ ...facets, ...(on ? { from: undefined, to: undefined } : r) })}
            />
          )
        })}
      </div>
      <div className="histogram-axis">
        <span>{dates.buckets[0]!.name}</span>
        <span>{dates.buckets[dates.buckets.length - 1]!.name}</span>
      </div>
    </section>
  )
}
