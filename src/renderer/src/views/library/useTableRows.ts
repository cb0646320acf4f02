/**
 * The library table's rows, loaded in blocks as they scroll into view: a block after a loaded one
 * continues from its cursor (keyset paging), a block reached by a jump starts at its offset.
 * Everything is dropped and reloaded when the sort, the filters or the library change.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Args } from '../../../../shared/contract'
import type { LibraryRow, PageCursor } from '../../../../shared/library-page'
import { api } from '../../api/client'

export const BLOCK = 100
export type TableQuery = Pick<Args<'articles.page'>, 'sort' | 'direction' | 'filters'>

interface Block {
  rows: LibraryRow[]
  next: PageCursor | null
}

export interface TableRows {
  total: number | null
  /** A search's matches in all, when the table holds only its best (see articles.page). */
  matched: number | null
  error: string | null
  rowAt(index: number): LibraryRow | undefined
  /** Loads the blocks covering rows first..last (inclusive) if they are not loaded yet. */
  ensure(first: number, last: number): void
  /** The ids of rows first..last, loading what is missing. */
  idsBetween(first: number, last: number): Promise<number[]>
  /** Every matching id, in table order. */
  allIds(): Promise<number[]>
}

export function useTableRows(query: TableQuery): TableRows {
  const key = JSON.stringify(query)
  const blocks = useRef(new Map<number, Block | Promise<Block>>())
  const generation = useRef(0)
  const [, rerender] = useState(0)
  const [head, setHead] = useState<{ total: number | null; matched: number | null; error: string | null }>({ total: null, matched: null, error: null })

  const load = useCallback(
    (k: number): Promise<Block> => {
      const found = blocks.current.get(k)
      if (found) return Promise.resolve(found)
      const gen = generation.current
      const prev = blocks.current.get(k - 1)
      const from = prev && !(prev instanceof Promise) && prev.next ? { cursor: prev.next } : { offset: k * BLOCK }
      const q = JSON.parse(key) as TableQuery
      const pending = api['articles.page']({ ...q, ...from, limit: BLOCK, withTotal: k === 0 }).then((page) => {
        const block = { rows: page.items, next: page.next }
        if (gen !== generation.current) return block
        blocks.current.set(k, block)
        if (k === 0) setHead({ total: page.total, matched: page.matched ?? null, error: page.error })
        rerender((n) => n + 1)
        return block
      })
      blocks.current.set(k, pending)
      pending.catch((err: Error) => {
        if (gen === generation.current) setHead((h) => ({ ...h, error: err.message }))
        blocks.current.delete(k)
      })
      return pending
    },
    [key]
  )

  const reset = useCallback(() => {
    generation.current++
    blocks.current = new Map()
    void load(0)
  }, [load])

  useEffect(() => {
    // A new query shows its own rows, "Loading…" until they come, never the last query's. (A
    // change to the library reloads the same query: its rows stay until the new ones arrive.)
    setHead({ total: null, matched: null, error: null })
    reset()
    return api.onChange(null, reset)
  }, [reset])

  const rowAt = (i: number): LibraryRow | undefined => {
    const b = blocks.current.get(Math.floor(i / BLOCK))
    return b && !(b instanceof Promise) ? b.rows[i % BLOCK] : undefined
  }
  const ensure = (first: number, last: number): void => {
    for (let k = Math.floor(first / BLOCK); k <= Math.floor(last / BLOCK); k++) void load(k)
  }
  const idsBetween = async (first: number, last: number): Promise<number[]> => {
    const got: Block[] = []
    for (let k = Math.floor(first / BLOCK); k <= Math.floor(last / BLOCK); k++) got.push(await load(k))
    return got.flatMap((b) => b.rows.map((r) => r.id)).slice(first % BLOCK, first % BLOCK + last - first + 1)
  }
  const allIds = async (): Promise<number[]> => {
    const q = JSON.parse(key) as TableQuery
    const ids: number[] = []
    let cursor: PageCursor | null | undefined
    do {
      const page = await api['articles.page']({ ...q, limit: 1000, ...(cursor ? { cursor } : {}) })
      ids.push(...page.items.map((r) => r.id))
      cursor = page.next
    } while (cursor)
    return ids
  }
  return { ...head, rowAt, ensure, idsBetween, allIds }
}
