/** Search results: count, sort and filters, snippets with the matched words highlighted, keyboard navigation. */
import { CiteButton } from '../components/CiteDialog'
import { useEffect, useRef, useState } from 'react'
import type { Args, SearchHit } from '../../../shared/contract'
import { api } from '../api/client'
import { ArticleRow } from '../components/ArticleRow'
import { Highlighted } from '../components/Highlighted'
import { listKeyHandler } from '../components/listKeys'
import { formatCount, formatDate, plural } from '../format'
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

/** Results per page: the first page loads as you type, Show more adds the next. */
const PAGE = 100

/** The hits after the first page, loaded a page at a time; forgotten when the query or filters change. */
function useMoreHits(query: string, options: SearchOptions, firstPage: number): { hits: SearchHit[]; loading: boolean; error: string | null; load: () => void } {
  const [state, setState] = useState<{ hits: SearchHit[]; loading: boolean; error: string | null }>({ hits: [], loading: false, error: null })
  // Bumped when the query changes, so a page still on its way for the old query is dropped.
  const generation = useRef(0)
  useEffect(() => {
    generation.current++
    setState({ hits: [], loading: false, error: null })
  }, [query, options])
  const load = (): void => {
    const filters = filtersOf(options)
    const mine = generation.current
    const settle = (next: (s: typeof state) => typeof state): void => void (mine === generation.current && setState(next))
    setState((s) => ({ ...s, loading: true }))
    api['search.query']({ q: query, limit: PAGE, offset: firstPage + state.hits.length, sort: options.sort, ...(filters ? { filters } : {}) })
      .then((r) => settle((s) => ({ hits: [...s.hits, ...r.hits], loading: false, error: r.error })))
      .catch((err: Error) => settle((s) => ({ ...s, loading: false, error: err.message })))
  }
  return { ...state, load }
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
      return api['search.query']({ q: query, limit: PAGE, sort: options.sort, ...(filters ? { filters } : {}) })
    },
    [query, options],
    { debounceMs: 150 }
  )
  const res = search.data
  const more = useMoreHits(query, options, res?.hits.length ?? 0)
  const hits = [...(res?.hits ?? []), ...more.hits]
  const onKeyDown = listKeyHandler(
    hits.map((h) => h.id),
    selected,
    onSelect,
    (id) => `hit-${id}`
  )
  const problem = res?.error ?? search.error
  return (
    <>
      <SearchBar
        count={res?.error ? '' : res ? plural(res.total, 'result') : 'Searching…'}
        options={options}
        onOptions={onOptions}
        actions={hits.length > 0 && <CiteButton target={{ ids: hits.map((h) => h.id) }} label={`Cite ${plural(hits.length, 'result')}…`} />}
      />
      <section className="library search" aria-label="Search results">
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
        {res && hits.length < res.total && (
          <button className="show-more" data-testid="show-more" disabled={more.loading} onClick={more.load}>
            Show {formatCount(Math.min(PAGE, res.total - hits.length))} more · {formatCount(hits.length)} of {formatCount(res.total)}
          </button>
        )}
        {more.error && <p className="query-error">Could not load more results: {more.error}</p>}
      </section>
    </>
  )
}
