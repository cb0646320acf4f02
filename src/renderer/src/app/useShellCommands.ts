/** The desktop menu's commands (Import, Find, Compare, Toggle Notes, Settings, Export), acting on what is on screen. */
import { useEffect, useLayoutEffect, useRef, type Dispatch } from 'react'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { canCompare, type Action, type AppState } from './state'
import type { ToolbarInputs } from './Toolbar'

/** What is on screen decides what Export exports: the comparison's report, the article's notes, else the library. */
function exportShown(state: AppState): Promise<Parameters<typeof downloadFile>[0]> {
  if (state.route.page === 'compare') return api['compare.report']({ ids: state.route.ids, format: 'markdown' })
  if (state.selected !== null) return api['notes.export']({ articleId: state.selected })
  return api['archive.export']({})
}

export function useShellCommands(state: AppState, dispatch: Dispatch<Action>, inputs: ToolbarInputs): void {
  // One subscription for the app's life; it reads the current state through a ref.
  const current = useRef(state)
  useLayoutEffect(() => {
    current.current = state
  })
  useEffect(
    () =>
      api.on('shell.command', ({ name }) => {
        const now = current.current
        switch (name) {
          case 'import-files':
            return inputs.files.current?.click()
          case 'import-folder':
            return inputs.folder.current?.click()
          case 'find':
            return inputs.search.current?.focus()
          case 'compare-selected':
            if (canCompare(now.marked)) dispatch({ type: 'compare', ids: now.marked })
            else dispatch({ type: 'toast', toast: { message: 'Tick 2 to 6 articles in the list to compare them.' } })
            return
          case 'toggle-notes':
            return dispatch({ type: 'toggleNotesPanel' })
          case 'settings':
            return dispatch({ type: 'settings', open: true })
          case 'export':
            return void exportShown(now).then(downloadFile, (err: Error) => dispatch({ type: 'toast', toast: { message: `Export failed: ${err.message}` } }))
        }
      }),
    [dispatch, inputs]
  )
}
