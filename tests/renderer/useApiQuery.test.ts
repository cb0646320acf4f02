/** useApiQuery over the real client and IPC transport: loads, reloads on changes, shows errors, drops stale answers. */
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { api } from '../../src/renderer/src/api/client'
import { useApiQuery, type QueryOptions } from '../../src/renderer/src/hooks/useApiQuery'
import { bridge, deferred } from './bridge'

const page = (titles: string[]): { items: { title: string }[]; total: number } => ({ items: titles.map((title) => ({ title })), total: titles.length })
const titles = (data: { items: { title: string }[] } | null): string[] | undefined => data?.items.map((i) => i.title)

function listArticles(options: QueryOptions = {}, sort: 'title' | 'outlet' = 'title') {
  return renderHook(({ sort: by }) => useApiQuery(() => api['articles.list']({ sort: by }), [by], options), { initialProps: { sort } })
}

describe('useApiQuery', () => {
  it('loads once and shows the answer', async () => {
    bridge.answer('articles.list', () => page(['Harbour bridge']))
    const { result } = listArticles()
    expect(result.current).toMatchObject({ data: null, loading: true, error: null })
    await waitFor(() => expect(titles(result.current.data)).toEqual(['Harbour bridge']))
    expect(result.current.loading).toBe(false)
    expect(bridge.callsOf('articles.list')).toEqual([{ sort: 'title' }])
    expect(bridge.listenerCount('library.changed')).toBe(0)
  })

  it('reloads when the library changes for one of its reasons, or on a resync, and not for others', async () => {
    let n = 0
    bridge.answer('articles.list', () => page([`answer ${++n}`]))
    const { result, unmount } = listArticles({ reloadOn: ['import', 'delete'] })
    await waitFor(() => expect(titles(result.current.data)).toEqual(['answer 1']))
    act(() => bridge.emit('library.changed', { reason: 'notes' }))
    act(() => bridge.emit('library.changed', { reason: 'import' }))
    await waitFor(() => expect(titles(result.current.data)).toEqual(['answer 2']))
    act(() => bridge.emit('library.changed', { reason: 'resync' }))
    await waitFor(() => expect(titles(result.current.data)).toEqual(['answer 3']))
    expect(bridge.callsOf('articles.list')).toHaveLength(3)
    unmount()
    expect(bridge.listenerCount('library.changed')).toBe(0)
  })

  it('reloads when its inputs change', async () => {
    bridge.answer('articles.list', (args: { sort: string }) => page([`by ${args.sort}`]))
    const { result, rerender } = listArticles()
    await waitFor(() => expect(titles(result.current.data)).toEqual(['by title']))
    rerender({ sort: 'outlet' })
    await waitFor(() => expect(titles(result.current.data)).toEqual(['by outlet']))
  })

})

describe('useApiQuery answers', () => {
  it('shows the error in place of swallowing it, keeps the last data, and clears the error on the next success', async () => {
    let fail = false
    bridge.answer('articles.list', () => {
      if (fail) throw new Error('the library file is locked')
      return page(['kept'])
    })
    const { result } = listArticles({ reloadOn: 'any' })
    await waitFor(() => expect(titles(result.current.data)).toEqual(['kept']))
    fail = true
    act(() => bridge.emit('library.changed', { reason: 'update' }))
    await waitFor(() => expect(result.current.error).toBe('the library file is locked'))
    expect(titles(result.current.data)).toEqual(['kept'])
    fail = false
    act(() => bridge.emit('library.changed', { reason: 'update' }))
    await waitFor(() => expect(result.current.error).toBeNull())
  })

  it('drops an answer that arrives after a newer request was made', async () => {
    const slow = deferred<unknown>()
    const fast = deferred<unknown>()
    const answers = [slow.promise, fast.promise]
    bridge.answer('articles.list', () => answers.shift())
    const { result } = listArticles({ reloadOn: 'any' })
    act(() => bridge.emit('library.changed', { reason: 'import' }))
    await waitFor(() => expect(bridge.callsOf('articles.list')).toHaveLength(2))
    await act(async () => fast.resolve(page(['newest'])))
    await waitFor(() => expect(titles(result.current.data)).toEqual(['newest']))
    await act(async () => slow.resolve(page(['stale'])))
    await act(async () => slow.reject(new Error('too late')))
    expect(titles(result.current.data)).toEqual(['newest'])
    expect(result.current.error).toBeNull()
  })

  it('drops the answer for inputs that changed, even when it arrives last', async () => {
    const byTitle = deferred<unknown>()
    bridge.answer('articles.list', (args: { sort: string }) => (args.sort === 'title' ? byTitle.promise : page(['by outlet'])))
    const { result, rerender } = listArticles()
    rerender({ sort: 'outlet' })
    await waitFor(() => expect(titles(result.current.data)).toEqual(['by outlet']))
    await act(async () => byTitle.resolve(page(['by title'])))
    expect(titles(result.current.data)).toEqual(['by outlet'])
  })

  it('loads nothing while disabled, and shows what a write returned until the next load', async () => {
    bridge.answer('articles.list', () => page(['loaded']))
    const { result, rerender } = renderHook(({ on }) => useApiQuery(() => api['articles.list']({}), [], { enabled: on }), { initialProps: { on: false } })
    expect(bridge.callsOf('articles.list')).toHaveLength(0)
    rerender({ on: true })
    await waitFor(() => expect(titles(result.current.data)).toEqual(['loaded']))
    // Only the titles matter here; the rest of an article summary is left out.
    act(() => result.current.setData(page(['written']) as never))
    expect(titles(result.current.data)).toEqual(['written'])
  })
})
