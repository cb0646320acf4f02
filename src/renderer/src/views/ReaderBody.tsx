/**
 * The article text with its marks, the notes beside it, and the toolbar over selected words.
 * Add note opens the note box at once (the note is stored when saved), so nothing typed is lost.
 * Keyboard: s selects the next sentence (S extends it), h highlights, n adds a note.
 */
import { useEffect, useRef, useState } from 'react'
import type { Article, Note } from '../../../shared/contract'
import { api } from '../api/client'
import { NotesPanel, type DraftNote } from '../components/NotesPanel'
import { MarkedText } from '../components/MarkedText'
import { readSelection, SelectionToolbar, type TextSelection } from '../components/SelectionToolbar'
import { isTyping } from '../keyboard'
import { marksFor, paragraphsWithOffsets } from './readerText'

interface Props {
  article: Article
  notes: Note[]
  ranges: [number, number][]
  showNotes: boolean
  /** Shows a note the core has just stored, before the list reloads. */
  onCreated: (note: Note) => void
}

/** Moves (or, extending, grows) the window selection by a sentence inside the article body. */
function selectSentence(body: HTMLElement, extend: boolean): void {
  const sel = window.getSelection()
  if (!sel) return
  const inside = sel.rangeCount > 0 && body.contains(sel.anchorNode)
  if (!inside) sel.collapse(body.querySelector('p') ?? body, 0)
  else if (!extend) sel.collapseToEnd()
  sel.modify('extend', 'forward', 'sentence')
}

export function ReaderBody({ article, notes, ranges, showNotes, onCreated }: Props): React.JSX.Element {
  const [selection, setSelection] = useState<TextSelection | null>(null)
  const [editingNote, setEditingNote] = useState<number | null>(null)
  const [draft, setDraft] = useState<DraftNote | null>(null)
  const body = useRef<HTMLDivElement>(null)
  const select = (): void => setSelection(body.current ? readSelection(body.current, article.text) : null)

  const clearSelection = (): void => {
    window.getSelection()?.removeAllRanges()
    setSelection(null)
  }
  const highlight = async (color: Note['color']): Promise<void> => {
    if (!selection) return
    clearSelection()
    onCreated(await api['notes.create']({ articleId: article.id, start: selection.start, end: selection.end, color, body: '' }))
  }
  const startNote = (): void => {
    if (!selection) return
    setDraft({ start: selection.start, end: selection.end, exact: article.text.slice(selection.start, selection.end) })
    clearSelection()
  }
  const finishDraft = async (text: string | null): Promise<void> => {
    if (draft && text !== null) onCreated(await api['notes.create']({ articleId: article.id, start: draft.start, end: draft.end, color: 'yellow', body: text }))
    setDraft(null)
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey || !body.current) return
      if (e.key === 'n' && selection) startNote()
      else if (e.key === 'h' && selection) void highlight('yellow')
      else if (e.key === 's' || e.key === 'S') {
        selectSentence(body.current, e.key === 'S')
        select()
      } else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const marks = marksFor(notes, ranges)
  if (draft) marks.push({ start: draft.start, end: draft.end, className: 'hl hl-yellow' })
  return (
    <>
      <div className="reader-layout">
        <div className="reader-body" ref={body} onMouseUp={select} onKeyUp={select}>
          {paragraphsWithOffsets(article.text).map(([p, offset]) => (
            <p key={offset} data-offset={offset}>
              <MarkedText text={p} offset={offset} marks={marks} onMark={(n) => setEditingNote(n)} />
            </p>
          ))}
        </div>
        {(showNotes || draft) && <NotesPanel articleId={article.id} notes={notes} editing={editingNote} onEditing={setEditingNote} draft={draft} onDraft={finishDraft} />}
      </div>
      {selection && <SelectionToolbar selection={selection} onHighlight={(c) => void highlight(c)} onNote={startNote} />}
    </>
  )
}
