/** The table's header: click to sort (again to reverse), drag a header onto another to move it, drag its edge to resize. */
import type { PageSort } from '../../../../shared/library-page'
import { COLUMNS, reorder, widthOf, type ColumnId, type ColumnLayout } from './columns'

interface Props {
  layout: ColumnLayout
  onLayout: (layout: ColumnLayout) => void
  sort: PageSort
  direction: 'asc' | 'desc'
  onSort: (sort: PageSort) => void
}

export function TableHeader({ layout, onLayout, sort, direction, onSort }: Props): React.JSX.Element {
  const startResize = (id: ColumnId, e: React.PointerEvent): void => {
    e.preventDefault()
    e.stopPropagation()
    const x0 = e.clientX
    const w0 = widthOf(layout, id)
    const move = (m: PointerEvent): void => onLayout({ ...layout, widths: { ...layout.widths, [id]: Math.round(w0 + m.clientX - x0) } })
    const up = (): void => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  return (
    <div className="lt-row lt-head" role="row">
      <div className="lt-cell lt-mark" role="columnheader" aria-label="Ticked" />
      {layout.order.map((id) => {
        const c = COLUMNS[id]
        const sorted = c.sort !== null && c.sort === sort
        return (
          <div
            key={id}
            role="columnheader"
            aria-sort={sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            data-column={id}
            className={`lt-cell${c.numeric ? ' num' : ''}${c.sort ? ' sortable' : ''}`}
            style={{ width: widthOf(layout, id) }}
            draggable
            onDragStart={(e) => e.dataTransfer.setData('text/x-parallax-column', id)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              const moved = e.dataTransfer.getData('text/x-parallax-column') as ColumnId
              if (moved && moved !== id && moved in COLUMNS) onLayout({ ...layout, order: reorder(layout.order, moved, id) })
            }}
            onClick={() => c.sort && onSort(c.sort)}
          >
            {c.label}
            {sorted && <span className="lt-arrow">{direction === 'asc' ? '▲' : '▼'}</span>}
            <span className="lt-resize" aria-hidden="true" onPointerDown={(e) => startResize(id, e)} onClick={(e) => e.stopPropagation()} />
          </div>
        )
      })}
    </div>
  )
}
