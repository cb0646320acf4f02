/**
 * The preload: exposes exactly two functions to the renderer, `invoke` for contract methods
 * (allow-listed here, validated again in the main process) and `on` for contract events.
 * No Node, no ipcRenderer, nothing else crosses the context bridge.
 */
import { contextBridge, ipcRenderer } from 'electron'
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
  }
}

contextBridge.exposeInMainWorld('parallax', bridge)
