/** Title and notes of a comparison, saved with it (and reopened from the sidebar). */
import { useState } from 'react'
import type { Comparison, SavedComparison } from '../../../shared/contract'
import { api } from '../api/client'
import { submitTo } from '../components/submit'

export function SavePanel({ ids, saved, c, onSaved }: { ids: number[]; saved: SavedComparison | null; c: Comparison; onSaved: (s: SavedComparison) => void }): React.JSX.Element {
  const [title, setTitle] = useState(saved?.title ?? c.articles.map((a) => a.outlet ?? `#${a.id}`).join(' vs ') + `: ${c.articles[0]!.title}`)
  const [notes, setNotes] = useState(saved?.notes ?? '')
  const [state, setState] = useState<string | null>(null)
  const save = async (): Promise<void> => {
    const s = await api['comparisons.save']({ ...(saved ? { id: saved.id } : {}), ids, title, notes })
    setState(`Saved ${new Date(s.updatedAt).toLocaleTimeString()}`)
    onSaved(s)
  }
  return (
    <form className="save-panel" data-testid="save-panel" onSubmit={submitTo(save, setState)}>
      <input aria-label="Comparison title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <textarea aria-label="Notes on this comparison" placeholder="Notes on this comparison…" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="form-actions">
        {state && <span className="hint" role="status">{state}</span>}
        <button type="submit" className="primary">
          Save comparison
        </button>
      </div>
    </form>
  )
}
