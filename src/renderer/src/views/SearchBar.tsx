/** The bar over the search results: count, sort, and the outlet, language, tag, collection and date filters. */
import type { Result } from '../../../shared/contract'
import { api } from '../api/client'
import { CollectionSelect, TagSelect } from '../components/FilterSelects'
import { LoadError } from '../components/LoadError'
import { formatCount } from '../format'
import { useApiQuery } from '../hooks/useApiQuery'
import type { SearchOptions } from './searchOptions'

type Facet = Result<'library.facets'>['outlets'][number]

function FacetSelect({ label, any, facets, value, onChange }: { label: string; any: string; facets: Facet[] | undefined; value: string; onChange: (v: string) => void }): React.JSX.Element {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {facets?.map((f) => (
        <option key={f.name} value={f.name}>
          {f.name} ({formatCount(f.count)})
        </option>
      ))}
    </select>
  )
}

interface SearchBarProps {
  count: string
  options: SearchOptions
  onOptions: (o: SearchOptions) => void
  /** What to do with the results (cite them). */
  actions?: React.ReactNode
}

export function SearchBar({ count, options, onOptions, actions }: SearchBarProps): React.JSX.Element {
  const facets = useApiQuery(() => api['library.facets']({}), [])
  const set = (patch: Partial<SearchOptions>): void => onOptions({ ...options, ...patch })
  return (
    <div className="search-bar search-filters">
      <span className="result-count" data-testid="result-count">
        {count}
      </span>
      <select aria-label="Sort" value={options.sort} onChange={(e) => set({ sort: e.target.value as SearchOptions['sort'] })}>
        <option value="relevance">Best match</option>
        <option value="date">Newest</option>
      </select>
      <FacetSelect label="Outlet" any="All outlets" facets={facets.data?.outlets} value={options.outlet} onChange={(outlet) => set({ outlet })} />
      <FacetSelect label="Language" any="Any language" facets={facets.data?.languages} value={options.language} onChange={(language) => set({ language })} />
      <TagSelect label="Tag filter" value={options.tag} onChange={(tag) => set({ tag })} />
      <CollectionSelect label="Collection filter" value={options.collection} onChange={(collection) => set({ collection })} />
      <label>
        From <input type="date" aria-label="From date" value={options.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        to <input type="date" aria-label="To date" value={options.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <LoadError what="Could not load the filters" error={facets.error} />
      {actions}
    </div>
  )
}
