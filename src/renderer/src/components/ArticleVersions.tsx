/**
 * An article's versions in the reader (shown only when it has more than one): each version with
 * its dates, the word-level changes between two of them (headline and text), and a button that
 * opens the two side by side in the comparison view.
 */
import { useState } from 'react'
import type { ArticleVersion } from '../../../shared/contract'
import { api } from '../api/client'
import { formatDate } from '../format'
import { useApiQuery } from '../hooks/useApiQuery'
import { DiffText } from './DiffText'
import { LoadError } from './LoadError'

interface Props {
  id: number
  onCompare: (versions: [number, number]) => void
}

const label = (v: ArticleVersion): string =>
  [`Version ${v.number}${v.current ? ' (current)' : ''}`, v.publishedAt && `published ${formatDate(v.publishedAt)}`, `imported ${formatDate(v.importedAt)}`].filter(Boolean).join(' · ')

export function ArticleVersions({ id, onCompare }: Props): React.JSX.Element | null {
  const versions = useApiQuery(() => api['articles.versions']({ id }), [id], { reloadOn: ['import', 'delete'] })
  const items = versions.data?.items ?? []
  const [picked, setPicked] = useState<[number, number] | null>(null)
  const [open, setOpen] = useState(false)
  if (versions.error) return <LoadError what="Could not load the versions" error={versions.error} />
  if (items.length < 2) return null
  const last = items.at(-1)!.number
  // Until the user picks, the latest change: the version before the current one, and the current one.
  const [from, to] = picked && picked[1] <= last ? picked : [last - 1, last]
  const choose = (which: 0 | 1, n: number): void => setPicked(which === 0 ? [n, to] : [from, n])
  return (
    <section className="versions" data-testid="versions" aria-label="Versions">
      <div className="versions-head">
        <strong>{items.length} versions</strong>
        <ol className="versions-list">
          {items.map((v) => (
            <li key={v.number} title={v.title}>
              {label(v)}: “{v.title}”
            </li>
          ))}
        </ol>
      </div>
      <div className="versions-actions">
        <VersionSelect name="From" items={items} value={from} onChange={(n) => choose(0, n)} />
        <VersionSelect name="To" items={items} value={to} onChange={(n) => choose(1, n)} />
        <button onClick={() => setOpen(!open)} aria-expanded={open} disabled={from === to}>
          {open ? 'Hide changes' : 'Show changes'}
        </button>
        <button onClick={() => onCompare([from, to])} disabled={from === to}>
          Compare versions
        </button>
      </div>
      {open && from !== to && <VersionDiff id={id} from={from} to={to} />}
    </section>
  )
}

function VersionSelect({ name, items, value, onChange }: { name: string; items: ArticleVersion[]; value: number; onChange: (n: number) => void }): React.JSX.Element {
  return (
    <label>
      {name}{' '}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {items.map((v) => (
          <option key={v.number} value={v.number}>
            Version {v.number}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The headline's and the text's changes, word by word: removed words struck through, added ones underlined. */
function VersionDiff({ id, from, to }: { id: number; from: number; to: number }): React.JSX.Element {
  const diff = useApiQuery(() => api['articles.versionDiff']({ id, from, to }), [id, from, to])
  if (diff.error) return <LoadError what="Could not compare the versions" error={diff.error} />
  if (!diff.data) return <p aria-busy="true">Comparing versions…</p>
  const unchanged = (parts: { op: string }[]): boolean => parts.every((p) => p.op === '=')
  return (
    <div className="version-diff" data-testid="version-diff">
      <h3>
        Headline{unchanged(diff.data.title) ? ' (unchanged)' : ''}: <DiffText parts={diff.data.title} />
      </h3>
      <p className="version-diff-summary">{unchanged(diff.data.text) ? 'The text is unchanged.' : `Text changes from version ${from} to version ${to}:`}</p>
      {!unchanged(diff.data.text) && (
        <div className="version-diff-text">
          <DiffText parts={diff.data.text} />
        </div>
      )}
    </div>
  )
}
