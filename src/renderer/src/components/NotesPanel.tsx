/** An article's highlights and notes beside it: quote, note (Markdown, no raw HTML), edit, delete, export. */
import type { Note } from '../../../shared/contract'
import { api } from '../api/client'
import { downloadFile } from '../download'
import { renderMarkdown } from '../markdown'
import { NoteEditor } from './NoteEditor'

/** A note being written for selected words: shown at once, stored when it is saved. */
export interface DraftNote {
  start: number
  end: number
  exact: string
}

interface Props {
  articleId: number
  notes: Note[]
  editing: number | null
  onEditing: (id: number | null) => void
  draft: DraftNote | null
  /** Stores the draft with its text (or drops it: null). */
  onDraft: (body: string | null) => Promise<void>
}

export function NotesPanel({ articleId, notes, editing, onEditing, draft, onDraft }: Props): React.JSX.Element {
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
      {notes.length === 0 && !draft && <p className="hint">Select words in the article to highlight them or add a note.</p>}
      {draft && (
        <div className="note note-yellow" data-testid="note" data-draft>
          <blockquote className="note-quote">{draft.exact}</blockquote>
          <NoteEditor initial="" onSave={(body) => onDraft(body)} onCancel={() => void onDraft(null)} />
        </div>
      )}
      {notes.map((n) => (
        <NoteItem key={n.id} note={n} editing={editing === n.id} onEditing={(on) => onEditing(on ? n.id : null)} />
      ))}
    </aside>
  )
}

function NoteItem({ note, editing, onEditing }: { note: Note; editing: boolean; onEditing: (on: boolean) => void }): React.JSX.Element {
  const save = async (body: string): Promise<void> => {
    await api['notes.update']({ id: note.id, body })
    onEditing(false)
  }
  return (
    <div className={`note note-${note.color}`} data-note={note.id} data-testid="note">
      <blockquote className="note-quote">{note.anchor.exact}</blockquote>
      {note.located.how === 'orphan' && <p className="orphan">This passage is no longer in the article; the note keeps its quote.</p>}
      {editing ? (
        <NoteEditor initial={note.body} onSave={save} onCancel={() => onEditing(false)} />
      ) : (
        <>
          <NoteBody body={note.body} />
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

/** A note's text as sanitized Markdown: the reader's panel and the notes view show it the same way. */
export function NoteBody({ body }: { body: string }): React.JSX.Element | null {
  return body.trim() ? <div className="note-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} /> : null
}
