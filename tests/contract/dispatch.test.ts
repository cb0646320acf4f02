import { openCore } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { tmpDir } from '../helpers/tmp'
import { contractSuite } from './suite'

contractSuite('dispatch (what IPC calls)', async () => {
  const core = openCore(tmpDir())
  return {
    call: (method, args) => dispatch(core.service, method, args),
    close: async () => core.close()
  }
})
