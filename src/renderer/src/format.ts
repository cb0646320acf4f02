/** Display helpers shared by the views. */

/** `2025-03-01` -> `1 Mar 2025`; date-times keep their local time. */
export function formatDate(iso: string | null): string {
  if (!iso) return ''
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso)
  const d = new Date(dateOnly ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : { hour: '2-digit', minute: '2-digit' })
  })
}

export function plural(n: number, word: string, many = /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`
}

/** A count the one way the app writes numbers: 2,979. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB')
}
