/** An article's highlights and notes beside it: quote, note (Markdown, no raw HTML), edit, delete, export. */
import { useState } from 'react'
import type { Note } from '../../../shared/contract'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { renderMarkdown } from '../markdown'
import { submitTo } from './submit'


export function NotesPanel({ articleId, notes, editing, onEditing }: { articleId: number; notes: Note[]; editing: number | null; onEditing: (id: number | null) => void }): React.JSX.Element {
  const exportNotes = async (): Promise<void> => downloadFile(await api['notes.export']({ articleId }))
  return (
    <aside className="notes-panel" aria-label="Notes" data-testid="notes-panel">
      <header>
        <h2>Notes</h2>
        {notes.length > 0 && (
          <button className="subtle" onClick={() => void exportNotes()}>
            Export
          </button>
        )}
      </header>
      {notes.length === 0 && <p className="hint">Select words in the article to highlight them or add a note.</p>}
      {notes.map((n) => (
        <NoteItem key={n.id} note={n} editing={editing === n.id} onEditing={(on) => onEditing(on ? n.id : null)} />
      ))}
    </aside>
  )
}

function NoteItem({ note, editing, onEditing }: { note: Note; editing: boolean; onEditing: (on: boolean) => void }): React.JSX.Element {
  const [body, setBody] = useState(note.body)
  const save = async (): Promise<void> => {
    await api['notes.update']({ id: note.id, body })
    onEditing(false)
  }
  return (
    <div className={`note note-${note.color}`} data-note={note.id} data-testid="note">
      <blockquote className="note-quote">{note.anchor.exact}</blockquote>
      {note.located.how === 'orphan' && <p className="orphan">This passage is no longer in the article; the note keeps its quote.</p>}
      {editing ? (
        <form onSubmit={submitTo(save)}>
          <textarea aria-label="Note" autoFocus rows={4} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Your note (Markdown)" />
          <div className="form-actions">
            <button type="button" onClick={() => onEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save note
            </button>
          </div>
        </form>
      ) : (
        <>
          {note.body.trim() && <div className="note-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(note.body) }} />}
          <div className="note-actions">
            <button className="link" onClick={() => onEditing(true)}>
              {note.body.trim() ? 'Edit' : 'Add note'}
            </button>
            <button className="link" onClick={() => void api['notes.delete']({ id: note.id })}>
              Delete
            </button>
          </div>
        </>
      )}
    </div>
  )
}
