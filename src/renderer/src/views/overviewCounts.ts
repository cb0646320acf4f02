/** The figures the library overview shows, worked out from the article list the app already holds. */
import type { ArticleSummary } from '../../../shared/contract'

export interface Tally {
  name: string
  count: number
}

/** Articles per month of publication (`2025-03`), oldest first; undated ones left out. */
export function byMonth(items: ArticleSummary[]): Tally[] {
  const counts = new Map<string, number>()
  for (const a of items) {
    const month = a.publishedAt?.slice(0, 7)
    if (month && /^\d{4}-\d{2}$/.test(month)) counts.set(month, (counts.get(month) ?? 0) + 1)
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ name: monthName(month), count }))
}

/** `2025-03` -> `Mar 2025`. */
function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
}

/** The most recently imported articles, newest first. */
export function recentImports(items: ArticleSummary[], n: number): ArticleSummary[] {
  return [...items].sort((a, b) => b.importedAt.localeCompare(a.importedAt)).slice(0, n)
}
