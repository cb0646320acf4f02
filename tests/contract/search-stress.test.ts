/**
 * Writes and searches at once through the HTTP bridge of a real `parallax serve`, while the search
 * builder merges segments all the time (merge threshold forced to one segment, merging without
 * waiting for writes to be quiet). Issue 11: a
 * segment merged and deleted between listing and reading it made committed writes answer 500.
 * Every call must succeed, every write must be visible to the next search, and afterwards the
 * index must agree with the library.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { serve, type Served } from '../helpers/serve'
import { tmpDir } from '../helpers/tmp'

/** Letters without vowels, s or y: the stemmer leaves words made of them alone. */
const ALPHABET = 'bcdfghjklmnpqrtvwxz'
function word(prefix: string, n: number): string {
  let s = ''
  do {
    s = ALPHABET[n % ALPHABET.length] + s
    n = Math.floor(n / ALPHABET.length)
  } while (n > 0)
  return `${prefix}${s}`
}

const VOCABULARY = 'council harbour bridge election budget river school hospital festival railway market museum storm drought minister court'.split(' ')

/** A distinct article holding its own marker word (`qv…`), as a Markdown file with front matter. */
function article(n: number): { name: string; data: string } {
  let seed = n * 7919 + 13
  const pick = (): string => VOCABULARY[(seed = (seed * 48271) % 2147483647) % VOCABULARY.length]!
  const sentences = Array.from({ length: 12 }, (_, i) => `The ${pick()} and the ${pick()} met ${pick()} officials on day ${i + n} near ${word('qv', n)} and ${word('mk', n * 12 + i)}.`)
  const md = `---\ntitle: "Report ${n} on the ${pick()}"\ndate: 2024-0${1 + (n % 9)}-1${n % 10}\noutlet: Stress Gazette\n---\n\n${sentences.join(' ')}\n`
  return { name: `stress-${n}.md`, data: Buffer.from(md).toString('base64') }
}

interface Failure {
  method: string
  status: number
  body: string
}

class Client {
  readonly failures: Failure[] = []
  constructor(private readonly server: Served) {}

  async call<T>(method: string, args: unknown): Promise<T> {
    const res = await fetch(`${this.server.url}rpc/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.server.token}` },
      body: JSON.stringify(args)
    })
    const body = await res.text()
    const env = JSON.parse(body) as { ok: boolean; result?: T }
    if (res.status !== 200 || !env.ok) this.failures.push({ method, status: res.status, body })
    return env.result as T
  }

  async find(q: string): Promise<number[]> {
    const r = await this.call<{ hits: { id: number }[] }>('search.query', { q, limit: 200 })
    return (r?.hits ?? []).map((h) => h.id).sort((a, b) => a - b)
  }
}

/** The library as the test wrote it: which marker each live article holds, and its tags and notes. */
interface Written {
  marker: Map<number, string>
  tags: Map<number, string>
  notes: Map<number, string>
  deleted: Set<number>
}

let server: Served | null = null
afterEach(async () => {
  await server?.stop()
  server = null
})

async function importer(c: Client, w: Written, misses: string[]): Promise<void> {
  for (let call = 0; call < 6; call++) {
    const files = Array.from({ length: 12 }, (_, i) => article(call * 12 + i))
    const r = await c.call<{ results: { status: string; articleId?: number; name: string }[] }>('import.files', { jobId: `stress-${call}`, files })
    for (const res of r?.results ?? []) {
      if (res.status !== 'imported' || !res.articleId) {
        misses.push(`import ${res.name}: ${JSON.stringify(res)}`)
        continue
      }
      const n = Number(/stress-(\d+)/.exec(res.name)![1])
      w.marker.set(res.articleId, word('qv', n))
    }
    for (const [id, m] of w.marker) {
      if (w.deleted.has(id)) continue
      const found = (await c.find(m)).includes(id)
      // The editor may delete this article while the search runs (it marks it deleted first):
      // only an article still live after the answer must have been found.
      if (!found && !w.deleted.has(id)) misses.push(`import ${m}`)
    }
  }
}

