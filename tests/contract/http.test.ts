import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHttpBridge, type HttpBridge } from '../../src/main/bridge/http'
import { openCore, type Core } from '../../src/main/core'
import type { Envelope } from '../../src/shared/contract'
import { tmpDir } from '../helpers/tmp'
import { folderSuite } from './folders-suite'
import { contractSuite, type Harness } from './suite'

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
