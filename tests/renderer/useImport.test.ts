/** The import flow over the real client: batching by count and size, local failures, a failed batch, progress, cancel. */
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/shared/contract'
import { belongTogether } from '../../src/shared/import-pairs'
import { LIMITS } from '../../src/shared/limits'
import { BATCH_BYTES, BATCH_FILES } from '../../src/renderer/src/hooks/importBatches'
import { useImport } from '../../src/renderer/src/hooks/useImport'
import { bridge, deferred } from './bridge'

interface Call {
  jobId: string
  overall: { id: string; before: number; total: number }
  files: { name: string; data: Uint8Array }[]
}

const MB = 1024 * 1024
const file = (name: string, text = `text of ${name}`): File => new File([text], name, { type: 'text/plain' })
const sized = (name: string, bytes: number): File => new File([new Uint8Array(bytes)], name)
const imported = (name: string, i: number): ImportResult => ({ name, status: 'imported', articleId: i + 1, title: name, reason: null, nearDuplicates: [] })

/** The core imports every file it is sent. */
function answerImported(): void {
  bridge.answer('import.files', (args: Call) => ({ results: args.files.map((f, i) => imported(f.name, i)) }))
}

async function runImport(files: File[]) {
  const hook = renderHook(() => useImport())
  act(() => hook.result.current.start(files))
  await waitFor(() => expect(hook.result.current.state.running).toBe(false), { timeout: 20_000 })
  return { state: hook.result.current.state, calls: bridge.callsOf('import.files') as Call[] }
}

