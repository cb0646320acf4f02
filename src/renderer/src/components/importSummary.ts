/** An import's results grouped for the summary: by status, then by the kind of reason, counts first. */
import type { ImportResult, ImportStatus } from '../../../shared/contract'

export interface ReasonGroup {
  status: ImportStatus
  /** The reason without its particulars (`binary file`, `holds no article text`, `metadata`). */
  kind: string
  results: ImportResult[]
}

/** Real failures first, then what was left out on purpose, then what was merely noted. */
const ORDER: ImportStatus[] = ['failed', 'skipped', 'duplicate', 'metadata', 'imported']

/** `binary file: named .txt but…` -> `binary file`; duplicates and metadata files form one group each. */
export function reasonKind(r: ImportResult): string {
  if (r.status === 'duplicate') return 'already in the library'
  if (r.status === 'metadata') return 'read into the article beside it'
  if (r.status === 'imported' && r.version) return 'new version of an article'
  if (r.status === 'imported') return r.nearDuplicates.length ? 'near-duplicate of an article' : 'new article'
  const reason = (r.reason ?? 'no reason given').trim()
  const colon = reason.indexOf(': ')
  return colon > 0 && colon <= 60 ? reason.slice(0, colon) : reason
}

export function groupResults(results: ImportResult[], statuses: ImportStatus[] = ORDER): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>()
  for (const r of results) {
    if (!statuses.includes(r.status)) continue
    const kind = reasonKind(r)
    const key = `${r.status}\u0000${kind}`
    const group = groups.get(key) ?? { status: r.status, kind, results: [] }
    group.results.push(r)
    groups.set(key, group)
  }
  return [...groups.values()].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || b.results.length - a.results.length || a.kind.localeCompare(b.kind))
}

/**
 * The groups the summary lists: everything not simply imported, and the new versions of stored
 * articles (the summary line counts them apart, so the user can find and open them).
 */
export function summaryGroups(results: ImportResult[]): ReasonGroup[] {
  const versions = results.filter((r) => r.status === 'imported' && r.version)
  return [...groupResults(results, ORDER.filter((s) => s !== 'imported')), ...groupResults(versions, ['imported'])]
}

/** What the summary says of one file: its reason, or for a new version its number and what changed. */
export function resultNote(r: ImportResult): string {
  if (r.status === 'imported' && r.version) return `version ${r.version.number}${r.version.change ? `, ${r.version.change} changed` : ''}`
  return `${r.status}: ${r.reason ?? ''}`
}

export function countByStatus(results: ImportResult[]): Record<ImportStatus, number> {
  const counts: Record<ImportStatus, number> = { imported: 0, duplicate: 0, metadata: 0, skipped: 0, failed: 0 }
  for (const r of results) counts[r.status]++
  return counts
}

/** The summary line: `12 articles imported, 3 metadata files, 1 skipped, 1 failed`. */
export function summaryLine(results: ImportResult[], plural: (n: number, word: string) => string): string {
  const c = countByStatus(results)
  // A new version of a stored article is stored, but it is not one more article.
  const versions = results.filter((r) => r.status === 'imported' && r.version).length
  const articles = c.imported - versions
  return [
    // "0 articles imported, 1 new version" read as a failure: a batch of versions only says just that.
    (articles > 0 || !versions) && `${plural(articles, 'article')} imported`,
    versions && (articles > 0 ? plural(versions, 'new version') : `${plural(versions, 'new version')} of ${versions === 1 ? 'a stored article' : 'stored articles'}`),
    c.duplicate && `${c.duplicate} duplicate`,
    c.metadata && plural(c.metadata, 'metadata file'),
    c.skipped && `${c.skipped} skipped`,
    c.failed && `${c.failed} failed`
  ]
    .filter(Boolean)
    .join(', ')
}

/** The whole summary as plain text, for the clipboard: the line, then every group with its files. */
export function summaryText(results: ImportResult[], plural: (n: number, word: string) => string): string {
  const lines = [summaryLine(results, plural)]
  for (const g of summaryGroups(results)) {
    lines.push('', `${g.status} — ${g.kind} (${g.results.length})`)
    for (const r of g.results) {
      const note = r.version ? resultNote(r) : r.reason
      lines.push(`  ${r.name}${note && note !== g.kind ? `: ${note}` : ''}`)
    }
  }
  return lines.join('\n')
}
