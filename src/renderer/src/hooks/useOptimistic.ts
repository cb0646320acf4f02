/**
 * A list shown as the user changed it at once, while the write that stores the change runs:
 * the change is kept until the stored list arrives, and undone (with the error) if the write fails.
 */
import { useEffect, useState } from 'react'

export interface Optimistic<T> {
  shown: T[]
  error: string | null
  change: (next: T[], write: () => Promise<unknown>) => void
}

export function useOptimistic<T>(stored: T[]): Optimistic<T> {
  const [pending, setPending] = useState<T[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The stored list moved on (the write landed, or something else changed it): show it.
  useEffect(() => setPending(null), [stored])
  const change = (next: T[], write: () => Promise<unknown>): void => {
    setPending(next)
    setError(null)
    write().catch((err: Error) => {
      setPending(null)
      setError(err.message)
    })
  }
  return { shown: pending ?? stored, error, change }
}
