/** Worker-thread entry (bundled to out/main/import-worker.js): parses files on request. */
import { parentPort } from 'node:worker_threads'
import type { SourceFormat } from '../../../shared/contract'
import { parseToReply } from './parse'

// Modules are loaded: tell the pool, so its time limit counts parsing only, not start-up.
parentPort?.postMessage({ ready: true })

parentPort?.on('message', async (msg: { id: number; format: SourceFormat; name: string; bytes: Uint8Array }) => {
  const reply = await parseToReply(msg.format, msg.name, msg.bytes)
  parentPort?.postMessage({ id: msg.id, reply })
})
