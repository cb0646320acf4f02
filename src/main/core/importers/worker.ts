/** Worker-thread entry (bundled to out/main/import-worker.js): parses files on request. */
import { parentPort } from 'node:worker_threads'
import type { SourceFormat } from '../../../shared/contract'
import { articleEntities } from '../compare'
import { splitSentences } from '../compare/sentences'
import { parseToReply } from './parse'

// Modules are loaded: tell the pool, so its time limit counts parsing only, not start-up.
parentPort?.postMessage({ ready: true })

parentPort?.on('message', async (msg: { id: number; format: SourceFormat; name: string; bytes: Uint8Array } | { id: number; entitiesOf: string }) => {
  if ('entitiesOf' in msg) {
    // Names, numbers and dates for comparisons, found ahead of time off the main thread.
    parentPort?.postMessage({ id: msg.id, reply: { ok: true, output: articleEntities(splitSentences(msg.entitiesOf)) } })
    return
  }
  const reply = await parseToReply(msg.format, msg.name, msg.bytes)
  parentPort?.postMessage({ id: msg.id, reply })
})
