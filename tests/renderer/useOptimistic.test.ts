/** useOptimistic: a change shows at once, stays until the stored list arrives, and is undone with the error if the write fails. */
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useOptimistic } from '../../src/renderer/src/hooks/useOptimistic'

function tags(initial: string[]) {
  return renderHook(({ stored }) => useOptimistic(stored), { initialProps: { stored: initial } })
}

describe('useOptimistic', () => {
  it('shows a change before its write answers, then the stored list once it arrives', async () => {
    const { result, rerender } = tags(['harbour'])
    let land!: () => void
    act(() => result.current.change(['harbour', 'council'], () => new Promise<void>((resolve) => (land = resolve))))
    expect(result.current.shown).toEqual(['harbour', 'council'])
    await act(async () => land())
    rerender({ stored: ['council', 'harbour'] })
    expect(result.current.shown).toEqual(['council', 'harbour'])
    expect(result.current.error).toBeNull()
  })

  it('keeps the change through a reload that still has the old list', async () => {
    const { result, rerender } = tags(['harbour'])
    let land!: () => void
    act(() => result.current.change(['harbour', 'council'], () => new Promise<void>((resolve) => (land = resolve))))
    rerender({ stored: ['harbour'] })
    expect(result.current.shown).toEqual(['harbour', 'council'])
    await act(async () => land())
    rerender({ stored: ['harbour'] })
    expect(result.current.shown).toEqual(['harbour', 'council'])
    rerender({ stored: ['harbour', 'council'] })
    expect(result.current.shown).toEqual(['harbour', 'council'])
  })

  it('takes a failed change back and says why', async () => {
    const { result } = tags(['harbour'])
    act(() => result.current.change([], () => Promise.reject(new Error('tag: is longer than 100 characters'))))
    expect(result.current.shown).toEqual([])
    await waitFor(() => expect(result.current.shown).toEqual(['harbour']))
    expect(result.current.error).toBe('tag: is longer than 100 characters')
  })
})
