/**
 * Search worker entry (bundled to out/main/search-worker.js). Role `query` answers searches from
 * the segments in memory; role `build` checks the stored index and builds and merges segments.
 * Each opens the library file itself (WAL lets them read while the main process writes).
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { SearchIndex } from './engine'
import { maintain, verifyAndRepair } from './segments'

const { role, file, nativeBinding } = workerData as { role: 'query' | 'build'; file: string; nativeBinding?: string }
const db = new Database(file, nativeBinding ? { nativeBinding } : {})
db.pragma('busy_timeout = 10000')
db.pragma('foreign_keys = ON')

const index = role === 'query' ? new SearchIndex(db) : null
if (role === 'build') verifyAndRepair(db)
index?.refresh()

parentPort?.on('message', (m: { id: number; op: string; args: any }) => {
  try {
    let value: unknown
    switch (m.op) {
      case 'search':
        value = index!.search(m.args)
        break
      case 'locate':
        value = index!.locate(m.args.id, m.args.q)
        break
      case 'related':
        value = index!.related(m.args.id, m.args.limit)
        break
      case 'stories':
        value = index!.stories()
        break
      case 'status':
        value = index!.status()
        break
      case 'refresh':
        index!.refresh()
        break
      case 'maintain':
        maintain(db)
        break
      default:
        throw new Error(`unknown operation ${m.op}`)
    }
    parentPort?.postMessage({ id: m.id, ok: true, value })
  } catch (err) {
    parentPort?.postMessage({ id: m.id, ok: false, error: (err as Error).message })
  }
})
