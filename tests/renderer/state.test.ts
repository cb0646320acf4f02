/** The app's state rules: routes, comparisons as fresh views, selection, ticks, panels. */
import { describe, expect, it } from 'vitest'
import type { SavedComparison } from '../../src/shared/contract'
import { canCompare, initialState, reducer, type Action, type AppState } from '../../src/renderer/src/app/state'

const run = (actions: Action[], from: AppState = initialState()): AppState => actions.reduce(reducer, from)
const saved: SavedComparison = { id: 7, title: 'A vs B', articleIds: [1, 2], notes: '', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' }

describe('app state', () => {
  it('starts on the library with nothing open, ticked or searched', () => {
    const s = initialState(false)
    expect(s.route).toEqual({ page: 'library' })
    expect([s.selected, s.marked, s.search, s.toast, s.notesPanel]).toEqual([null, [], '', null, false])
  })

  it('opens every comparison as a fresh view, and keeps the view when it is saved', () => {
    const first = run([{ type: 'compare', ids: [1, 2] }])
    const again = run([{ type: 'compare', ids: [1, 2] }], first)
    expect(first.route).toEqual({ page: 'compare', ids: [1, 2], saved: null, session: 1 })
    expect(again.route).toMatchObject({ session: 2 })
    const afterSave = run([{ type: 'comparisonSaved', saved }], again)
    expect(afterSave.route).toEqual({ page: 'compare', ids: [1, 2], saved, session: 2 })
    expect(run([{ type: 'closeComparison' }], afterSave).route).toEqual({ page: 'library' })
  })

  it('ignores a save that arrives after the comparison was left', () => {
    const left = run([{ type: 'compare', ids: [1, 2] }, { type: 'go', page: 'notes' }, { type: 'comparisonSaved', saved }])
    expect(left.route).toEqual({ page: 'notes' })
  })

  it('opens an article from another screen in the library reader; selecting stays on the screen', () => {
    const fromStories = run([{ type: 'go', page: 'stories' }, { type: 'open', id: 4 }])
    expect([fromStories.route.page, fromStories.selected]).toEqual(['library', 4])
    const selected = run([{ type: 'go', page: 'stories' }, { type: 'select', id: 4 }])
    expect([selected.route.page, selected.selected]).toEqual(['stories', 4])
  })

  it('shows a collection instead of the search results; "Library" shows all and keeps the search', () => {
    const searching = run([{ type: 'search', text: 'harbour' }, { type: 'libraryQuery', query: { sort: 'title' } }])
    const collection = run([{ type: 'go', page: 'notes' }, { type: 'showCollection', collection: 3 }], searching)
    expect(collection).toMatchObject({ route: { page: 'library' }, search: '', libraryQuery: { sort: 'title', collection: 3 } })
    const all = run([{ type: 'search', text: 'bridge' }, { type: 'showCollection', collection: undefined }], collection)
    expect(all).toMatchObject({ search: 'bridge', libraryQuery: { sort: 'title', collection: undefined } })
  })

  it('ticks and unticks articles; deleting clears the ticks and closes the article only if it was deleted', () => {
    const ticked = run([{ type: 'toggleMark', id: 1 }, { type: 'toggleMark', id: 2 }, { type: 'toggleMark', id: 3 }, { type: 'toggleMark', id: 2 }])
    expect(ticked.marked).toEqual([1, 3])
    expect(run([{ type: 'select', id: 3 }, { type: 'deleted', ids: [1, 3] }], ticked)).toMatchObject({ marked: [], selected: null })
    expect(run([{ type: 'select', id: 5 }, { type: 'deleted', ids: [1, 3] }], ticked)).toMatchObject({ marked: [], selected: 5 })
  })

  it('toggles the help, the settings and the notes panel', () => {
    const s = run([{ type: 'toggleHelp' }, { type: 'settings', open: 'toggle' }, { type: 'toggleNotesPanel' }])
    expect([s.help, s.settings, s.notesPanel]).toEqual([true, true, false])
    const closed = run([{ type: 'closeHelp' }, { type: 'closeHelp' }, { type: 'settings', open: false }], s)
    expect([closed.help, closed.settings]).toEqual([false, false])
  })

  it('opens bulk edit only with ticked articles, and the outlet names in place of the settings', () => {
    expect(run([{ type: 'dialog', dialog: 'bulkEdit' }]).dialog).toBeNull()
    expect(run([{ type: 'toggleMark', id: 4 }, { type: 'dialog', dialog: 'bulkEdit' }]).dialog).toBe('bulkEdit')
    const outlets = run([{ type: 'settings', open: true }, { type: 'dialog', dialog: 'outlets' }])
    expect([outlets.dialog, outlets.settings]).toEqual(['outlets', false])
    expect(run([{ type: 'dialog', dialog: null }], outlets).dialog).toBeNull()
  })

  it('compares 2 to 6 articles', () => {
    expect([1, 2, 6, 7].map((n) => canCompare(Array.from({ length: n }, (_, i) => i)))).toEqual([false, true, true, false])
  })
})
