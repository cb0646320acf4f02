/** The note text box: focused as soon as it opens, Ctrl/Cmd+Enter saves, Esc cancels; a failed save is shown in place. */
import { useState } from 'react'
import { submitTo } from './submit'

export function NoteEditor({ initial, onSave, onCancel }: { initial: string; onSave: (body: string) => Promise<void>; onCancel: () => void }): React.JSX.Element {
  const [body, setBody] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const save = async (): Promise<void> => {
    setError(null)
    await onSave(body)
  }
  return (
    // data-editing: the window's single-key shortcuts stay off while a note is being written.
    <form data-editing onSubmit={submitTo(save, setError)}>
      <textarea
        aria-label="Note"
        autoFocus
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder="Your note (Markdown) — Ctrl+Enter saves"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            e.currentTarget.form?.requestSubmit()
          }
          if (e.key === 'Escape') onCancel()
        }}
      />
      {error && <p className="form-error">Could not save the note: {error}</p>}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save note
        </button>
      </div>
    </form>
  )
}
