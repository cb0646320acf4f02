/**
 * `parallax serve [--port N]`: the browser mode. On SIGINT or SIGTERM it shuts down in order:
 * no new connections or calls, then the calls in flight and the background work (imports are
 * cancelled between files, entity work stops), then the workers and the library; exit code 0.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startHttpBridge } from '../../bridge/http'
import { portNumber } from '../args'
import type { Command } from '../context'
import { print } from '../output'
import { printJson } from '../printers'

export const serveCommand: Command = {
  name: 'serve',
  async run(ctx) {
    const port = ctx.options.port === undefined ? 0 : portNumber(ctx.options.port)
    const staticDir = resolve(__dirname, '../renderer')
    if (!existsSync(resolve(staticDir, 'index.html'))) throw new Error(`The app is not built (${staticDir} is missing); run npm run build`)
    const stopped = stopSignal()
    const core = ctx.open({ parsers: true, searchWorkers: true, lock: 'parallax serve' })
    const bridge = await startHttpBridge({ service: core.service, staticDir, port })
    if (ctx.json) printJson({ url: bridge.url, appUrl: bridge.appUrl, port: bridge.port, token: bridge.token, library: core.library.dir }, true)
    else {
      print(`Parallax browser mode, library ${core.library.dir}`)
      print(`Open ${bridge.appUrl}`)
      print('Press Ctrl+C to stop.')
    }
    await stopped
    await bridge.close()
    ctx.release()
    await core.close()
    return 0
  }
}

/** The first SIGINT or SIGTERM; a second one ends the process at once (Node's default). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