/** Tags, notes and deletes on the articles imported so far, each checked by the search right after it. */
async function editor(c: Client, w: Written, misses: string[], done: () => boolean): Promise<void> {
  for (let round = 0; !done() || round < 3; round++) {
    const live = [...w.marker.keys()].filter((id) => !w.deleted.has(id))
    if (live.length < 4) {
      await new Promise((r) => setTimeout(r, 20))
      continue
    }
    const id = live[(round * 5) % live.length]!
    const tag = word('tg', round)
    await c.call('tags.change', { ids: [id], add: [tag] })
    w.tags.set(id, tag)
    if (!(await c.find(`tag:${tag}`)).includes(id)) misses.push(`tag ${tag}`)
    const other = live[(round * 3 + 1) % live.length]!
    const body = word('nt', round)
    await c.call('notes.create', { articleId: other, start: 0, end: 10, color: 'yellow', body })
    w.notes.set(other, body)
    if (!(await c.find(`notes:${body}`)).includes(other)) misses.push(`note ${body}`)
    if (round % 4 === 3) {
      // Never the newest: SQLite gives its id to the next article imported.
      const victim = live[0]!
      w.deleted.add(victim) // before the call: the importer's checks run meanwhile
      await c.call('articles.delete', { ids: [victim] })
      if ((await c.find(w.marker.get(victim)!)).includes(victim)) misses.push(`delete ${victim}`)
    }
  }
}

async function searcher(c: Client, done: () => boolean): Promise<void> {
  for (let i = 0; !done(); i++) {
    await c.call('search.query', { q: i % 2 ? 'council harbour' : '"the budget"', limit: 20 })
    if (i % 25 === 0) await c.call('stories.list', {})
  }
}

/** Waits until the builder has indexed every pending article, then checks each write against the index. */
async function indexAgreesWithLibrary(c: Client, w: Written): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const s = await c.call<{ pending: number; documents: number }>('search.status', {})
    if (s.pending === 0) break
    await new Promise((r) => setTimeout(r, 100))
  }
  const wrong: string[] = []
  const list = await c.call<{ total: number }>('articles.list', { limit: 1 })
  const status = await c.call<{ documents: number }>('search.status', {})
  if (list.total !== status.documents) wrong.push(`library ${list.total} articles, index ${status.documents}`)
  for (const [id, m] of w.marker) {
    const expected = w.deleted.has(id) ? [] : [id]
    if (JSON.stringify(await c.find(m)) !== JSON.stringify(expected)) wrong.push(`marker ${m} of #${id}`)
  }
  for (const [kind, map] of [['tag', w.tags], ['notes', w.notes]] as const) {
    for (const [id, value] of map) {
      const found = await c.find(`${kind}:${value}`)
      if (found.includes(id) === w.deleted.has(id)) wrong.push(`${kind} ${value} of #${id}`)
    }
  }
  return wrong
}

describe('search under concurrent writes (HTTP bridge)', () => {
  it('answers every call, shows every write at once, and ends agreeing with the library while segments merge', async () => {
    server = await serve(tmpDir(), { PARALLAX_SEARCH_MAX_SEGMENTS: '1', PARALLAX_SEARCH_MERGE_QUIET_MS: '0' })
    const c = new Client(server)
    const w: Written = { marker: new Map(), tags: new Map(), notes: new Map(), deleted: new Set() }
    const misses: string[] = []
    let importing = true
    const imports = importer(c, w, misses).finally(() => (importing = false))
    await Promise.all([imports, editor(c, w, misses, () => !importing), searcher(c, () => !importing)])

    expect(c.failures.slice(0, 5)).toEqual([])
    expect(misses).toEqual([])
    expect(w.marker.size).toBe(72) // every file imported, none taken for a duplicate
    expect(w.tags.size).toBeGreaterThan(3)
    expect(w.deleted.size).toBeGreaterThan(0)
    expect(await indexAgreesWithLibrary(c, w)).toEqual([])
    expect(c.failures).toEqual([])
  }, 120_000)
})
