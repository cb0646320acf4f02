/**
 * The preload: exposes exactly three functions to the renderer, `invoke` for contract methods
 * (allow-listed here, validated again in the main process), `on` for contract events, and
 * `pathForFile`, a dropped or chosen file's path (so the main process reads imports from disk
 * instead of receiving their bytes). No Node, no ipcRenderer, nothing else crosses the context bridge.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, METHOD_NAMES } from '../shared/methods'

const methods = new Set<string>(METHOD_NAMES)
const events = new Set<string>(EVENT_NAMES)

const bridge = {
  invoke(method: string, args: unknown): Promise<unknown> {
    if (!methods.has(method)) return Promise.reject(new Error(`Unknown method: ${method}`))
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args)
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event: ${event}`)
    const listener = (_e: unknown, name: string, payload: unknown): void => {
      if (name === event) callback(payload)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener)
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener)
  },
  /** The file's path on disk, '' for a file that has none (made in the page) or anything that is not a File. */
  pathForFile(file: unknown): string {
    return file instanceof File ? webUtils.getPathForFile(file) : ''
  }
}

contextBridge.exposeInMainWorld('parallax', bridge)
