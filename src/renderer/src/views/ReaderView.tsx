/** The reader: an article's metadata header and its text, as plain paragraphs (never HTML). */
import { useEffect, useRef, useState } from 'react'
import type { Article, Note } from '../../../shared/contract'
import { api } from '../api/client'
import { MarkedText, type Mark } from '../components/MarkedText'
import { NotesPanel } from '../components/NotesPanel'
import { readSelection, SelectionToolbar, type TextSelection } from '../components/SelectionToolbar'
import { RelatedCoverage } from '../components/RelatedCoverage'
import { MetadataForm } from '../components/MetadataForm'
import { TagEditor } from '../components/TagEditor'
import { formatDate, plural } from '../format'

interface Props {
  id: number | null
  onOpen: (id: number) => void
  /** A search query whose words are highlighted, the first one scrolled into view. */
  highlight: string | null
  onCompare: (ids: number[]) => void
  /** The notes panel beside the text (the menu's Toggle Notes). */
  showNotes?: boolean
}

export function ReaderView({ id, onOpen, highlight, onCompare, showNotes = true }: Props): React.JSX.Element {
  const [article, setArticle] = useState<Article | null>(null)
  const [ranges, setRanges] = useState<[number, number][]>([])
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [notes, setNotes] = useState<Note[]>([])
  const [selection, setSelection] = useState<TextSelection | null>(null)
  const [editingNote, setEditingNote] = useState<number | null>(null)
  const body = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (id === null) return
    let live = true
    const load = (): void => {
      api['notes.list']({ articleId: id })
        .then((r) => live && setNotes(r.items))
        .catch(() => undefined)
    }
    load()
    const off = api.onChange(['notes'], load)
    return () => {
      live = false
      off()
    }
  }, [id])

  // "n" adds a note to the selected words (the shortcut the help panel lists).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement
      if (e.key === 'n' && !typing && !e.ctrlKey && !e.metaKey && selection) {
        e.preventDefault()
        void createNote('yellow', true)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const createNote = async (color: Note['color'], withNote: boolean): Promise<void> => {
    if (!selection || id === null) return
    const note = await api['notes.create']({ articleId: id, start: selection.start, end: selection.end, color, body: '' })
    window.getSelection()?.removeAllRanges()
    setSelection(null)
    if (withNote) setEditingNote(note.id)
  }

  useEffect(() => {
    if (id === null) return
    let live = true
    setError(null)
    setEditing(false)
    const load = (): void => {
      api['articles.get']({ id })
        .then((a) => live && setArticle(a))
        .catch((err: Error) => live && setError(err.message))
    }
    load()
    const off = api.onChange(['tags', 'collections'], load)
    return () => {
      live = false
      off()
    }
  }, [id])

  useEffect(() => {
    if (id === null || !highlight?.trim()) {
      setRanges([])
      return
    }
    let live = true
    api['search.locate']({ id, q: highlight })
      .then((r) => live && setRanges(r.ranges))
      .catch(() => live && setRanges([]))
    return () => {
      live = false
    }
  }, [id, highlight])

  // Bring the first highlighted word into view once the article and its ranges are shown.
  useEffect(() => {
    if (ranges.length && article?.id === id) document.querySelector('.reader-body mark')?.scrollIntoView({ block: 'center' })
  }, [ranges, article, id])

  if (id === null) {
    return (
      <article className="reader placeholder">
        <p>Select an article to read it.</p>
      </article>
    )
  }
  if (error) return <article className="reader placeholder">{error}</article>
  if (!article || article.id !== id) return <article className="reader placeholder" aria-busy="true" />

  const byline = [article.outlet, article.author, formatDate(article.publishedAt)].filter(Boolean)
  return (
    <article className="reader" data-testid="reader" aria-labelledby="reader-title">
      <header className="reader-header">
        <div className="reader-topline">
          <div className="reader-byline">{byline.join(' · ')}</div>
          <span className="reader-tools">
            <button className="subtle" aria-label="Smaller text" onClick={() => setTextSize(-1)}>
              A−
            </button>
            <button className="subtle" aria-label="Larger text" onClick={() => setTextSize(1)}>
              A+
            </button>
            {!editing && (
              <button className="subtle" onClick={() => setEditing(true)}>
                Edit details
              </button>
            )}
          </span>
        </div>
        {editing && (
          <MetadataForm
            article={article}
            onDone={(updated) => {
              if (updated) setArticle(updated)
              setEditing(false)
            }}
          />
        )}
        <h1 id="reader-title">{article.title}</h1>
        <dl className="reader-facts">
          <div>
            <dt>Source</dt>
            <dd>{article.sourceName}</dd>
          </div>
          <div>
            <dt>Length</dt>
            <dd>{plural(article.wordCount, 'word')}</dd>
          </div>
          {article.language && (
            <div>
              <dt>Language</dt>
              <dd>{article.language}</dd>
            </div>
          )}
          {article.url && safeHost(article.url) && (
            <div>
              <dt>Original</dt>
              <dd>
                <a href={article.url} target="_blank" rel="noreferrer noopener">
                  {safeHost(article.url)}
                </a>
              </dd>
            </div>
          )}
        </dl>
        <TagEditor article={article} />
        {article.nearDuplicates.length > 0 && (
          <div className="near-duplicates" data-testid="near-duplicates">
            <span>Near-duplicates:</span>
            {article.nearDuplicates.map((d) => (
              <button key={d.id} className="link" onClick={() => onOpen(d.id)} title={d.title}>
                {d.outlet ?? d.title} ({Math.round(d.similarity * 100)}% shared)
              </button>
            ))}
          </div>
        )}
        {article.warnings.length > 0 && (
          <ul className="reader-warnings">
            {article.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </header>
      <RelatedCoverage id={article.id} onOpen={onOpen} onCompare={(other) => onCompare([article.id, other])} />
      <div className="reader-layout">
        <div
          className="reader-body"
          ref={body}
          onMouseUp={() => setSelection(body.current ? readSelection(body.current) : null)}
          onKeyUp={() => setSelection(body.current ? readSelection(body.current) : null)}
        >
          {paragraphsWithOffsets(article.text).map(([p, offset]) => (
            <p key={offset} data-offset={offset}>
              <MarkedText text={p} offset={offset} marks={marksFor(notes, ranges)} onMark={(n) => setEditingNote(n)} />
            </p>
          ))}
        </div>
        {showNotes && <NotesPanel articleId={article.id} notes={notes} editing={editingNote} onEditing={setEditingNote} />}
      </div>
      {selection && <SelectionToolbar selection={selection} onHighlight={(c) => void createNote(c, false)} onNote={() => void createNote('yellow', true)} />}
    </article>
  )
}

/** Note highlights (where their quotes are now) and search matches, as marks. */
function marksFor(notes: Note[], ranges: [number, number][]): Mark[] {
  return [
    ...notes.filter((n) => n.located.how !== 'orphan').map((n) => ({ start: n.located.start, end: n.located.end, className: `hl hl-${n.color}`, noteId: n.id })),
    ...ranges.map(([start, end]) => ({ start, end, className: 'hit' }))
  ]
}

/** Paragraphs with their offsets in the whole text, so search ranges can be placed in them. */
function paragraphsWithOffsets(text: string): [string, number][] {
  const out: [string, number][] = []
  let offset = 0
  for (const p of text.split('\n\n')) {
    out.push([p, offset])
    offset += p.length + 2
  }
  return out
}

/** Reader text size, one step at a time between 14 and 26 px, remembered across sessions. */
function setTextSize(step: number): void {
  const now = Number(localStorage.getItem('parallax.readerSize') ?? 18)
  const next = Math.max(14, Math.min(26, now + step * 2))
  localStorage.setItem('parallax.readerSize', String(next))
  document.documentElement.style.setProperty('--reader-size', `${next}px`)
}

/** The host of an http(s) address, or null for anything else (javascript:, file:, malformed). */
function safeHost(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : null
  } catch {
    return null
  }
}
