/** Cards (the list) or table: the user's choice, remembered; until they choose, the table for large libraries. */
import { useState } from 'react'

export type LibraryMode = 'cards' | 'table'
const KEY = 'parallax.libraryMode'
/** From this many articles the table is the default. */
export const TABLE_BY_DEFAULT_FROM = 1000

export function useLibraryMode(total: number): [LibraryMode, (m: LibraryMode) => void] {
  const [chosen, setChosen] = useState<LibraryMode | null>(() => {
    const saved = localStorage.getItem(KEY)
    return saved === 'cards' || saved === 'table' ? saved : null
  })
  const choose = (m: LibraryMode): void => {
    localStorage.setItem(KEY, m)
    setChosen(m)
  }
  return [chosen ?? (total >= TABLE_BY_DEFAULT_FROM ? 'table' : 'cards'), choose]
}