describe('useImport', () => {
  it(`sends at most ${BATCH_FILES} files per request, counting earlier batches in the overall progress`, async () => {
    answerImported()
    const files = Array.from({ length: 120 }, (_, i) => file(`a${i}.txt`))
    const { state, calls } = await runImport(files)
    expect(calls.map((c) => c.files.length)).toEqual([50, 50, 20])
    expect(calls.map((c) => c.overall.before)).toEqual([0, 50, 100])
    expect(new Set(calls.map((c) => c.overall.id)).size).toBe(1)
    expect(calls.every((c) => c.jobId.startsWith(c.overall.id))).toBe(true)
    // Raw bytes, never base64.
    expect(calls[0]!.files[0]!.data).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(calls[0]!.files[0]!.data)).toBe('text of a0.txt')
    expect(state).toMatchObject({ running: false, done: 120, total: 120, cancelled: false })
    expect(state.results.map((r) => r.name)).toEqual(files.map((f) => f.name))
  })

  it(`starts a new request before a batch would pass ${BATCH_BYTES / MB} MB`, async () => {
    answerImported()
    const { calls } = await runImport([sized('a.pdf', 7 * MB), sized('b.pdf', 7 * MB), sized('c.pdf', 7 * MB)])
    expect(calls.map((c) => c.files.map((f) => f.name))).toEqual([['a.pdf', 'b.pdf'], ['c.pdf']])
  })

  it('never splits an article and its metadata file between two requests', async () => {
    answerImported()
    // 49 articles, then a pair that would straddle the 50-file boundary, and a pair whose parts are apart.
    const names = [...Array.from({ length: 49 }, (_, i) => `clips/a${i}.txt`), 'clips/story.txt', 'clips/story.txt.json', 'clips/b.json', 'clips/x.txt', 'clips/b.txt']
    const { state, calls } = await runImport(names.map((n) => file(n)))
    const sent = calls.map((c) => c.files.map((f) => f.name))
    expect(sent.map((s) => s.length)).toEqual([49, 5])
    expect(sent[1]).toEqual(['clips/story.txt', 'clips/story.txt.json', 'clips/b.json', 'clips/b.txt', 'clips/x.txt'])
    expect(sent.flat().sort()).toEqual([...names].sort())
    for (const a of sent.flat()) for (const b of sent.flat()) if (belongTogether(a, b)) expect(sent.findIndex((s) => s.includes(a))).toBe(sent.findIndex((s) => s.includes(b)))
    expect(state).toMatchObject({ running: false, done: names.length, total: names.length })
  })

  it('fails a file over the size limit without uploading it', async () => {
    answerImported()
    const big = sized('huge.pdf', 1)
    Object.defineProperty(big, 'size', { value: LIMITS.maxFileBytes + 1 })
    const { state, calls } = await runImport([file('small.txt'), big])
    expect(calls.flatMap((c) => c.files.map((f) => f.name))).toEqual(['small.txt'])
    expect(state.results.find((r) => r.name === 'huge.pdf')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^file too large: 50 MB, limit 50 MB$/) })
  })

  it('fails the files of a request that fails, and goes on with the next request', async () => {
    let n = 0
    bridge.answer('import.files', (args: Call) => {
      if (n++ === 0) throw new Error('the library is read-only')
      return { results: args.files.map((f, i) => imported(f.name, i)) }
    })
    const { state } = await runImport(Array.from({ length: 51 }, (_, i) => file(`a${i}.txt`)))
    expect(state.results.filter((r) => r.status === 'failed')).toHaveLength(50)
    expect(state.results[0]).toMatchObject({ status: 'failed', reason: 'the library is read-only' })
    expect(state.results[50]).toMatchObject({ name: 'a50.txt', status: 'imported' })
  })

  it('shows progress events of its own job, counted across batches', async () => {
    const second = deferred<unknown>()
    let n = 0
    bridge.answer('import.files', (args: Call) => (n++ === 0 ? { results: args.files.map((f, i) => imported(f.name, i)) } : second.promise))
    const { result } = renderHook(() => useImport())
    act(() => result.current.start(Array.from({ length: 60 }, (_, i) => file(`a${i}.txt`))))
    await waitFor(() => expect(bridge.callsOf('import.files')).toHaveLength(2))
    const call = bridge.callsOf('import.files')[1] as Call
    act(() => bridge.emit('import.progress', { jobId: 'someone-else', done: 9, total: 10, current: 'x.txt' }))
    act(() => bridge.emit('import.progress', { jobId: call.jobId, done: 4, total: 10, current: 'a54.txt' }))
    expect(result.current.state).toMatchObject({ running: true, done: 54, total: 60, current: 'a54.txt' })
    await act(async () => second.resolve({ results: call.files.map((f, i) => imported(f.name, i)) }))
    await waitFor(() => expect(result.current.state).toMatchObject({ running: false, done: 60 }))
  })

  it('cancels the request in flight and skips the files not yet sent', async () => {
    const first = deferred<unknown>()
    bridge.answer('import.files', () => first.promise)
    bridge.answer('import.cancel', () => ({}))
    const { result } = renderHook(() => useImport())
    act(() => result.current.start(Array.from({ length: 53 }, (_, i) => file(`a${i}.txt`))))
    await waitFor(() => expect(bridge.callsOf('import.files')).toHaveLength(1))
    const call = bridge.callsOf('import.files')[0] as Call
    act(() => result.current.cancel())
    expect(bridge.callsOf('import.cancel')).toEqual([{ jobId: call.jobId }])
    await act(async () => first.resolve({ results: call.files.map((f, i) => imported(f.name, i)) }))
    await waitFor(() => expect(result.current.state.running).toBe(false))
    const { state } = result.current
    expect(state.cancelled).toBe(true)
    expect(state.results.slice(50).map((r) => [r.name, r.status, r.reason])).toEqual(
      ['a50.txt', 'a51.txt', 'a52.txt'].map((name) => [name, 'skipped', 'cancelled before it was imported'])
    )
    expect(bridge.callsOf('import.files')).toHaveLength(1)
    act(() => result.current.dismiss())
    expect(result.current.state).toMatchObject({ running: false, results: [], total: 0 })
  })
  it('in the desktop app sends the files\' paths (the main process reads them), with the names the user sees', async () => {
    const paths = new Map<File, string>()
    const onDisk = (name: string): File => {
      const f = file(name)
      paths.set(f, `/home/ana/${name}`)
      return f
    }
    window.parallax!.pathForFile = (f: File) => paths.get(f) ?? ''
    try {
      bridge.answer('import.paths', (args: { paths: { name: string }[] }) => ({ results: args.paths.map((p, i) => imported(p.name, i)) }))
      const { state } = await runImport([onDisk('Quay Times/a.txt'), onDisk('Quay Times/b.txt')])
      const [call] = bridge.callsOf('import.paths') as { jobId: string; overall: object; paths: unknown[] }[]
      expect(call!.paths).toEqual([
        { path: '/home/ana/Quay Times/a.txt', name: 'Quay Times/a.txt' },
        { path: '/home/ana/Quay Times/b.txt', name: 'Quay Times/b.txt' }
      ])
      expect(call!.overall).toMatchObject({ before: 0, total: 2 })
      expect(bridge.callsOf('import.files')).toEqual([])
      expect(state.results.map((r) => [r.name, r.status])).toEqual([['Quay Times/a.txt', 'imported'], ['Quay Times/b.txt', 'imported']])
    } finally {
      delete window.parallax!.pathForFile
    }
  })

  it('in the desktop app sends an NDJSON export over the per-file limit by path (the core reads it from disk), and still refuses other large files', async () => {
    const big = sized('export.ndjson', LIMITS.maxFileBytes + 1)
    const pdf = sized('scan.pdf', LIMITS.maxFileBytes + 1)
    window.parallax!.pathForFile = (f: File) => `/data/${f.name}`
    try {
      bridge.answer('import.paths', (args: { paths: { name: string }[] }) => ({ results: args.paths.map((p, i) => imported(p.name, i)) }))
      const { state } = await runImport([big, pdf, file('a.txt')])
      const calls = bridge.callsOf('import.paths') as { paths: { path: string; name: string }[] }[]
      expect(calls.flatMap((c) => c.paths.map((p) => p.path))).toEqual(['/data/export.ndjson', '/data/a.txt'])
      expect(state.results.find((r) => r.name === 'scan.pdf')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^file too large/) })
      expect(state.results.find((r) => r.name === 'export.ndjson')).toMatchObject({ status: 'imported' })
    } finally {
      delete window.parallax!.pathForFile
    }
  })
})
