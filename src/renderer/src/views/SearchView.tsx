/** Search results: count, sort and filters, snippets with the matched words highlighted, keyboard navigation. */
import type { Args } from '../../../shared/contract'
import { api } from '../api/client'
import { ArticleRow } from '../components/ArticleRow'
import { Highlighted } from '../components/Highlighted'
import { listKeyHandler } from '../components/listKeys'
import { formatDate, plural } from '../format'
import { useApiQuery } from '../hooks/useApiQuery'
import { SearchBar } from './SearchBar'
import type { SearchOptions } from './searchOptions'

interface Props {
  query: string
  options: SearchOptions
  onOptions: (o: SearchOptions) => void
  selected: number | null
  onSelect: (id: number) => void
  marked: number[]
  onMark: (id: number) => void
}

/** The filters the bar has set, as the search method takes them. */
function filtersOf(options: SearchOptions): Args<'search.query'>['filters'] {
  const filters: Record<string, string | number> = Object.fromEntries(
    (['from', 'to', 'outlet', 'language', 'tag'] as const).filter((k) => options[k]).map((k) => [k, options[k]])
  )
  if (options.collection) filters.collection = Number(options.collection)
  return Object.keys(filters).length ? filters : undefined
}

export function SearchView({ query, options, onOptions, selected, onSelect, marked, onMark }: Props): React.JSX.Element {
  // Search as you type, debounced; a newer query overrides an older answer.
  const search = useApiQuery(
    () => {
      const filters = filtersOf(options)
      return api['search.query']({ q: query, limit: 100, sort: options.sort, ...(filters ? { filters } : {}) })
    },
    [query, options],
    { debounceMs: 150 }
  )
  const res = search.data
  const hits = res?.hits ?? []
  const onKeyDown = listKeyHandler(
    hits.map((h) => h.id),
    selected,
    onSelect,
    (id) => `hit-${id}`
  )
  const problem = res?.error ?? search.error
  return (
    <section className="library search" aria-label="Search results">
      <SearchBar count={res?.error ? '' : res ? plural(res.total, 'result') : 'Searching…'} options={options} onOptions={onOptions} />
      {problem && (
        <p className="query-error" role="alert" data-testid="query-error">
          {problem}
        </p>
      )}
      <ul className="article-list" role="listbox" aria-label="Results" tabIndex={0} data-testid="search-results" onKeyDown={onKeyDown}>
        {hits.map((h) => (
          <ArticleRow key={h.id} id={h.id} domId={`hit-${h.id}`} title={h.title} selected={h.id === selected} marked={marked} onMark={onMark} onSelect={onSelect} variant="hit">
            <div className="row-meta">{[h.outlet, formatDate(h.publishedAt)].filter(Boolean).join(' · ')}</div>
            <div className="snippet">
              <Highlighted text={h.snippet.text} ranges={h.snippet.highlights} />
            </div>
          </ArticleRow>
        ))}
      </ul>
      {res && !res.error && res.total === 0 && <p className="no-match">No article matches “{query}”.</p>}
    </section>
  )
}
