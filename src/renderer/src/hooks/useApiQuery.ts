/**
 * The one way a view reads from the core: load, reload when the library changes, keep only the
 * newest answer, and hand back the error so the view can show it where the data would be.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react'
import { api, type ChangeReason } from '../api/client'

export interface QueryOptions {
  /** Reload when the library changes for one of these reasons ('any': every reason). Default: load once. */
  reloadOn?: ChangeReason[] | 'any'
  /** False: nothing to load (no article open); the last answer is kept. */
  enabled?: boolean
  /** Waits this long after the inputs change before loading (search as you type). */
  debounceMs?: number
}

export interface ApiQuery<T> {
  /** The newest answer, kept while a reload is under way; null before the first one. */
  data: T | null
  /** The last load's failure, cleared by the next success. */
  error: string | null
  /** True until the first answer or failure. */
  loading: boolean
  reload: () => void
  /** Replaces the answer shown (with what a write returned) until the next load. */
  setData: (data: T) => void
}

/**
 * Runs `load` now and again whenever `deps` change or the library changes for `reloadOn`.
 * Loads can overlap (several changes in a row): an answer older than the newest request is dropped.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: DependencyList, options: QueryOptions = {}): ApiQuery<T> {
  const { reloadOn, enabled = true, debounceMs = 0 } = options
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true })
  const ticket = useRef(0)
  // The newest `load` (it closes over the caller's inputs), read by reloads that events start.
  const loader = useRef(load)
  useLayoutEffect(() => {
    loader.current = load
  })

  const reload = useCallback(() => {
    const mine = ++ticket.current
    loader
      .current()
      .then((data) => mine === ticket.current && setState({ data, error: null, loading: false }))
      .catch((err: Error) => mine === ticket.current && setState((s) => ({ ...s, error: err.message, loading: false })))
  }, [])

  const reasonKey = reloadOn === undefined ? '' : reloadOn === 'any' ? '*' : reloadOn.join()
  useEffect(() => {
    if (!enabled) return
    // An error belongs to the inputs that caused it; the last data stays until the new answer.
    setState((s) => (s.error ? { ...s, error: null } : s))
    const timer = debounceMs > 0 ? setTimeout(reload, debounceMs) : undefined
    if (!timer) reload()
    const off = reloadOn === undefined ? undefined : api.onChange(reloadOn === 'any' ? null : reloadOn, reload)
    const tickets = ticket // a counter, not a DOM node: the cleanup must bump the live value
    return () => {
      clearTimeout(timer)
      off?.()
      // Whatever is still in flight answers for inputs that are gone.
      tickets.current++
    }
    // The caller's deps stand for `load`; the reasons are compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, debounceMs, reasonKey, reload])

  const setData = useCallback((data: T) => setState({ data, error: null, loading: false }), [])
  return { ...state, reload, setData }
}
