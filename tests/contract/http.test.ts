import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startHttpBridge, type HttpBridge } from '../../src/main/bridge/http'
import { openCore, type Core } from '../../src/main/core'
import type { Envelope } from '../../src/shared/contract'
import { tmpDir } from '../helpers/tmp'
import { folderSuite } from './folders-suite'
import { contractSuite, type Harness } from './suite'
import { versionSuite } from './versions-suite'

async function start(): Promise<{ core: Core; bridge: HttpBridge; staticDir: string }> {
  const core = openCore(tmpDir())
  const staticDir = tmpDir()
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Parallax</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  const bridge = await startHttpBridge({ service: core.service, staticDir })
  return { core, bridge, staticDir }
}

async function openHttp(): Promise<Harness> {
  const { core, bridge } = await start()
  return {
    call: async (method, args) => {
      const res = await fetch(`${bridge.url}rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
        body: JSON.stringify(args)
      })
      return (await res.json()) as Envelope<unknown>
    },
    close: async () => {
      await bridge.close()
      core.close()
    }
  }
}

contractSuite('HTTP (browser mode)', openHttp)
folderSuite('HTTP (browser mode)', openHttp)
versionSuite('HTTP (browser mode)', openHttp)

/** A raw request, so Host and Origin can be set to what an attacker would send. */
function raw(bridge: HttpBridge, opts: { path: string; method?: string; headers?: Record<string, string | number>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (d) => (body += String(d)))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

describe('HTTP bridge security', () => {
  let ctx: Awaited<ReturnType<typeof start>>
  beforeEach(async () => {
    ctx = await start()
  })
  afterEach(async () => {
    await ctx.bridge.close()
    ctx.core.close()
  })
  const rpc = (headers: Record<string, string | number>, body = '{}', path = '/rpc/library.info') =>
    raw(ctx.bridge, { path, method: 'POST', headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${ctx.bridge.port}`, ...headers }, body })

  it('listens on 127.0.0.1 only', () => {
    const addr = ctx.bridge.server.address()
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1')
  })

  it('answers a call with the session token', async () => {
    const res = await rpc({ Authorization: `Bearer ${ctx.bridge.token}` })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { articleCount: 0 } })
  })

  it('refuses a call without the token, or with a wrong one', async () => {
    const none = await rpc({})
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const wrong = await rpc({ Authorization: `Bearer ${'x'.repeat(ctx.bridge.token.length)}` })
    expect(wrong.status).toBe(401)
  })

  it('refuses a call from another origin even with the token', async () => {
    const res = await rpc({ Authorization: `Bearer ${ctx.bridge.token}`, Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.body).error.message).toMatch(/Cross-origin/)
    const ok = await rpc({ Authorization: `Bearer ${ctx.bridge.token}`, Origin: `http://127.0.0.1:${ctx.bridge.port}` })
    expect(ok.status).toBe(200)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await rpc({ Authorization: `Bearer ${ctx.bridge.token}`, Host: `attacker.example:${ctx.bridge.port}` })
    expect(res.status).toBe(403)
    const page = await raw(ctx.bridge, { path: '/', headers: { Host: 'attacker.example' } })
    expect(page.status).toBe(403)
  })

  it('refuses non-JSON bodies (cross-site forms), GET calls and oversized requests', async () => {
    const form = await rpc({ Authorization: `Bearer ${ctx.bridge.token}`, 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1')
    expect(form.status).toBe(415)
    const get = await raw(ctx.bridge, { path: '/rpc/library.info', headers: { Authorization: `Bearer ${ctx.bridge.token}` } })
    expect(get.status).toBe(405)
    const big = await rpc({ Authorization: `Bearer ${ctx.bridge.token}`, 'Content-Length': 200 * 1024 * 1024 }, '')
    expect(big.status).toBe(413)
    const bad = await rpc({ Authorization: `Bearer ${ctx.bridge.token}` }, '{not json')
    expect(bad.status).toBe(400)
  })

  it('serves the app with a strict CSP, and nothing outside it', async () => {
    const page = await raw(ctx.bridge, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Parallax</title>')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect((await raw(ctx.bridge, { path: '/assets/app.js' })).status).toBe(200)
    expect((await raw(ctx.bridge, { path: '/../../../../etc/passwd' })).body).not.toContain('root:')
    expect((await raw(ctx.bridge, { path: '/%2e%2e/%2e%2e/etc/passwd' })).body).not.toContain('root:')
    expect((await raw(ctx.bridge, { path: '/nope.js' })).status).toBe(404)
  })

  it('streams progress events to a client with the token, and refuses one without', async () => {
    expect((await raw(ctx.bridge, { path: '/events' })).status).toBe(401)
    const events: string[] = []
    const controller = new AbortController()
    const res = await fetch(`${ctx.bridge.url}events?token=${ctx.bridge.token}`, { signal: controller.signal })
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reader = res.body!.getReader()
    const reading = (async () => {
      const dec = new TextDecoder()
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
        if (done) return
        events.push(dec.decode(value))
        if (events.join('').includes('library.changed')) return
      }
    })()
    const data = Buffer.from('Title\n\nBody text.').toString('base64')
    const call = await rpc({ Authorization: `Bearer ${ctx.bridge.token}` }, JSON.stringify({ jobId: 'sse', files: [{ name: 'a.txt', data }] }), '/rpc/import.files')
    expect(call.status).toBe(200)
    await reading
    controller.abort()
    const all = events.join('')
    expect(all).toContain('event: import.progress')
    expect(all).toContain('"jobId":"sse","done":1,"total":1')
    expect(all).toContain('event: library.changed')
  })
})

