/**
 * The table's keyboard and click rules: arrows move the active row, Enter opens it, Shift extends
 * the ticked range from the anchor, Ctrl/Cmd+A ticks every matching article, Home/End/Page keys jump.
 */
import { useState } from 'react'
import type { TableRows } from './useTableRows'

interface Options {
  rows: TableRows
  /** Rows that fit in the view, for Page Up/Down. */
  pageRows: number
  marked: number[]
  onOpen: (id: number) => void
  onSetMarks: (ids: number[]) => void
  reveal: (index: number) => void
}

export interface TableKeys {
  active: number
  onKeyDown: (e: React.KeyboardEvent) => void
  onRowClick: (index: number, e: React.MouseEvent) => void
}

export function useTableKeys({ rows, pageRows, marked, onOpen, onSetMarks, reveal }: Options): TableKeys {
  const [active, setActive] = useState(0)
  const [anchor, setAnchor] = useState(0)
  const total = rows.total ?? 0

  /** Ticks the rows between the anchor and `to`, keeping the ticks made outside that range. */
  const tickRange = async (from: number, to: number): Promise<void> => {
    const ids = await rows.idsBetween(Math.min(from, to), Math.max(from, to))
    onSetMarks([...new Set([...marked, ...ids])])
  }
  const moveTo = (index: number, extend: boolean): void => {
    const i = Math.max(0, Math.min(total - 1, index))
    setActive(i)
    reveal(i)
    if (extend) void tickRange(anchor, i)
    else setAnchor(i)
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: pageRows, PageUp: -pageRows, Home: -total, End: total }
    if (e.key in step) {
      e.preventDefault()
      moveTo(active + step[e.key]!, e.shiftKey)
    } else if (e.key === 'Enter') {
      const row = rows.rowAt(active)
      if (row) onOpen(row.id)
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
      e.preventDefault()
      void rows.allIds().then(onSetMarks)
    }
  }

  const onRowClick = (index: number, e: React.MouseEvent): void => {
    setActive(index)
    if (e.shiftKey) return void tickRange(anchor, index)
    setAnchor(index)
    const row = rows.rowAt(index)
    if (row) onOpen(row.id)
  }
  return { active, onKeyDown, onRowClick }
}
