/**
 * The browser mode's binary upload through the real HTTP bridge and core: the renderer's own
 * upload code (src/renderer/src/api/upload.ts) sends raw bytes, one framed body per batch; a
 * malformed or oversized body gets a clear 4xx and nothing is stored; the token is required;
 * a cancel stops the upload's call between files.
 */
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES, startHttpBridge, type HttpBridge } from '../../src/main/bridge/http'
import { openCore, type Core } from '../../src/main/core'
import { uploadOverHttp, type ImportCall } from '../../src/renderer/src/api/upload'
import type { ImportResult } from '../../src/shared/contract'
import { uploadPrefix, UPLOAD_CONTENT_TYPE } from '../../src/shared/upload-frame'
import { tmpDir } from '../helpers/tmp'

let core: Core
let bridge: HttpBridge
beforeEach(async () => {
  core = openCore(tmpDir())
  bridge = await startHttpBridge({ service: core.service, staticDir: tmpDir() })
})
afterEach(async () => {
  await bridge.close()
  await core.close()
})

const url = (): string => `${bridge.url}rpc/import.files`
const articleCount = async (): Promise<number> => (await core.service['library.info']({})).articleCount
const story = (title: string, body: string): File => new File([`${title}\n\nMarch 3, 2025\n\n${body}`], `${title}.txt`)

