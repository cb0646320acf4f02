/** `parallax serve` shuts down in order on SIGTERM and SIGINT, even with work in flight. */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, requireSample } from '../helpers/paths'
import { serve, type Served } from '../helpers/serve'
import { tmpDir } from '../helpers/tmp'

const b64 = (file: string): string => readFileSync(file).toString('base64')
const FILES = [requireSample(), ...['original.txt', 'rewrite.txt', 'unrelated.txt', 'same-quote.txt'].map((f) => join(FIXTURES, 'compare', f)), join(FIXTURES, 'articles/harbour-bridge.txt')]

function importCall(s: Served, jobId: string): Promise<Response> {
  const files = FILES.map((f, i) => ({ name: `${i}-${f.split('/').pop()}`, data: b64(f) }))
  return fetch(`${s.url}rpc/import.files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ jobId, files })
  })
}

/** Sends the signal and resolves with the exit code and everything written to stderr. */
function stop(s: Served, signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = ''
  s.proc.stderr!.on('data', (d) => (stderr += String(d)))
  return new Promise((resolve) => {
    s.proc.once('exit', (code, sig) => resolve({ code, signal: sig, stderr }))
    s.proc.kill(signal)
  })
}

function articleCount(lib: string): number {
  const db = new Database(join(lib, 'library.sqlite'), { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('parallax serve shutdown', () => {
  it('on SIGTERM right after an import (entity work running): stops cleanly with exit code 0', async () => {
    const lib = tmpDir()
    const s = await serve(lib)
    const res = await importCall(s, 'first')
    expect(res.status).toBe(200)
    const { result } = (await res.json()) as { result: { results: { status: string }[] } }
    expect(result.results.filter((r) => r.status === 'imported')).toHaveLength(FILES.length)
    const ended = await stop(s, 'SIGTERM')
    expect(ended.stderr).not.toMatch(/not open|TypeError|Error/)
    expect(ended).toMatchObject({ code: 0, signal: null })
    expect(articleCount(lib)).toBe(FILES.length)
  })

  it('on SIGINT with an import in flight: the import stops between files, what was stored stays, exit code 0', async () => {
    const lib = tmpDir()
    const s = await serve(lib)
    const pending = importCall(s, 'inflight').catch(() => null)
    await new Promise((r) => setTimeout(r, 50))
    const ended = await stop(s, 'SIGINT')
    await pending
    expect(ended.stderr).not.toMatch(/not open|TypeError|Error/)
    expect(ended).toMatchObject({ code: 0, signal: null })
    expect(articleCount(lib)).toBeLessThanOrEqual(FILES.length)
    // The library lock was released: another writer may open it now.
    const again = await serve(lib)
    expect((await stop(again, 'SIGTERM')).code).toBe(0)
  })
})
