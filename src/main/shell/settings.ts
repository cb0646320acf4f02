/**
 * The desktop shell's own settings, in `settings.json` in the app's data folder: where the
 * library lives and the window's last bounds. (The theme is a preference kept in the library.)
 * Plain Node, no Electron: unit-tested. A damaged file falls back to the defaults, never a crash.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

const Bounds = z.object({ x: z.int(), y: z.int(), width: z.int().min(200), height: z.int().min(150) })
const ShellSettings = z.object({
  /** The library folder; absent: the app data folder itself. */
  libraryDir: z.string().min(1).optional(),
  window: z.object({ bounds: Bounds, maximized: z.boolean() }).optional()
})
export type ShellSettings = z.infer<typeof ShellSettings>
export type WindowBounds = z.infer<typeof Bounds>

export class SettingsFile {
  readonly file: string
  private value: ShellSettings

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json')
    this.value = load(this.file)
  }

  get(): ShellSettings {
    return this.value
  }

  update(patch: Partial<ShellSettings>): void {
    this.value = { ...this.value, ...patch }
    // Written to a temporary file and renamed: a crash never leaves half a settings file.
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(this.value, null, 2))
    renameSync(tmp, this.file)
  }
}

function load(file: string): ShellSettings {
  try {
    const parsed = ShellSettings.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}
