import { openCore } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { tmpDir } from '../helpers/tmp'
import { folderSuite } from './folders-suite'
import { contractSuite, type Harness } from './suite'
import { versionSuite } from './versions-suite'

async function openDispatch(): Promise<Harness> {
  const core = openCore(tmpDir())
  return {
    call: (method, args) => dispatch(core.service, method, args),
    close: async () => core.close()
  }
}

contractSuite('dispatch (what IPC calls)', openDispatch)
folderSuite('dispatch (what IPC calls)', openDispatch)
versionSuite('dispatch (what IPC calls)', openDispatch)
