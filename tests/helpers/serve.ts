/** Starts the real `parallax serve` (browser mode) as a child process on a temporary library. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { CLI } from './paths'

export interface Served {
  url: string
  appUrl: string
  port: number
  token: string
  proc: ChildProcess
  stop(): Promise<void>
}

/** `env` adds to the server's environment (e.g. a low merge threshold for the search index). */
export async function serve(libraryDir: string, env: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--json', '--port', '0', '--library', libraryDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += String(d)))
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout })
    rl.once('line', resolve)
    proc.once('exit', (code) => reject(new Error(`parallax serve exited with ${code}: ${stderr}`)))
  })
  const info = JSON.parse(first) as { url: string; appUrl: string; port: number; token: string }
  return {
    ...info,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve()
        proc.once('exit', () => resolve())
        proc.kill('SIGTERM')
      })
  }
}
