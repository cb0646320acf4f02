/**
 * A list shown as the user changed it at once, while the write that stores the change runs:
 * the change is shown until the write has landed and a different stored list has arrived (a reload
 * for another reason, with the old list, does not undo it), and is taken back, with the error, if
 * the write fails.
 */
import { useState } from 'react'

export interface Optimistic<T> {
  shown: T[]
  error: string | null
  change: (next: T[], write: () => Promise<unknown>) => void
}

interface Pending<T> {
  list: T[]
  /** The stored list when the change was made, as JSON. */
  base: string
  writing: boolean
}

export function useOptimistic<T>(stored: T[]): Optimistic<T> {
  const [pending, setPending] = useState<Pending<T> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const key = JSON.stringify(stored)
  const showPending = pending !== null && (pending.writing || pending.base === key)
  const change = (next: T[], write: () => Promise<unknown>): void => {
    const mine: Pending<T> = { list: next, base: showPending ? pending.base : key, writing: true }
    setPending(mine)
    setError(null)
    const settle = (p: Pending<T> | null): void => setPending((now) => (now === mine ? p : now))
    write().then(
      () => settle({ ...mine, writing: false }),
      (err: Error) => {
        settle(null)
        setError(err.message)
      }
    )
  }
  return { shown: showPending ? pending.list : stored, error, change }
}
