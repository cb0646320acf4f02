/** Time-zone abbreviations as news pages print them after a clock time, as UTC offsets. */

const ZONES: Record<string, number | 'US_EASTERN' | 'US_CENTRAL' | 'US_MOUNTAIN' | 'US_PACIFIC'> = {
  utc: 0, gmt: 0, z: 0, bst: 60, cet: 60, mez: 60, cest: 120, mesz: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  et: 'US_EASTERN', ct: 'US_CENTRAL', mt: 'US_MOUNTAIN', pt: 'US_PACIFIC'
}

/** Minutes east of UTC for a zone on a given day, or null when the zone is unknown. */
export function zoneOffset(zone: string | undefined, y: number, m: number, d: number): number | null {
  if (!zone) return null
  const z = ZONES[zone.toLowerCase()]
  if (z === undefined) return null
  if (typeof z === 'number') return z
  const standard = { US_EASTERN: -300, US_CENTRAL: -360, US_MOUNTAIN: -420, US_PACIFIC: -480 }[z]
  return standard + (usDaylightSaving(y, m, d) ? 60 : 0)
}

/** US daylight saving time: second Sunday of March to first Sunday of November (since 2007). */
function usDaylightSaving(y: number, m: number, d: number): boolean {
  const nthSunday = (month: number, n: number): number => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay()
    return 1 + ((7 - first) % 7) + 7 * (n - 1)
  }
  const start = nthSunday(3, 2)
  const end = nthSunday(11, 1)
  if (m > 3 && m < 11) return true
  if (m === 3) return d >= start
  if (m === 11) return d < end
  return false
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

export function pad(n: number): string {
  return String(n).padStart(2, '0')
}
