/** The library table's columns: what each shows, how it sorts, and the user's widths and order (remembered). */
import type { LibraryRow, PageSort } from '../../../../shared/library-page'
import { formatDate } from '../../format'

export type ColumnId = 'title' | 'outlet' | 'author' | 'date' | 'words' | 'language' | 'tags' | 'notes' | 'imported'

export interface Column {
  id: ColumnId
  label: string
  /** The sort a click on the header picks (tags and notes do not sort). */
  sort: PageSort | null
  width: number
  numeric?: boolean
  text(row: LibraryRow): string
}

export const COLUMNS: Record<ColumnId, Column> = {
  title: { id: 'title', label: 'Title', sort: 'title', width: 360, text: (r) => r.title },
  outlet: { id: 'outlet', label: 'Outlet', sort: 'outlet', width: 150, text: (r) => r.outlet ?? '' },
  author: { id: 'author', label: 'Author', sort: 'author', width: 140, text: (r) => r.author ?? '' },
  date: { id: 'date', label: 'Date', sort: 'publishedAt', width: 110, text: (r) => formatDate(r.publishedAt) },
  words: { id: 'words', label: 'Words', sort: 'wordCount', width: 70, numeric: true, text: (r) => r.wordCount.toLocaleString('en-US') },
  language: { id: 'language', label: 'Lang.', sort: 'language', width: 60, text: (r) => r.language ?? '' },
  tags: { id: 'tags', label: 'Tags', sort: null, width: 140, text: (r) => r.tags.join(', ') },
  notes: { id: 'notes', label: 'Notes', sort: null, width: 60, numeric: true, text: (r) => (r.notesCount ? String(r.notesCount) : '') },
  imported: { id: 'imported', label: 'Imported', sort: 'importedAt', width: 110, text: (r) => formatDate(r.importedAt.slice(0, 10)) }
}

const DEFAULT_ORDER: ColumnId[] = ['title', 'outlet', 'author', 'date', 'words', 'language', 'tags', 'notes', 'imported']
const KEY = 'parallax.tableColumns'
const MIN_WIDTH = 40

export interface ColumnLayout {
  order: ColumnId[]
  widths: Partial<Record<ColumnId, number>>
}

/** The remembered layout, with unknown columns dropped and new ones added at the end. */
export function loadLayout(): ColumnLayout {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as ColumnLayout | null
    if (saved && Array.isArray(saved.order)) {
      const order = saved.order.filter((id) => id in COLUMNS)
      return { order: [...order, ...DEFAULT_ORDER.filter((id) => !order.includes(id))], widths: saved.widths ?? {} }
    }
  } catch {
    // A damaged entry: start from the default layout.
  }
  return { order: DEFAULT_ORDER, widths: {} }
}

export function saveLayout(layout: ColumnLayout): void {
  localStorage.setItem(KEY, JSON.stringify(layout))
}

export const widthOf = (layout: ColumnLayout, id: ColumnId): number => Math.max(MIN_WIDTH, layout.widths[id] ?? COLUMNS[id].width)

/** The order with `moved` put where `target` is. */
export function reorder(order: ColumnId[], moved: ColumnId, target: ColumnId): ColumnId[] {
  const rest = order.filter((id) => id !== moved)
  rest.splice(rest.indexOf(target) + (order.indexOf(moved) < order.indexOf(target) ? 1 : 0), 0, moved)
  return rest
}
