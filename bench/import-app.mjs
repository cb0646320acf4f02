// The app's import path in `npm run bench -- import`: `parallax serve` on a temporary library, the
// BBC files posted to /rpc/import.files in calls of 50 as the renderer sends them: one binary body
// per call, framed as src/shared/upload-frame.ts says (header length, JSON header, the files' bytes).
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'

const CALL_FILES = 50

/**
 * Starts `parallax serve` and reads its first line (url and token), as tests/helpers/serve.ts does.
 * PARALLAX_BENCH_SERVE_ARGS: Node options for it (`--cpu-prof --cpu-prof-dir=/tmp/prof` profiles every thread).
 */
export async function serve(cli, library) {
  const nodeArgs = (process.env.PARALLAX_BENCH_SERVE_ARGS ?? '').split(' ').filter(Boolean)
  const proc = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--json', '--port', '0', '--library', library], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += String(d)))
  const first = await new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout }).once('line', resolve)
    proc.once('exit', (code) => reject(new Error(`parallax serve exited with ${code}: ${stderr}`)))
  })
  const { url, token } = JSON.parse(first)
  const stop = () => new Promise((resolve) => (proc.exitCode !== null ? resolve() : (proc.once('exit', resolve), proc.kill('SIGTERM'))))
  return { url, token, stop, pid: proc.pid }
}

/** One call's body: 4-byte big-endian header length, the JSON header (files as name and size), the bytes. */
function uploadBody(header, contents) {
  const json = Buffer.from(JSON.stringify(header))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([length, json, ...contents])
}

/** Posts `files` (paths; `names` as the renderer would send them) in calls of `perCall`; returns results and per-call seconds. */
export async function postAll({ url, token }, files, names, perCall = CALL_FILES) {
  const results = []
  const calls = []
  const jobId = `bench-${Date.now().toString(36)}`
  for (let i = 0; i < files.length; i += perCall) {
    const contents = files.slice(i, i + perCall).map((f) => readFileSync(f))
    const header = { jobId: `${jobId}-${i / perCall}`, overall: { id: jobId, before: i, total: files.length }, files: contents.map((c, j) => ({ name: names[i + j], size: c.length })) }
    const t = process.hrtime.bigint()
    const res = await fetch(new URL('rpc/import.files', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.parallax.upload' },
      body: uploadBody(header, contents)
    })
    const body = await res.json()
    calls.push(Number(process.hrtime.bigint() - t) / 1e9)
    if (!res.ok || !body.ok) throw new Error(`import.files answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`)
    results.push(...body.result.results)
  }
  return { results, calls }
}

/** The app path into `library`: whole-run seconds, results, and the mean seconds of the first and last tenth of calls. */
export async function appImport(cli, library, files, names) {
  const server = await serve(cli, library)
  try {
    const t = process.hrtime.bigint()
    const { results, calls } = await postAll(server, files, names)
    const seconds = Number(process.hrtime.bigint() - t) / 1e9
    const tenth = Math.max(1, Math.round(calls.length / 10))
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length
    return { seconds, results, firstCalls: mean(calls.slice(0, tenth)), lastCalls: mean(calls.slice(-tenth)) }
  } finally {
    await server.stop()
  }
}

/**
 * A library already holding `size` articles: the BBC texts replicated under new names, each copy
 * with a line that makes it a distinct article, imported with the CLI (the fast path).
 */
export function prefill(cli, library, scratch, files, size) {
  mkdirSync(scratch, { recursive: true })
  for (let i = 0; i < size; i++) {
    const f = files[i % files.length]
    const text = readFileSync(f, 'utf8')
    const nl = text.indexOf('\n')
    // The title stays first; the copy number makes the text (and its hash) new.
    writeFileSync(join(scratch, `copy${i}-${basename(f)}`), `${text.slice(0, nl + 1)}\nCopy ${i} of the benchmark corpus.\n${text.slice(nl + 1)}`)
  }
  const r = spawnSync(process.execPath, [cli, 'import', scratch, '--library', library, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 })
  if (r.status !== 0) throw new Error(`prefill failed (exit ${r.status}): ${r.stderr.slice(-500)}`)
  return r.stdout.trim().split('\n').filter((l) => JSON.parse(l).status === 'imported').length
}
