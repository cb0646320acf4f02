/** The figures the library overview shows, from the core's counts over the whole library. */
import type { FacetsResult } from '../../../shared/library-page'

export interface Tally {
  name: string
  count: number
}

/**
 * The latest `n` periods of the publication-date histogram, oldest first, named for reading:
 * months (`2025-03` -> `Mar 2025`) or, for a library spanning many years, years.
 */
export function latestPeriods(dates: FacetsResult['dates'], n: number): Tally[] {
  return dates.buckets.slice(-n).map((b) => ({ name: dates.unit === 'month' ? monthName(b.name) : b.name, count: b.count }))
}

/** `2025-03` -> `Mar 2025`. */
function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
}
