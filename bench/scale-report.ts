/**
 * The scale benchmark's table: one row per figure, Parallax beside the baseline (FTS5) where
 * there is one, and the issue's target with met / NOT met. A new figure is a function in ROWS
 * reading the phases' JSON (keyed by phase name).
 */
import { fmt, mb, pct, QUERIES } from './search-corpus'

/** Every phase's JSON output, by phase name. */
export type Figures = Record<string, Record<string, unknown>>

export interface Row {
  label: string
  parallax: string
  baseline?: string
  /** The target and whether it was met. */
  target?: string
}

const num = (f: Figures, phase: string, key: string): number => Number(f[phase]?.[key])
const list = (f: Figures, phase: string, key: string): number[] => (f[phase]?.[key] as number[] | undefined) ?? []
const verdict = (what: string, ok: boolean): string => `${what}: ${ok ? 'met' : 'NOT met'}`

/** First query after start: 0.5 s at 50,000, 1.5 s at 1,000,000 (in between: the nearer bound). */
function startTarget(n: number): number {
  return n <= 50_000 ? 500 : n >= 1_000_000 ? 1500 : 500 + (1000 * (n - 50_000)) / 950_000
}

function queryRows(f: Figures): Row[] {
  const lat = list(f, 'query', 'lat')
  const ftsLat = list(f, 'query', 'ftsLat')
  const p95 = pct(lat, 95)
  const ftsP95 = pct(ftsLat, 95)
  const rows: Row[] = [
    { label: 'query p50', parallax: `${fmt(pct(lat, 50))} ms`, baseline: `${fmt(pct(ftsLat, 50))} ms` },
    { label: 'query p95', parallax: `${fmt(p95)} ms`, baseline: `${fmt(ftsP95)} ms`, target: `${verdict('<= 100 ms', p95 <= 100)}; ${fmt(p95 / ftsP95)}x FTS5, ${verdict('<= 3x', p95 <= 3 * ftsP95)}` }
  ]
  for (const kind of [...new Set(QUERIES.map((x) => x.kind))]) {
    const pick = (xs: number[]): number[] => xs.filter((_, i) => QUERIES[i % QUERIES.length]!.kind === kind)
    rows.push({ label: `  ${kind} p50/p95`, parallax: `${fmt(pct(pick(lat), 50))}/${fmt(pct(pick(lat), 95))} ms`, baseline: `${fmt(pct(pick(ftsLat), 50))}/${fmt(pct(pick(ftsLat), 95))} ms` })
  }
  return rows
}

const median = (xs: number[]): number => pct(xs, 50)
const starts = (f: Figures, key: string): number[] => ((f.start?.runs as Record<string, number>[] | undefined) ?? []).map((r) => r[key]!)

/** The app's import path: NDJSON through the bridge into the large library. */
function importRows(f: Figures): Row[] {
  const rate = num(f, 'import', 'imported') / num(f, 'import', 'importSeconds')
  const rss = num(f, 'import', 'rss')
  const odd = Object.entries((f.import?.statuses as Record<string, number> | undefined) ?? {}).filter(([k]) => k !== 'imported')
  return [
    {
      label: `import, NDJSON through the bridge (${num(f, 'import', 'records').toLocaleString('en')})`,
      parallax: `${rate.toFixed(0)}/s (${fmt(num(f, 'import', 'importSeconds'))} s)`,
      target: `${verdict('>= 2,000/s', rate >= 2000)}${odd.length ? `; NOT imported: ${odd.map(([k, v]) => `${v} ${k}`).join(', ')}` : ''}`
    },
    { label: '  imported to all searchable', parallax: `${fmt(num(f, 'import', 'indexedSeconds'))} s` },
    { label: 'peak RSS while importing (serve process)', parallax: mb(rss), target: verdict('<= 2 GB', rss <= 2048 * 1048576) }
  ]
}

/** Start-up: `parallax serve` spawned to its first search answered through the bridge (median of 3), and the bench's own process. */
function startRows(f: Figures): Row[] {
  const first = median(starts(f, 'firstMs'))
  const target = startTarget(num(f, 'fill', 'n'))
  return [
    { label: 'process start to first answer (bridge)', parallax: `${fmt(first)} ms`, target: `${verdict(`<= ${fmt(target)} ms`, first <= target)} (runs: ${starts(f, 'firstMs').map(fmt).join(', ')})` },
    { label: '  its CPU time (all threads)', parallax: `${fmt(median(starts(f, 'firstCpuMs')))} ms` },
    { label: '  of which until serve listens', parallax: `${fmt(median(starts(f, 'listeningMs')))} ms` },
    { label: '  in one process, as the query worker starts', parallax: `${fmt(num(f, 'query', 'firstMs'))} ms` },
    { label: '  of which library open to first answer', parallax: `${fmt(num(f, 'query', 'openMs'))} ms`, baseline: `${fmt(num(f, 'query', 'ftsFirstMs'))} ms` }
  ]
}

