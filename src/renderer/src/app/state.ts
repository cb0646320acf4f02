/**
 * The app's state in one place: which screen is shown (the route), the library and search
 * queries, the open and ticked articles, and the panels. Every change is an action, so the
 * rules (opening an article leaves a comparison, a new comparison is a fresh view) live here.
 */
import type { SavedComparison } from '../../../shared/contract'
import type { LibraryQuery } from '../hooks/library'
import { NO_OPTIONS, type SearchOptions } from '../views/searchOptions'

/** The screen in the workspace. The library screen shows search results while there is a query. */
export type Route =
  | { page: 'library' }
  | { page: 'stories' }
  | { page: 'notes' }
  | {
      page: 'compare'
      ids: number[]
      /** The saved comparison shown, if it is one. */
      saved: SavedComparison | null
      /** Counts openings: each one is a fresh view; saving inside it keeps the view. */
      session: number
      /** Two versions of one article (`ids` is that article) instead of articles. */
      versions?: VersionPair
    }

/** Two versions of one article, compared side by side. */
export interface VersionPair {
  id: number
  numbers: [number, number]
}

export type Page = Route['page']

/** A message at the bottom of the window; an undo carries the archive that restores what was deleted. */
export interface ToastMessage {
  message: string
  undoArchive?: string
}

/** A dialog over the app: bulk edit of the ticked articles, the outlet names. */
export type Dialog = 'bulkEdit' | 'outlets'

export interface AppState {
  route: Route
  /** Comparisons opened so far (the next one's session). */
  sessions: number
  libraryQuery: LibraryQuery
  search: string
  searchOptions: SearchOptions
  /** The article open in the reader. */
  selected: number | null
  /** Articles ticked in the lists (for comparing, collecting, deleting). */
  marked: number[]
  toast: ToastMessage | null
  help: boolean
  settings: boolean
  dialog: Dialog | null
  /** The notes panel beside the reader (Toggle Notes). */
  notesPanel: boolean
}

export type Action =
  | { type: 'go'; page: 'library' | 'stories' | 'notes' }
  | { type: 'showCollection'; collection: number | undefined }
  | { type: 'compare'; ids: number[]; saved?: SavedComparison | null }
  | { type: 'compareVersions'; id: number; versions: [number, number] }
  | { type: 'comparisonSaved'; saved: SavedComparison }
  | { type: 'closeComparison' }
  | { type: 'open'; id: number }
  | { type: 'select'; id: number | null }
  | { type: 'toggleMark'; id: number }
  | { type: 'clearMarks' }
  /** The table's range and select-all ticks: the ticked set replaced at once. */
  | { type: 'setMarks'; ids: number[] }
  | { type: 'deleted'; ids: number[] }
  | { type: 'libraryQuery'; query: LibraryQuery }
  | { type: 'search'; text: string }
  | { type: 'searchOptions'; options: SearchOptions }
  | { type: 'toast'; toast: ToastMessage | null }
  | { type: 'toggleHelp' }
  | { type: 'closeHelp' }
  | { type: 'settings'; open: boolean | 'toggle' }
  | { type: 'toggleNotesPanel' }
  | { type: 'dialog'; dialog: Dialog | null }

export function initialState(notesPanel = true): AppState {
  return {
    route: { page: 'library' },
    sessions: 0,
    libraryQuery: {},
    search: '',
    searchOptions: NO_OPTIONS,
    selected: null,
    marked: [],
    toast: null,
    help: false,
    settings: false,
    dialog: null,
    notesPanel
  }
}

/** What "Compare" accepts: 2 to 6 articles. */
export const canCompare = (ids: number[]): boolean => ids.length >= 2 && ids.length <= 6

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'go':
      return { ...state, route: { page: action.page } }
    case 'showCollection':
      // A collection shows its articles, not the search results; "Library" shows them all.
      return {
        ...state,
        route: { page: 'library' },
        search: action.collection === undefined ? state.search : '',
        libraryQuery: { ...state.libraryQuery, collection: action.collection }
      }
    case 'compare':
      return { ...state, sessions: state.sessions + 1, route: { page: 'compare', ids: action.ids, saved: action.saved ?? null, session: state.sessions + 1 } }
    case 'compareVersions': {
      const session = state.sessions + 1
      return { ...state, sessions: session, route: { page: 'compare', ids: [action.id], saved: null, session, versions: { id: action.id, numbers: action.versions } } }
    }
    case 'comparisonSaved':
      return state.route.page === 'compare' ? { ...state, route: { ...state.route, saved: action.saved } } : state
    case 'closeComparison':
      return { ...state, route: { page: 'library' } }
    case 'open':
      // From another screen: back to the library with the article in the reader.
      return { ...state, route: { page: 'library' }, selected: action.id }
    case 'select':
      return { ...state, selected: action.id }
    case 'toggleMark': {
      const { marked } = state
      return { ...state, marked: marked.includes(action.id) ? marked.filter((x) => x !== action.id) : [...marked, action.id] }
    }
    case 'clearMarks':
      return { ...state, marked: [] }
    case 'setMarks':
      return { ...state, marked: action.ids }
    case 'deleted':
      return { ...state, marked: [], selected: state.selected !== null && action.ids.includes(state.selected) ? null : state.selected }
    case 'libraryQuery':
      return { ...state, libraryQuery: action.query }
    case 'search':
      return { ...state, search: action.text }
    case 'searchOptions':
      return { ...state, searchOptions: action.options }
    case 'toast':
      return { ...state, toast: action.toast }
    case 'toggleHelp':
      return { ...state, help: !state.help }
    case 'closeHelp':
      return { ...state, help: false }
    case 'settings':
      return { ...state, settings: action.open === 'toggle' ? !state.settings : action.open }
    case 'toggleNotesPanel':
      return { ...state, notesPanel: !state.notesPanel }
    case 'dialog':
      // Bulk edit needs ticked articles; the outlet names replace the settings they are opened from.
      if (action.dialog === 'bulkEdit' && state.marked.length === 0) return state
      return { ...state, dialog: action.dialog, settings: action.dialog === 'outlets' ? false : state.settings }
  }
}