/** A raw POST of `body` to /rpc/<method> (so framing, length and headers can be anything). */
function post(body: Uint8Array, headers: Record<string, string | number> = {}, method = 'import.files'): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string; field?: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `/rpc/${method}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${bridge.port}`, 'Content-Type': UPLOAD_CONTENT_TYPE, Authorization: `Bearer ${bridge.token}`, 'Content-Length': body.length, ...headers }
      },
      (res) => {
        let text = ''
        res.on('data', (d) => (text += String(d)))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A well-framed body of the given header and file bytes. */
function frame(header: Record<string, unknown>, files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const prefix = uploadPrefix({ ...header, files: files.map((f) => ({ name: f.name, size: f.bytes.length })) })
  return Buffer.concat([prefix, ...files.map((f) => f.bytes)])
}

describe('binary upload (browser mode)', () => {
  it('imports raw bytes sent as the renderer sends them, one result per file, folder names and metadata files as from a dropped folder', async () => {
    const text = 'Brücke über die Förde\n\n3. März 2025\n\nDie neue Brücke über die Förde wurde am Montag eröffnet – nach vier Jahren Bauzeit.'
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    const files = [
      { name: 'Quay Times/bridge.txt', file: new File([text], 'bridge.txt') },
      { name: 'Quay Times/bridge.json', file: new File([JSON.stringify({ author: 'Ana Lind' })], 'bridge.json') },
      { name: 'Quay Times/picture.txt', file: new File([png], 'picture.txt') }
    ]
    const call: ImportCall = { jobId: 'up-1', overall: { id: 'up', before: 0, total: 3 }, folderOutlet: { from: 'subfolders' } }
    const res = await uploadOverHttp(url(), bridge.token, call, files)
    expect(res.status).toBe(200)
    const { results } = ((await res.json()) as { result: { results: ImportResult[] } }).result
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['Quay Times/bridge.txt', 'imported'],
      ['Quay Times/bridge.json', 'metadata'],
      ['Quay Times/picture.txt', 'failed']
    ])
    expect(results[2]!.reason).toMatch(/^binary file: named \.txt but it is a PNG image/)
    // The bytes arrived unchanged: the UTF-8 text is stored as written.
    const article = await core.service['articles.get']({ id: results[0]!.articleId! })
    expect(article).toMatchObject({ title: 'Brücke über die Förde', outlet: 'Quay Times', author: 'Ana Lind' })
    expect(article.text).toContain('eröffnet – nach vier Jahren')
  })

  it('refuses a malformed body with a 400 that says what is wrong, and stores nothing', async () => {
    const good = frame({ jobId: 'bad' }, [{ name: 'a.txt', bytes: Buffer.from('A title\n\nSome text of the article.') }])
    const header = (json: string): Uint8Array => {
      const bytes = Buffer.from(json)
      const out = Buffer.alloc(4 + bytes.length)
      out.writeUInt32BE(bytes.length)
      bytes.copy(out, 4)
      return out
    }
    const cases: [Uint8Array, RegExp][] = [
      [good.subarray(0, 3), /^Upload: the body is shorter than its 4-byte header length$/],
      [good.subarray(0, 20), /^Upload: the header is said to be \d+ bytes but only 16 follow$/],
      [good.subarray(0, good.length - 1), /^Upload: the header's file sizes add up to 34 bytes but 33 follow it$/],
      [Buffer.concat([good, Buffer.from('x')]), /^Upload: the header's file sizes add up to 34 bytes but 35 follow it$/],
      [header('{"jobId": "bad", "files": [{"name": "a.txt"'), /^Upload: the header is not valid UTF-8 JSON$/],
      [header('[1, 2]'), /^Upload: the header must be a JSON object$/],
      [header('{"jobId": "bad"}'), /^Upload: the header must list the files/],
      [header('{"jobId": "bad", "files": [{"name": "a.txt", "size": -1}]}'), /^Upload: file 1 in the header has no valid size/],
      [Buffer.from([0xff, 0xff, 0xff, 0xff]), /^Upload: the header is 4294967295 bytes, limit 1048576$/]
    ]
    for (const [body, message] of cases) {
      const res = await post(body)
      expect(res.status, String(message)).toBe(400)
      expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(message) } })
    }
    // Well framed, but not a valid call: the contract's own message.
    const noJob = await post(frame({}, [{ name: 'a.txt', bytes: Buffer.from('A title\n\ntext') }]))
    expect(noJob).toMatchObject({ status: 400, body: { error: { code: 'invalid_argument', field: 'jobId' } } })
    expect(await articleCount()).toBe(0)
  })

  it('refuses an oversized body before reading it (413), needs the token, and takes uploads for import.files only', async () => {
    const body = frame({ jobId: 'big' }, [{ name: 'a.txt', bytes: Buffer.from('A title\n\nSome text of the article.') }])
    const big = await post(body, { 'Content-Length': MAX_UPLOAD_BYTES + 1 })
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'too_large', message: `Request too large: limit ${MAX_UPLOAD_BYTES} bytes` } } })
    expect(await post(body, { Authorization: 'Bearer wrong' })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } })
    expect(await post(body, {}, 'notes.create')).toMatchObject({ status: 415, body: { error: { message: `${UPLOAD_CONTENT_TYPE} is for import.files only` } } })
    expect(await articleCount()).toBe(0)
    expect(bridge.bodies()).toEqual({ active: 0, bytes: 0 })
  })

  it('stops an upload\'s call between files on import.cancel: what was stored stays, the rest is skipped', async () => {
    const jobId = 'up-cancel'
    const off = core.service.events.subscribe((name, payload) => {
      const p = payload as { jobId: string; done: number }
      if (name === 'import.progress' && p.jobId === jobId && p.done === 2) void core.service['import.cancel']({ jobId })
    })
    const files = Array.from({ length: 8 }, (_, i) => ({ name: `s${i}.txt`, file: story(`Story ${i}`, `Paragraph ${i} about the harbour, different in each file: ${'x'.repeat(i)}.`) }))
    const res = await uploadOverHttp(url(), bridge.token, { jobId }, files)
    off()
    const { results } = ((await res.json()) as { result: { results: ImportResult[] } }).result
    // Cancelled as the third file was about to be stored (progress says two are done): it is the last one stored.
    expect(results.map((r) => r.status)).toEqual([...Array(3).fill('imported'), ...Array(5).fill('skipped')])
    expect(results[7]!.reason).toBe('cancelled before it was imported')
    expect(await articleCount()).toBe(3)
  })
})