/** The library table's first page, newest first: through the store and through the bridge (with the total). */
function pageRows(f: Figures): Row[] {
  const page = (f.query?.page as { firstMs: number; medianMs: number } | undefined) ?? { firstMs: NaN, medianMs: NaN }
  const bridge = median(starts(f, 'pageMedianMs'))
  const worst = Math.max(page.medianMs, bridge)
  return [
    { label: 'first page by date, store (first/median)', parallax: `${fmt(page.firstMs)}/${fmt(page.medianMs)} ms`, target: verdict('<= 200 ms', worst <= 200) },
    { label: '  through the bridge, with total', parallax: `${fmt(median(starts(f, 'pageFirstMs')))}/${fmt(bridge)} ms` }
  ]
}

export const ROWS: ((f: Figures) => Row[])[] = [
  (f) => [{ label: `articles stored (plain SQL, ${num(f, 'fill', 'stored').toLocaleString('en')})`, parallax: `${fmt(num(f, 'fill', 'fillMs') / 1000)} s` }],
  importRows,
  (f) => [
    {
      label: `index build (${num(f, 'index', 'segments')} segments) / FTS5 build`,
      parallax: `${fmt(num(f, 'index', 'buildMs') / 1000)} s`,
      baseline: `${fmt(num(f, 'fts', 'ftsBuildMs') / 1000)} s`
    },
    { label: 'peak RSS while building', parallax: mb(num(f, 'index', 'rss')), baseline: mb(num(f, 'fts', 'rss')), target: verdict('<= 2 GB', num(f, 'index', 'rss') <= 2048 * 1048576) }
  ],
  startRows,
  queryRows,
  (f) => {
    const ms = num(f, 'query', 'freshMs')
    const found = num(f, 'query', 'found')
    return [{ label: '+100 articles searchable', parallax: `${fmt(ms)} ms (${found === 100 ? 'all 100 found' : `ONLY ${found} found`})`, target: verdict('<= 2 s', ms <= 2000 && found === 100) }]
  },
  (f) => {
    const r = list(f, 'query', 'related')
    return [{ label: 'related coverage p50/p95', parallax: `${fmt(pct(r, 50))}/${fmt(pct(r, 95))} ms`, target: verdict('p95 <= 100 ms', pct(r, 95) <= 100) }]
  },
  pageRows,
  (f) => {
    const s = f.stories ?? {}
    return [{ label: 'stories up to date after 1,000 new', parallax: `${fmt(num(f, 'stories', 'storiesMs') / 1000)} s (${String(s.pending)} marks, ${String(s.left)} left)` }]
  },
  (f) => [{ label: 'peak RSS while querying', parallax: mb(num(f, 'query', 'rss')), target: verdict('<= 1.5 GB', num(f, 'query', 'rss') <= 1536 * 1048576) }],
  (f) => [{ label: 'library file (articles + index) / FTS5 file', parallax: mb(num(f, 'index', 'size')), baseline: mb(num(f, 'fts', 'ftsSize')) }],
  (f) => [{ label: 'bench phases (wall, s)', parallax: Object.entries(f.wall ?? {}).map(([k, v]) => `${k} ${fmt(Number(v))}`).join(', ') }],
  (f) => [{ label: 'Recoll (Xapian)', parallax: f.recoll?.present ? 'installed: not measured yet' : 'absent (recollindex not installed)' }]
]

export function report(f: Figures): void {
  console.log(`scale: ${num(f, 'fill', 'n').toLocaleString('en')} articles (BBC corpus replicated: new ids, shuffled paragraphs, 7 years of dates, 8 outlets)`)
  const line = (a: string, b: string, c: string, d: string): void => console.log(`  ${a.padEnd(46)} ${b.padStart(26)} ${c.padStart(24)}  ${d}`)
  line('', 'parallax', 'sqlite fts5', 'target')
  for (const rows of ROWS) for (const r of rows(f)) line(r.label, r.parallax, r.baseline ?? '', r.target ?? '')
}