/** An upload that sends its headers and `send` bytes of body, then stalls (or trickles) and never finishes. */
function unfinishedUpload(
  bridge: HttpBridge,
  opts: { declared?: number; send: number; trickleMs?: number }
): { answer: Promise<{ status: number; body: string } | 'no answer'>; stop(): void } {
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, Host: `127.0.0.1:${bridge.port}` }
  if (opts.declared !== undefined) headers['Content-Length'] = opts.declared
  const req = request({ host: '127.0.0.1', port: bridge.port, path: '/rpc/import.files', method: 'POST', headers })
  let timer: NodeJS.Timeout | undefined
  const answer = new Promise<{ status: number; body: string } | 'no answer'>((resolve) => {
    const noAnswer = setTimeout(() => resolve('no answer'), 10_000)
    req.on('response', (res) => {
      let body = ''
      res.on('data', (d) => (body += String(d)))
      res.on('end', () => (clearTimeout(noAnswer), resolve({ status: res.statusCode ?? 0, body })))
    })
    req.on('error', () => (clearTimeout(noAnswer), resolve('no answer')))
  })
  req.write('{"files":"' + 'A'.repeat(opts.send))
  if (opts.trickleMs) timer = setInterval(() => req.write('A'), opts.trickleMs)
  return { answer, stop: () => (clearInterval(timer), req.destroy()) }
}

describe('HTTP bridge hostile requests', () => {
  let core: Core
  let bridge: HttpBridge
  const startWith = async (bodyLimits: Parameters<typeof startHttpBridge>[0]['bodyLimits']): Promise<void> => {
    core = openCore(tmpDir())
    bridge = await startHttpBridge({ service: core.service, staticDir: tmpDir(), bodyLimits })
  }
  afterEach(async () => {
    await bridge.close()
    core.close()
  })

  it('answers malformed percent-encoding with 400 (after the token for /rpc), never a 500 or a logged stack trace', async () => {
    await startWith({})
    const errors = vi.spyOn(console, 'error')
    const host = { Host: `127.0.0.1:${bridge.port}` }
    for (const path of ['/%', '/%FF', '/assets/%E0%A4%A']) {
      const res = await raw(bridge, { path, headers: host })
      expect(res.status, path).toBe(400)
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'Malformed percent-encoding in the path' } })
    }
    const call = (headers: Record<string, string>) =>
      raw(bridge, { path: '/rpc/%E0%A4%A', method: 'POST', headers: { ...host, 'Content-Type': 'application/json', ...headers }, body: '{}' })
    expect((await call({})).status).toBe(401)
    const authed = await call({ Authorization: `Bearer ${bridge.token}` })
    expect(authed.status).toBe(400)
    expect(JSON.parse(authed.body).error.message).toBe('Malformed percent-encoding in the method name')
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
  })

  it('refuses uploads past the buffered-bytes budget at once, drops stalled ones, and releases what they held', async () => {
    await startWith({ idleMs: 400 })
    // Eight 85 MB uploads that send 1 MB and stop: two fit the budget, six are refused before any of their body is read.
    const uploads = Array.from({ length: 8 }, () => unfinishedUpload(bridge, { declared: 85 * 1024 * 1024, send: 1024 * 1024 }))
    const answers = await Promise.all(uploads.map((u) => u.answer))
    uploads.forEach((u) => u.stop())
    const statuses = answers.map((a) => (a === 'no answer' ? 0 : a.status)).sort()
    expect(statuses).toEqual([408, 408, 503, 503, 503, 503, 503, 503])
    const stalled = answers.find((a) => a !== 'no answer' && a.status === 408) as { body: string }
    expect(JSON.parse(stalled.body).error.message).toMatch(/^Request body stalled: nothing received for 0.4 s$/)
    expect(bridge.bodies()).toEqual({ active: 0, bytes: 0 })
    // The bridge still answers normal calls.
    const ok = await raw(bridge, { path: '/rpc/library.info', method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, Host: `127.0.0.1:${bridge.port}` }, body: '{}' })
    expect(ok.status).toBe(200)
  })

  it('limits bodies read at once (chunked, no declared length) and times out a body that trickles forever', async () => {
    await startWith({ maxConcurrent: 2, idleMs: 2_000, totalMs: 800 })
    const uploads = Array.from({ length: 3 }, () => unfinishedUpload(bridge, { send: 1000, trickleMs: 50 }))
    const answers = await Promise.all(uploads.map((u) => u.answer))
    uploads.forEach((u) => u.stop())
    const byStatus = answers.map((a) => (a === 'no answer' ? 'no answer' : `${a.status} ${JSON.parse(a.body).error.message}`)).sort()
    expect(byStatus).toEqual([
      '408 Request body not received within 0.8 s',
      '408 Request body not received within 0.8 s',
      '503 Too many uploads at once; try again when the current ones finish'
    ])
    expect(bridge.bodies()).toEqual({ active: 0, bytes: 0 })
  })
})
