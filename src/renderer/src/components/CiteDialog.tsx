/**
 * "Cite / Export citations": the chosen articles (ticked ones, search results, a comparison) or a
 * collection, as APA or Chicago references or a CSL-JSON, BibTeX or RIS file, to copy or to save.
 * The text is shown in a read-only text box: never rendered as HTML.
 */
import { useState } from 'react'
import { CITATION_FORMATS, type CitationFormat } from '../../../shared/contract'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { useApiQuery } from '../hooks/useApiQuery'
import { LoadError } from './LoadError'

/** What to cite: some articles by id, or a whole collection. */
export type CiteTarget = { ids: number[] } | { collection: number }

export function CiteDialog({ target, onClose }: { target: CiteTarget; onClose: () => void }): React.JSX.Element {
  const [format, setFormat] = useState<CitationFormat>('apa')
  const [copied, setCopied] = useState(false)
  const file = useApiQuery(() => api['citations.export']({ ...target, format }), [JSON.stringify(target), format])
  const copy = (): void => {
    if (file.data) void navigator.clipboard?.writeText(file.data.content).then(() => setCopied(true), () => setCopied(false))
  }
  return (
    <div className="settings-dialog cite-dialog" role="dialog" aria-label="Cite / Export citations" data-testid="cite-dialog">
      <header>
        <strong>Cite {'ids' in target ? `${target.ids.length} article${target.ids.length === 1 ? '' : 's'}` : 'this collection'}</strong>
        <button className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <select aria-label="Citation format" value={format} onChange={(e) => { setFormat(e.target.value as CitationFormat); setCopied(false) }}>
        {CITATION_FORMATS.map((f) => (
          <option key={f.format} value={f.format}>
            {f.label}
          </option>
        ))}
      </select>
      <textarea readOnly className="cite-text" aria-label="Citations" data-testid="cite-text" value={file.data?.content ?? ''} rows={10} />
      <LoadError what="Could not make the citations" error={file.error} className="error" />
      <div className="cite-actions">
        <button onClick={copy} disabled={!file.data}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button onClick={() => file.data && downloadFile(file.data)} disabled={!file.data}>
          Save…
        </button>
      </div>
    </div>
  )
}

/** A "Cite…" button that opens the dialog for its target. */
export function CiteButton({ target, label = 'Cite…', role }: { target: CiteTarget; label?: string; role?: string }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button role={role} data-testid="cite-button" title="Cite / Export citations (APA, Chicago, BibTeX, RIS, CSL-JSON)" onClick={() => setOpen(!open)} aria-expanded={open}>
        {label}
      </button>
      {open && <CiteDialog target={target} onClose={() => setOpen(false)} />}
    </>
  )
}
