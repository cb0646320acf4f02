/**
 * Where the window opens: its last bounds, if they are still on a screen (a monitor may have
 * been unplugged since), else the default size centred by the system. Plain Node: unit-tested.
 */
import type { WindowBounds } from './settings'

export const DEFAULT_SIZE = { width: 1280, height: 820 }
/** How much of the title bar must be on a screen for the saved position to be kept. */
const VISIBLE = 100

export function restoreBounds(saved: WindowBounds | undefined, workAreas: WindowBounds[]): Partial<WindowBounds> {
  if (!saved) return { ...DEFAULT_SIZE }
  const onScreen = workAreas.some(
    (a) => saved.x + saved.width - VISIBLE >= a.x && saved.x + VISIBLE <= a.x + a.width && saved.y >= a.y && saved.y + 30 <= a.y + a.height
  )
  if (!onScreen) return { width: saved.width, height: saved.height }
  // Never larger than the screen it is on.
  const area = workAreas.find((a) => saved.x >= a.x && saved.x < a.x + a.width) ?? workAreas[0]!
  return { x: saved.x, y: saved.y, width: Math.min(saved.width, area.width), height: Math.min(saved.height, area.height) }
}
