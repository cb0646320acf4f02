/** The desktop menu's commands and the window-wide keys, acting on the app state. */
import { act, renderHook } from '@testing-library/react'
import { useMemo, useReducer } from 'react'
import { describe, expect, it } from 'vitest'
import { initialState, reducer, type Action } from '../../src/renderer/src/app/state'
import type { ToolbarInputs } from '../../src/renderer/src/app/Toolbar'
import { useGlobalKeys } from '../../src/renderer/src/app/useGlobalKeys'
import { useShellCommands } from '../../src/renderer/src/app/useShellCommands'
import { bridge } from './bridge'

/** The app's state with the menu and keys wired to it, and a real search box in the page. */
function useWiredApp(box: HTMLInputElement) {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialState())
  const inputs: ToolbarInputs = useMemo(() => ({ search: { current: box }, files: { current: null }, folder: { current: null } }), [])
  useShellCommands(state, dispatch, inputs)
  useGlobalKeys(dispatch, inputs.search)
  return { state, dispatch }
}

function setup() {
  const box = document.body.appendChild(document.createElement('input'))
  const hook = renderHook(() => useWiredApp(box))
  const run = (action: Action): void => act(() => hook.result.current.dispatch(action))
  const command = (name: string): void => act(() => bridge.emit('shell.command', { name }))
  const key = (k: string, target: EventTarget = document.body): void => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })))
  return { box, hook, run, command, key }
}

describe('menu commands', () => {
  it('compares the ticked articles, or says how many to tick', () => {
    const { hook, run, command } = setup()
    run({ type: 'toggleMark', id: 1 })
    command('compare-selected')
    expect(hook.result.current.state.toast?.message).toBe('Tick 2 to 6 articles in the list to compare them.')
    expect(hook.result.current.state.route.page).toBe('library')
    run({ type: 'toggleMark', id: 2 })
    command('compare-selected')
    expect(hook.result.current.state.route).toMatchObject({ page: 'compare', ids: [1, 2] })
  })

  it('toggles the notes panel, opens the settings and focuses the search box', () => {
    const { box, hook, command } = setup()
    command('toggle-notes')
    command('settings')
    command('find')
    expect(hook.result.current.state).toMatchObject({ notesPanel: false, settings: true })
    expect(document.activeElement).toBe(box)
  })

  it('stops listening when the app goes', () => {
    const { hook } = setup()
    expect(bridge.listenerCount('shell.command')).toBe(1)
    hook.unmount()
    expect(bridge.listenerCount('shell.command')).toBe(0)
  })
})

describe('window keys', () => {
  it('"/" focuses the search, Esc in it clears the search, "?" toggles the help and Esc closes it', () => {
    const { box, hook, run, key } = setup()
    key('/')
    expect(document.activeElement).toBe(box)
    run({ type: 'search', text: 'harbour' })
    key('Escape', box)
    expect(hook.result.current.state.search).toBe('')
    key('?')
    expect(hook.result.current.state.help).toBe(true)
    key('?', box)
    expect(hook.result.current.state.help).toBe(true)
    key('Escape')
    expect(hook.result.current.state.help).toBe(false)
  })

  it('Esc clears the search from anywhere but another text field', () => {
    const { run, hook, key } = setup()
    run({ type: 'search', text: 'harbour' })
    key('Escape')
    expect(hook.result.current.state.search).toBe('')
    run({ type: 'search', text: 'harbour' })
    const other = document.createElement('textarea')
    document.body.append(other)
    key('Escape', other)
    expect(hook.result.current.state.search).toBe('harbour')
    other.remove()
  })
})
