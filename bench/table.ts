/**
 * `npm run bench -- table`: the library table's queries on a synthetic library of N articles
 * (PARALLAX_BENCH_SIZES, default 50,000), through the store/SQL and through the HTTP bridge, beside
 * baselines in the same run: the cards view's full `articles.list` load and OFFSET paging.
 * Bundled to out/main/bench-table.js. Prints figures; asserts nothing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startHttpBridge } from '../src/main/bridge/http'
import { openCore } from '../src/main/core'
import { Library, LIBRARY_FILE } from '../src/main/core/store/library'
import type { StoreFilters } from '../src/main/core/store/library-filter'
import type { PageRequest } from '../src/main/core/store/library-page'
import { PAGE_SORTS, type PageSort } from '../src/shared/library-page'
import { fillLibrary } from './synthetic-library'

const ROUNDS = Number(process.env.PARALLAX_BENCH_ROUNDS ?? 7)
/** The cards view's full load is left out past this size (it would only measure JSON of a million rows). */
const FULL_LIST_UP_TO = 100_000

function ms(fn: () => unknown): number {
  const t = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - t) / 1e6
}
/** Wall-clock and this process's CPU time (the HTTP bridge runs in it too), in ms. */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const t = process.hrtime.bigint()
  const c = process.cpuUsage()
  await fn()
  const used = process.cpuUsage(c)
  return { wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: (used.user + used.system) / 1000 }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * First (cold) run and the medians of the next ROUNDS. The CPU time says what a query costs when
 * the wall-clock time is mostly waiting for a core on a shared machine.
 */
type Measured = { cold: number; median: number; cpu: number }
async function measure(fn: () => unknown): Promise<Measured> {
  const cold = (await timed(async () => fn())).wall
  const runs: { wall: number; cpu: number }[] = []
  for (let i = 0; i < ROUNDS; i++) runs.push(await timed(async () => fn()))
  return { cold, median: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) }
}

const line = (label: string, m: Measured | null, note = ''): void =>
  console.log(`  ${label.padEnd(48)} ${m ? `${m.median.toFixed(1).padStart(9)} ms  (cpu ${m.cpu.toFixed(1)} ms, first ${m.cold.toFixed(1)} ms)` : '   skipped'}${note ? `  ${note}` : ''}`)

interface BenchLibrary {
  dir: string
  /** How it was made (or found), for the heading. */
  made: string
  /** A temporary folder, removed after the run. */
  temporary: boolean
}

/**
 * A synthetic library of n articles in a temporary folder, or, with PARALLAX_BENCH_LIBRARY set, in
 * `<that folder>/table-<n>`, made once and reused by later runs (opening it migrates it, so a library
 * made by an older Parallax is also a migration's benchmark).
 */
function benchLibrary(n: number): BenchLibrary {
  const keep = process.env.PARALLAX_BENCH_LIBRARY
  const dir = keep ? join(resolve(keep), `table-${n}`) : mkdtempSync(join(tmpdir(), 'parallax-bench-table-'))
  if (keep && existsSync(join(dir, LIBRARY_FILE))) {
    const open = ms(() => Library.open(dir).close())
    return { dir, made: `reused from ${dir}; opened and migrated in ${(open / 1000).toFixed(1)} s`, temporary: false }
  }
  const lib = Library.open(dir)
  const cpu = process.cpuUsage()
  const fill = ms(() => fillLibrary(lib, n))
  const used = process.cpuUsage(cpu)
  lib.close()
  const rate = Math.round(n / (fill / 1000)).toLocaleString('en-US')
  return { dir, made: `written by SQL in ${(fill / 1000).toFixed(1)} s, ${rate}/s; cpu ${((used.user + used.system) / 1e6).toFixed(1)} s`, temporary: !keep }
}

