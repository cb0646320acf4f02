/** Search results: count, sort and filters, snippets with the matched words highlighted, keyboard navigation. */
import { useEffect, useState } from 'react'
import type { Result } from '../../../shared/contract'
import { api } from '../api/client'
import { CollectionSelect, TagSelect } from '../components/FilterSelects'
import { Highlighted } from '../components/Highlighted'
import { listKeyHandler } from '../components/listKeys'
import { MarkBox } from '../components/MarkBox'
import { formatDate, plural } from '../format'

export interface SearchOptions {
  sort: 'relevance' | 'date'
  from: string
  to: string
  outlet: string
  language: string
  tag: string
  collection: string
}

export const NO_OPTIONS: SearchOptions = { sort: 'relevance', from: '', to: '', outlet: '', language: '', tag: '', collection: '' }

type Response = Result<'search.query'>

interface Props {
  query: string
  options: SearchOptions
  onOptions: (o: SearchOptions) => void
  selected: number | null
  onSelect: (id: number) => void
  marked: number[]
  onMark: (id: number) => void
}

export function SearchView({ query, options, onOptions, selected, onSelect, marked, onMark }: Props): React.JSX.Element {
  const [res, setRes] = useState<Response | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [facets, setFacets] = useState<Result<'library.facets'> | null>(null)

  useEffect(() => {
    void api['library.facets']({}).then(setFacets)
  }, [])

  // Search as you type, debounced; a newer query overrides an older answer.
  useEffect(() => {
    let live = true
    const filters: Record<string, string | number> = Object.fromEntries(
      (['from', 'to', 'outlet', 'language', 'tag'] as const).filter((k) => options[k]).map((k) => [k, options[k]])
    )
    if (options.collection) filters.collection = Number(options.collection)
    const t = setTimeout(() => {
      api['search.query']({ q: query, limit: 100, sort: options.sort, ...(Object.keys(filters).length ? { filters } : {}) })
        .then((r) => {
          if (!live) return
          setRes(r)
          setFailure(null)
        })
        .catch((err: Error) => live && setFailure(err.message))
    }, 150)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [query, options])

  const hits = res?.hits ?? []
  const onKeyDown = listKeyHandler(
    hits.map((h) => h.id),
    selected,
    onSelect,
    (id) => `hit-${id}`
  )
  const set = (patch: Partial<SearchOptions>): void => onOptions({ ...options, ...patch })

  return (
    <section className="library search" aria-label="Search results">
      <div className="search-bar">
        <span className="result-count" data-testid="result-count">
          {res?.error ? '' : res ? plural(res.total, 'result') : 'Searching…'}
        </span>
        <select aria-label="Sort" value={options.sort} onChange={(e) => set({ sort: e.target.value as SearchOptions['sort'] })}>
          <option value="relevance">Best match</option>
          <option value="date">Newest</option>
        </select>
        <select aria-label="Outlet" value={options.outlet} onChange={(e) => set({ outlet: e.target.value })}>
          <option value="">All outlets</option>
          {facets?.outlets.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name} ({o.count})
            </option>
          ))}
        </select>
        <select aria-label="Language" value={options.language} onChange={(e) => set({ language: e.target.value })}>
          <option value="">Any language</option>
          {facets?.languages.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name} ({l.count})
            </option>
          ))}
        </select>
        <TagSelect label="Tag filter" value={options.tag} onChange={(tag) => set({ tag })} />
        <CollectionSelect label="Collection filter" value={options.collection} onChange={(collection) => set({ collection })} />
        <label>
          From <input type="date" aria-label="From date" value={options.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          to <input type="date" aria-label="To date" value={options.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
      </div>
      {(res?.error || failure) && (
        <p className="query-error" role="alert" data-testid="query-error">
          {res?.error ?? failure}
        </p>
      )}
      <ul
        className="article-list"
        role="listbox"
        aria-label="Results"
        tabIndex={0}
        data-testid="search-results"
        onKeyDown={onKeyDown}
      >
        {hits.map((h) => (
          <li
            key={h.id}
            id={`hit-${h.id}`}
            role="option"
            aria-selected={h.id === selected}
            className={h.id === selected ? 'article-row hit selected' : 'article-row hit'}
            onClick={() => onSelect(h.id)}
          >
            <div className="row-title">
              <MarkBox id={h.id} marked={marked} onMark={onMark} />
              {h.title}
            </div>
            <div className="row-meta">{[h.outlet, formatDate(h.publishedAt)].filter(Boolean).join(' · ')}</div>
            <div className="snippet">
              <Highlighted text={h.snippet.text} ranges={h.snippet.highlights} />
            </div>
          </li>
        ))}
      </ul>
      {res && !res.error && res.total === 0 && <p className="no-match">No article matches “{query}”.</p>}
    </section>
  )
}
