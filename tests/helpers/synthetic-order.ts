/** The synthetic library's rows (bench/synthetic-library.ts) and the order the table promises for them. */
import { synthetic, type SyntheticArticle } from '../../bench/synthetic-library'

export type SyntheticRow = SyntheticArticle & { id: number }

export const syntheticRows = (n: number): SyntheticRow[] => Array.from({ length: n }, (_, k) => ({ ...synthetic(k + 1), id: k + 1 }))

/** By value (text case-insensitively), then id, in the same direction; missing values last. */
export function expectedOrder(rows: SyntheticRow[], key: keyof SyntheticArticle, dir: 'asc' | 'desc'): number[] {
  const sign = dir === 'asc' ? 1 : -1
  const norm = (v: unknown): string | number => (typeof v === 'string' && key !== 'publishedAt' && key !== 'importedAt' ? v.toLowerCase() : (v as number))
  return [...rows]
    .sort((a, b) => {
      const va = a[key]
      const vb = b[key]
      if (va === null || vb === null) return va === vb ? sign * (a.id - b.id) : va === null ? 1 : -1
      const [x, y] = [norm(va), norm(vb)]
      return x < y ? -sign : x > y ? sign : sign * (a.id - b.id)
    })
    .map((r) => r.id)
}
