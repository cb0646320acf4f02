/**
 * The browser mode's import upload: one request per batch carrying the files' raw bytes, not
 * base64 inside JSON. The body is
 *
 *   [4 bytes: header length N, big-endian] [N bytes: UTF-8 JSON header] [file 1 bytes] [file 2 bytes] …
 *
 * where the header is `import.files`'s argument with each file's `data` replaced by its `size`.
 * The renderer builds it as a Blob of the chosen File objects (the browser streams them from
 * disk); the bridge splits it back into `import.files`'s argument, which `dispatch` validates as
 * it validates every call. Dependency-free: both sides import it.
 */

export const UPLOAD_CONTENT_TYPE = 'application/vnd.parallax.upload'

/** A header longer than this is refused before it is parsed (500 names of 1,024 characters fit). */
export const MAX_UPLOAD_HEADER_BYTES = 1024 * 1024

/** One file as the header lists it. */
export interface FramedFile {
  name: string
  size: number
}

/** The first bytes of a body: the header's length and the header. */
export function uploadPrefix(header: Record<string, unknown> & { files: FramedFile[] }): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header))
  const out = new Uint8Array(4 + json.length)
  new DataView(out.buffer).setUint32(0, json.length)
  out.set(json, 4)
  return out
}

export type Unframed = { ok: true; args: Record<string, unknown> & { files: { name: unknown; data: Uint8Array }[] } } | { ok: false; message: string }

/**
 * Splits a body into the call's argument (files' bytes are views into `body`, not copies), or
 * says precisely what is wrong with it. Only the framing is checked here; `dispatch` checks the rest.
 */
export function readUploadFrame(body: Uint8Array): Unframed {
  const fail = (message: string): Unframed => ({ ok: false, message: `Upload: ${message}` })
  if (body.length < 4) return fail('the body is shorter than its 4-byte header length')
  const headerBytes = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0)
  if (headerBytes > MAX_UPLOAD_HEADER_BYTES) return fail(`the header is ${headerBytes} bytes, limit ${MAX_UPLOAD_HEADER_BYTES}`)
  if (4 + headerBytes > body.length) return fail(`the header is said to be ${headerBytes} bytes but only ${body.length - 4} follow`)
  let header: unknown
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(4, 4 + headerBytes)))
  } catch {
    return fail('the header is not valid UTF-8 JSON')
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return fail('the header must be a JSON object')
  const { files, ...rest } = header as Record<string, unknown>
  if (!Array.isArray(files)) return fail('the header must list the files ("files": [{ "name", "size" }])')
  const sizes = files.map((f: unknown) => (typeof f === 'object' && f !== null ? (f as { size?: unknown }).size : undefined))
  const bad = sizes.findIndex((s) => typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0)
  if (bad >= 0) return fail(`file ${bad + 1} in the header has no valid size (a whole number of bytes)`)
  const lengths = sizes as number[]
  const declared = lengths.reduce((a, b) => a + b, 0)
  const following = body.length - 4 - headerBytes
  if (declared !== following) return fail(`the header's file sizes add up to ${declared} bytes but ${following} follow it`)
  let at = 4 + headerBytes
  const parts = (files as { name?: unknown }[]).map((f, i) => {
    const data = body.subarray(at, at + lengths[i]!)
    at += lengths[i]!
    return { name: f.name, data }
  })
  return { ok: true, args: { ...rest, files: parts } }
}