async function benchSize(n: number): Promise<void> {
  const { dir, made, temporary } = benchLibrary(n)
  try {
    console.log(`\ntable: ${n.toLocaleString('en-US')} articles (${made})`)
    const core = openCore(dir)
    const { pages } = core.library
    const req = (over: Partial<PageRequest> = {}): PageRequest => ({ sort: 'publishedAt', direction: 'desc', filters: {}, limit: 100, ...over })
    console.log(' store / SQL:')
    const first = await measure(() => pages.page(req()))
    line('first page sorted by date (keyset, 100 rows)', first)
    const full = n <= FULL_LIST_UP_TO ? await measure(() => core.library.articles.list({})) : null
    line('baseline: the cards list loading every row', full, full ? `(${(full.median / first.median).toFixed(0)}x the first page)` : '')
    for (const sort of ['title', 'outlet', 'wordCount'] as const) line(`sort change: first page by ${sort}`, await measure(() => pages.page(req({ sort, direction: sort === 'wordCount' ? 'desc' : 'asc' }))))
    const mid = pages.page(req({ offset: Math.floor(n / 2) - 100 })).next!
    const cursor = await measure(() => pages.page(req({ cursor: mid })))
    const offset = await measure(() => pages.page(req({ offset: Math.floor(n / 2) })))
    line('page at the middle by cursor', cursor)
    line('baseline: the same page by OFFSET', offset, `(${(offset.median / cursor.median).toFixed(0)}x the cursor)`)
    line('total count (no filter)', await measure(() => pages.count({})))
    await benchFiltered(core.library, n)
    await benchHttp(core)
    await core.close()
  } finally {
    if (temporary) rmSync(dir, { recursive: true, force: true })
  }
}

/** Facets and filtered pages; a search filter reaches the store as ids (here 10,000 spread over the library). */
async function benchFiltered(library: Library, n: number): Promise<void> {
  const { pages, facets } = library
  const hits = Array.from({ length: Math.min(10_000, n) }, (_, k) => 1 + Math.floor((k * n) / Math.min(10_000, n)))
  const tagDates: StoreFilters = { tag: 'politics', from: '2021-01-01', to: '2022-12-31' }
  line('total count, tag + date range', await measure(() => pages.count(tagDates)))
  const f: [string, StoreFilters][] = [
    ['facet counts, no filter', {}],
    ['facet counts, outlet chosen', { outlet: 'Metro Wire' }],
    ['facet counts, language chosen', { language: 'de' }],
    ['facet counts, tag + date range', tagDates],
    ['facet counts, collection + with notes', { collection: 1, hasNotes: true }],
    ['facet counts, search hits (10,000) + outlet', { ids: hits, outlet: 'Metro Wire' }]
  ]
  for (const [label, filters] of f) line(label, await measure(() => facets.facets(filters)))
  const tagOutlet: StoreFilters = { tag: 'economy', outlet: 'Metro Wire' }
  const req = (sort: PageSort, direction: 'asc' | 'desc', filters: StoreFilters): PageRequest => ({ sort, direction, filters, limit: 100 })
  line('first page filtered by tag + outlet, with total', await measure(() => [pages.page(req('publishedAt', 'desc', tagOutlet)), pages.count(tagOutlet)]))
  for (const [label, filters] of [['tag + outlet', tagOutlet], ['tag + date range', tagDates]] as const) {
    const each: { sort: PageSort; dir: string; m: Measured }[] = []
    for (const sort of PAGE_SORTS) for (const dir of ['asc', 'desc'] as const) each.push({ sort, dir, m: await measure(() => pages.page(req(sort, dir, filters))) })
    const worst = each.reduce((a, b) => (b.m.median > a.m.median ? b : a))
    line(`slowest first page of 14 sorts, ${label}`, worst.m, `(${worst.sort} ${worst.dir})`)
  }
}

async function benchHttp(core: ReturnType<typeof openCore>): Promise<void> {
  const bridge = await startHttpBridge({ service: core.service, staticDir: resolve(__dirname, '../renderer'), port: 0 })
  const call = async (method: string, args: unknown): Promise<unknown> => {
    const res = await fetch(new URL(`/rpc/${method}`, bridge.url), { method: 'POST', headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' }, body: JSON.stringify(args) })
    const body = (await res.json()) as { ok: boolean }
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`)
    return body
  }
  console.log(' through the HTTP bridge (validation, JSON, loopback):')
  line('first page sorted by date, with total', await measure(() => call('articles.page', { sort: 'publishedAt', withTotal: true })))
  line('sort change: first page by title, with total', await measure(() => call('articles.page', { sort: 'title', withTotal: true })))
  line('facet counts, no filter', await measure(() => call('articles.facets', {})))
  line('facet counts, outlet chosen', await measure(() => call('articles.facets', { filters: { outlet: 'Metro Wire' } })))
  line('facet counts, tag + date range', await measure(() => call('articles.facets', { filters: { tag: 'politics', from: '2021-01-01', to: '2022-12-31' } })))
  line('first page filtered by tag + outlet, with total', await measure(() => call('articles.page', { sort: 'title', filters: { tag: 'economy', outlet: 'Metro Wire' }, withTotal: true })))
  await bridge.close()
}

async function main(): Promise<void> {
  for (const n of (process.env.PARALLAX_BENCH_SIZES ?? '50000').split(',').map(Number)) await benchSize(n)
}

void main()
