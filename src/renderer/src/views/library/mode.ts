/** Cards (the list) or table: the user's choice, remembered; until they choose, the table for large libraries. */
import { useState } from 'react'
import { api } from '../../api/client'
import { useApiQuery } from '../../hooks/useApiQuery'

export type LibraryMode = 'cards' | 'table'
const KEY = 'parallax.libraryMode'
/** From this many articles the table is the default. */
export const TABLE_BY_DEFAULT_FROM = 1000
/** The cards list loads every article at once (seconds at 100,000, hundreds of MB at 1,000,000): past this many only the table, which pages, is shown. */
export const CARDS_UP_TO = 20_000

export function useLibraryMode(total: number): [LibraryMode, (m: LibraryMode) => void] {
  const [chosen, setChosen] = useState<LibraryMode | null>(() => {
    const saved = localStorage.getItem(KEY)
    return saved === 'cards' || saved === 'table' ? saved : null
  })
  const choose = (m: LibraryMode): void => {
    localStorage.setItem(KEY, m)
    setChosen(m)
  }
  if (total > CARDS_UP_TO) return ['table', choose]
  return [chosen ?? (total >= TABLE_BY_DEFAULT_FROM ? 'table' : 'cards'), choose]
}

export interface LibraryModeState {
  mode: LibraryMode
  setMode: (m: LibraryMode) => void
  /** The table is shown: the library has articles and the table is chosen (the cards list is then not loaded). */
  table: boolean
  /** Articles in the library (null until known). */
  count: number | null
  /** The count has been asked for and answered or failed: the cards list may load (and show the failure). */
  settled: boolean
}

/** The mode with the library's size (one count query), so a large library never loads every row for the cards list. */
export function useLibraryModeState(): LibraryModeState {
  const info = useApiQuery(() => api['library.info']({}), [], { reloadOn: 'any' })
  const count = info.data?.articleCount ?? null
  const [mode, setMode] = useLibraryMode(count ?? 0)
  return { mode, setMode, table: mode === 'table' && (count ?? 0) > 0, count, settled: !info.loading }
}
