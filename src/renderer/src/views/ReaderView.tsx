/** The reader: an article's metadata header and its text, as plain paragraphs (never HTML). */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Article, Note } from '../../../shared/contract'
import { api } from '../api/client'
import { LoadError } from '../components/LoadError'
import { MarkedText } from '../components/MarkedText'
import { NotesPanel } from '../components/NotesPanel'
import { RelatedCoverage } from '../components/RelatedCoverage'
import { readSelection, SelectionToolbar, type TextSelection } from '../components/SelectionToolbar'
import { isTyping } from '../keyboard'
import { useApiQuery } from '../hooks/useApiQuery'
import { ReaderHeader } from './ReaderHeader'
import { marksFor, paragraphsWithOffsets } from './readerText'

interface Props {
  id: number | null
  onOpen: (id: number) => void
  /** A search query whose words are highlighted, the first one scrolled into view. */
  highlight: string | null
  onCompare: (ids: number[]) => void
  /** The notes panel beside the text (the menu's Toggle Notes). */
  showNotes?: boolean
}

const NO_RANGES: [number, number][] = []

export function ReaderView({ id, onOpen, highlight, onCompare, showNotes = true }: Props): React.JSX.Element {
  const open = id !== null
  const article = useApiQuery(() => api['articles.get']({ id: id! }), [id], { enabled: open, reloadOn: ['tags', 'collections'] })
  const notes = useApiQuery(() => api['notes.list']({ articleId: id! }), [id], { enabled: open, reloadOn: ['notes'] })
  const locating = open && !!highlight?.trim()
  const locate = useApiQuery(() => api['search.locate']({ id: id!, q: highlight! }), [id, highlight], { enabled: locating })
  const ranges = useMemo(() => (locating && !locate.error ? (locate.data?.ranges ?? NO_RANGES) : NO_RANGES), [locating, locate.data, locate.error])
  const shown = article.data

  // Bring the first highlighted word into view once the article and its ranges are shown.
  useEffect(() => {
    if (ranges.length && shown?.id === id) document.querySelector('.reader-body mark')?.scrollIntoView({ block: 'center' })
  }, [ranges, shown, id])

  if (id === null) {
    return (
      <article className="reader placeholder">
        <p>Select an article to read it.</p>
      </article>
    )
  }
  if (article.error) return <article className="reader placeholder">{article.error}</article>
  if (!shown || shown.id !== id) return <article className="reader placeholder" aria-busy="true" />
  return (
    <article className="reader" data-testid="reader" aria-labelledby="reader-title">
      <ReaderHeader key={shown.id} article={shown} onEdited={article.setData} onOpen={onOpen} />
      <RelatedCoverage id={shown.id} onOpen={onOpen} onCompare={(other) => onCompare([shown.id, other])} onCompareAll={(others) => onCompare([shown.id, ...others])} />
      <LoadError what="Could not load the notes" error={notes.error} />
      <ReaderBody article={shown} notes={notes.data?.items ?? []} ranges={ranges} showNotes={showNotes} />
    </article>
  )
}

/** The text with its marks, the notes beside it, and the toolbar over selected words. */
function ReaderBody({ article, notes, ranges, showNotes }: { article: Article; notes: Note[]; ranges: [number, number][]; showNotes: boolean }): React.JSX.Element {
  const [selection, setSelection] = useState<TextSelection | null>(null)
  const [editingNote, setEditingNote] = useState<number | null>(null)
  const body = useRef<HTMLDivElement>(null)

  const createNote = async (color: Note['color'], withNote: boolean): Promise<void> => {
    if (!selection) return
    const note = await api['notes.create']({ articleId: article.id, start: selection.start, end: selection.end, color, body: '' })
    window.getSelection()?.removeAllRanges()
    setSelection(null)
    if (withNote) setEditingNote(note.id)
  }

  // "n" adds a note to the selected words (the shortcut the help panel lists).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'n' && !isTyping(e) && !e.ctrlKey && !e.metaKey && selection) {
        e.preventDefault()
        void createNote('yellow', true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const select = (): void => setSelection(body.current ? readSelection(body.current) : null)
  return (
    <>
      <div className="reader-layout">
        <div className="reader-body" ref={body} onMouseUp={select} onKeyUp={select}>
          {paragraphsWithOffsets(article.text).map(([p, offset]) => (
            <p key={offset} data-offset={offset}>
              <MarkedText text={p} offset={offset} marks={marksFor(notes, ranges)} onMark={(n) => setEditingNote(n)} />
            </p>
          ))}
        </div>
        {showNotes && <NotesPanel articleId={article.id} notes={notes} editing={editingNote} onEditing={setEditingNote} />}
      </div>
      {selection && <SelectionToolbar selection={selection} onHighlight={(c) => void createNote(c, false)} onNote={() => void createNote('yellow', true)} />}
    </>
  )
}
