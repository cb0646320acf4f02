/**
 * Search worker entry (bundled to out/main/search-worker.js). Role `query` answers searches from
 * the segments in memory; role `build` checks the stored index and builds and merges segments.
 * Each opens the library file itself (WAL lets them read while the main process writes).
 */
import Database from 'better-sqlite3'
import { workerData } from 'node:worker_threads'
import { serveRpc } from '../rpc/server'
import { SearchIndex } from './engine'
import { maintain, verifyAndRepair } from './segments'
import type { SearchBuildProtocol, SearchQueryProtocol, SearchWorkerData } from './worker-protocol'

const { role, file, nativeBinding } = workerData as SearchWorkerData
const db = new Database(file, nativeBinding ? { nativeBinding } : {})
db.pragma('busy_timeout = 10000')
db.pragma('foreign_keys = ON')

if (role === 'build') {
  verifyAndRepair(db)
  serveRpc<SearchBuildProtocol>({
    maintain: () => {
      maintain(db)
      return null
    }
  })
} else {
  const index = new SearchIndex(db)
  index.refresh()
  serveRpc<SearchQueryProtocol>({
    search: (req) => index.search(req),
    locate: ({ id, q }) => index.locate(id, q),
    related: ({ id, limit }) => index.related(id, limit),
    stories: () => index.stories(),
    storyLinks: ({ ids }) => index.storyLinks(ids),
    status: () => index.status(),
    refresh: () => {
      index.refresh()
      return null
    }
  })
}
