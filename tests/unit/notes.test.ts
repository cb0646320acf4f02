/** Notes anchored to quotes: re-attached when the text changes, told apart when a quote repeats, orphaned but kept. */
import { describe, expect, it } from 'vitest'
import { locate, makeAnchor } from '../../src/main/core/notes/anchor'
import { openCore } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { tmpDir } from '../helpers/tmp'

const TEXT = 'The council met on Monday. The mayor spoke first. Then the mayor spoke again, briefly. The vote was close.'

describe('anchors', () => {
  const at = (quote: string, nth = 0): [number, number] => {
    let i = -1
    for (let k = 0; k <= nth; k++) i = TEXT.indexOf(quote, i + 1)
    return [i, i + quote.length]
  }

  it('re-attaches by position when the text is unchanged', () => {
    const a = makeAnchor(TEXT, ...at('The vote was close'))
    expect(locate(TEXT, a)).toEqual({ start: a.start, end: a.end, how: 'position' })
  })

  it('re-attaches when text changes before, inside and after the quote', () => {
    const a = makeAnchor(TEXT, ...at('The vote was close'))
    const before = 'BREAKING. ' + TEXT
    expect(before.slice(locate(before, a).start, locate(before, a).end)).toBe('The vote was close')
    const after = TEXT + ' More to follow.'
    expect(locate(after, a).how).toBe('position')
    // Inside: the quote's own whitespace reflowed by a better extraction.
    const reflowed = TEXT.replace('The vote was close', 'The vote  was\nclose')
    const r = locate(reflowed, a)
    expect(r.how).toBe('quote')
    expect(reflowed.slice(r.start, r.end)).toBe('The vote  was\nclose')
  })

  it('tells the same quote at two places apart by its context and position', () => {
    const [p1] = at('mayor spoke', 0)
    const [p2] = at('mayor spoke', 1)
    expect(p2).toBeGreaterThan(p1)
    const first = makeAnchor(TEXT, p1, p1 + 11)
    const second = makeAnchor(TEXT, p2, p2 + 11)
    const edited = 'Update: ' + TEXT // every position moves by 8
    expect(locate(edited, first)).toEqual({ start: p1 + 8, end: p1 + 19, how: 'quote' })
    expect(locate(edited, second)).toEqual({ start: p2 + 8, end: p2 + 19, how: 'quote' })
  })

  it('leaves a note orphaned, not lost, when its quote is gone', () => {
    const a = makeAnchor(TEXT, ...at('The mayor spoke first'))
    expect(locate('An entirely different text.', a)).toEqual({ start: 0, end: 0, how: 'orphan' })
    expect(a.exact).toBe('The mayor spoke first')
  })
})

describe('notes in the library', () => {
  it('creates, lists, updates, finds by search (notes: and plain), exports and deletes notes', async () => {
    const core = openCore(tmpDir())
    const call = async (m: string, a: unknown): Promise<any> => {
      const env = await dispatch(core.service, m, a)
      if (!env.ok) throw new Error(env.error.message)
      return env.result
    }
    try {
      const data = Buffer.from(`Harbour vote\n\n${TEXT}`).toString('base64')
      const { results } = await call('import.files', { jobId: 'n', files: [{ name: 'v.txt', data }] })
      const id = results[0].articleId
      const start = TEXT.indexOf('The vote was close')
      const note = await call('notes.create', { articleId: id, start, end: start + 18, color: 'yellow', body: 'Check the **zanzibar** tally' })
      expect(note.anchor.exact).toBe('The vote was close')
      expect(note.located.how).toBe('position')
      expect((await call('notes.list', { articleId: id })).items).toHaveLength(1)
      expect((await call('search.query', { q: 'notes:zanzibar' })).total).toBe(1)
      expect((await call('search.query', { q: 'zanzibar' })).total).toBe(1)
      await call('notes.update', { id: note.id, body: 'Recount asked' })
      expect((await call('search.query', { q: 'zanzibar' })).total).toBe(0)
      const md = (await call('notes.export', { articleId: id })).content
      expect(md).toContain('> The vote was close')
      expect(md).toContain('Recount asked')
      const bad = await dispatch(core.service, 'notes.create', { articleId: id, start: 5, end: 2, color: 'yellow', body: '' })
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'end' } })
      const past = await dispatch(core.service, 'notes.create', { articleId: id, start: 0, end: 99_999, color: 'yellow', body: '' })
      expect(past).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
      expect(await call('notes.delete', { id: note.id })).toEqual({ deleted: true })
      expect((await call('notes.list', {})).items).toEqual([])
    } finally {
      await core.close()
    }
  })
})
