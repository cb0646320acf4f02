// The scale benchmark's phases on the app's own path (bench/run.mjs calls them between the phases of
// bench/scale.ts): `parallax serve` (browser mode: the same core, workers and bridge as the desktop
// app) on the large library; NDJSON files posted to /rpc/import.files as the renderer sends files;
// process start to the first search answered through the bridge; the table's first page.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { postAll, serve } from './import-app.mjs'

const seconds = (t) => Number(process.hrtime.bigint() - t) / 1e9

/** CPU milliseconds a process has used so far, all its threads (utime + stime; 100 ticks a second on Linux): unlike wall time, not lengthened by a loaded machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** A process's peak RSS in bytes (VmHWM: its high-water mark; the workers are threads of it). */
function peakRss(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : NaN
}

async function call({ url, token }, method, arg) {
  const res = await fetch(new URL(`rpc/${method}`, url), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(arg) })
  const body = await res.json()
  if (!body.ok) throw new Error(`${method} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
  return body.result
}

/** Until the index holds every article (nothing pending for the builder), polling search.status. */
async function allIndexed(server) {
  for (;;) {
    const s = await call(server, 'search.status', {})
    if (s.pending === 0 && s.state === 'ready') return s
    await new Promise((r) => setTimeout(r, 250))
  }
}

/**
 * `files` (NDJSON) imported one per call into the library through the bridge: seconds until the
 * last call answered and until the index held them all, what each record became, and the serve
 * process's peak RSS over the whole import (parsing, storing, dedupe, the index builder).
 */
export async function importThroughBridge(cli, lib, files) {
  const server = await serve(cli, lib)
  try {
    const t = process.hrtime.bigint()
    const { results } = await postAll(server, files, files.map((f) => basename(f)), 1)
    const importSeconds = seconds(t)
    await allIndexed(server)
    const statuses = {}
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1
    return { importSeconds, indexedSeconds: seconds(t), records: results.length, imported: statuses.imported ?? 0, statuses, rss: peakRss(server.pid) }
  } finally {
    await server.stop()
  }
}

/** Process start (spawning `parallax serve`) to its first search answered through the bridge, then the table's first page. */
async function startOnce(cli, lib) {
  const t = process.hrtime.bigint()
  const server = await serve(cli, lib)
  try {
    const listeningMs = seconds(t) * 1000
    const { total } = await call(server, 'search.query', { q: 'economy' })
    const firstMs = seconds(t) * 1000
    const firstCpuMs = cpuMs(server.pid)
    const pages = []
    for (let k = 0; k < 8; k++) {
      const t1 = process.hrtime.bigint()
      await call(server, 'articles.page', { sort: 'publishedAt', direction: 'desc', limit: 100, withTotal: true })
      pages.push(seconds(t1) * 1000)
    }
    return { listeningMs, firstMs, firstCpuMs, total, pageFirstMs: pages[0], pageMedianMs: pages.slice(1).sort((a, b) => a - b)[3] }
  } finally {
    await server.stop()
  }
}

/** Three starts (the first one may also read the library from disk): each one's figures. */
export async function startThroughBridge(cli, lib) {
  const runs = []
  for (let k = 0; k < 3; k++) runs.push(await startOnce(cli, lib))
  return { runs }
}
