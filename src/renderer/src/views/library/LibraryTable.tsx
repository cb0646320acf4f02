/**
 * The library as a dense table: sortable, resizable and reorderable columns, rows loaded in blocks
 * by keyset paging and only those in view rendered, so 50,000 or a million articles scroll alike.
 * Beside it the facets, counted in SQL for the same filters and search.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { LibraryFilters, PageSort } from '../../../../shared/library-page'
import { defaultDirection } from '../../../../shared/table-sort'
import { COLUMNS, loadLayout, saveLayout, widthOf, type ColumnLayout } from './columns'
import { Facets } from './Facets'
import { TableHeader } from './TableHeader'
import { useTableKeys } from './useTableKeys'
import { useTableRows } from './useTableRows'
import './library-table.css'

/** Row height in pixels: about 30 rows at a 900 px window. */
export const TABLE_ROW_HEIGHT = 26
const OVERSCAN = 10

interface Props {
  /** Filters that come from outside the table: the sidebar's collection, the search box. */
  outer: LibraryFilters
  selected: number | null
  onOpen: (id: number) => void
  marked: number[]
  onMark: (id: number) => void
  onSetMarks: (ids: number[]) => void
}

export function LibraryTable({ outer, selected, onOpen, marked, onMark, onSetMarks }: Props): React.JSX.Element {
  const [sort, setSort] = useState<{ sort: PageSort; direction: 'asc' | 'desc' }>({ sort: 'publishedAt', direction: 'desc' })
  const [facets, setFacets] = useState<LibraryFilters>({})
  const filters = useMemo(() => ({ ...facets, ...definedOnly(outer) }), [facets, outer])
  const rows = useTableRows({ ...sort, filters })
  const [layout, setLayout] = useState<ColumnLayout>(loadLayout)
  useEffect(() => saveLayout(layout), [layout])
  const scroller = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 800 })
  const total = rows.total ?? 0
  const first = Math.max(0, Math.floor(view.top / TABLE_ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(total, Math.ceil((view.top + view.height) / TABLE_ROW_HEIGHT) + OVERSCAN)
  useEffect(() => {
    if (last > first) rows.ensure(first, last - 1)
  })
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  const reveal = (i: number): void => {
    const el = scroller.current
    if (!el) return
    const head = TABLE_ROW_HEIGHT
    if (i * TABLE_ROW_HEIGHT < el.scrollTop) el.scrollTop = i * TABLE_ROW_HEIGHT
    else if ((i + 1) * TABLE_ROW_HEIGHT + head > el.scrollTop + el.clientHeight) el.scrollTop = (i + 1) * TABLE_ROW_HEIGHT + head - el.clientHeight
  }
  const keys = useTableKeys({ rows, pageRows: Math.max(1, Math.floor(view.height / TABLE_ROW_HEIGHT) - 1), marked, onOpen, onSetMarks, reveal })
  const ticked = useMemo(() => new Set(marked), [marked])
  const onSort = (s: PageSort): void => setSort((cur) => (cur.sort === s ? { sort: s, direction: cur.direction === 'asc' ? 'desc' : 'asc' } : { sort: s, direction: defaultDirection(s) }))
  const width = 32 + layout.order.reduce((w, id) => w + widthOf(layout, id), 0)

  return (
    <div className="lt-wrap">
      <Facets filters={filters} facets={facets} onFacets={setFacets} />
      <div className="lt-main">
        <div className="lt-status" data-testid="table-total">
          {rows.error ? <span className="error">{rows.error}</span> : rows.total === null ? 'Loading…' : totalText(total, rows.matched)}
        </div>
        <div
          ref={scroller}
          className="lt-scroll"
          role="grid"
          aria-label="Library table"
          aria-rowcount={total}
          tabIndex={0}
          data-testid="library-table"
          onKeyDown={keys.onKeyDown}
          onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        >
          <div style={{ width, minWidth: '100%' }}>
            <TableHeader layout={layout} onLayout={setLayout} sort={sort.sort} direction={sort.direction} onSort={onSort} />
            <div style={{ height: total * TABLE_ROW_HEIGHT, position: 'relative' }}>
              {Array.from({ length: Math.max(0, last - first) }, (_, k) => first + k).map((i) => {
                const r = rows.rowAt(i)
                const cls = ['lt-row', i === keys.active ? 'active' : '', r && r.id === selected ? 'selected' : '', r && ticked.has(r.id) ? 'ticked' : ''].join(' ')
                return (
                  <div key={i} role="row" aria-rowindex={i + 1} aria-selected={r?.id === selected} data-id={r?.id} className={cls} style={{ top: i * TABLE_ROW_HEIGHT, height: TABLE_ROW_HEIGHT }} onClick={(e) => keys.onRowClick(i, e)}>
                    <div className="lt-cell lt-mark" role="gridcell">
                      {r && <input type="checkbox" aria-label="Pick for comparison" checked={ticked.has(r.id)} onClick={(e) => e.stopPropagation()} onChange={() => onMark(r.id)} />}
                    </div>
                    {layout.order.map((id) => (
                      <div key={id} role="gridcell" data-column={id} className={`lt-cell${COLUMNS[id].numeric ? ' num' : ''}`} style={{ width: widthOf(layout, id) }}>
                        {r ? COLUMNS[id].text(r) : ''}
                      </div>
                    ))}
                  </div>
                )
              })}
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}

/** The outer filters without their unset keys, so they do not override a facet's choice with undefined. */
function definedOnly(f: LibraryFilters): LibraryFilters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== ''))
}

/** "1,234 articles"; for a search with more matches than the table takes, which share of them it shows. */
function totalText(total: number, matched: number | null): string {
  const n = `${total.toLocaleString('en-US')} ${total === 1 ? 'article' : 'articles'}`
  return matched === null ? n : `${n}: the best of ${matched.toLocaleString('en-US')} matches`
}
