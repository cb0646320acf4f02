/** The reader: an article's metadata header and its text, as plain paragraphs (never HTML). */
import { useEffect, useMemo } from 'react'
import { api } from '../api/client'
import { ArticleVersions } from '../components/ArticleVersions'
import { LoadError } from '../components/LoadError'
import { RelatedCoverage } from '../components/RelatedCoverage'
import { useApiQuery } from '../hooks/useApiQuery'
import { ReaderHeader } from './ReaderHeader'
import { ReaderBody } from './ReaderBody'

interface Props {
  id: number | null
  onOpen: (id: number) => void
  /** A search query whose words are highlighted, the first one scrolled into view. */
  highlight: string | null
  onCompare: (ids: number[]) => void
  /** Two versions of the article in the comparison view. */
  onCompareVersions: (id: number, versions: [number, number]) => void
  /** The notes panel beside the text (the menu's Toggle Notes). */
  showNotes?: boolean
}

const NO_RANGES: [number, number][] = []

export function ReaderView({ id, onOpen, highlight, onCompare, onCompareVersions, showNotes = true }: Props): React.JSX.Element {
  const open = id !== null
  const article = useApiQuery(() => api['articles.get']({ id: id! }), [id], { enabled: open, reloadOn: ['tags', 'collections', 'import'] })
  const notes = useApiQuery(() => api['notes.list']({ articleId: id! }), [id], { enabled: open, reloadOn: ['notes', 'import'] })
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
      <ArticleVersions key={shown.id} id={shown.id} onCompare={(versions) => onCompareVersions(shown.id, versions)} />
      <RelatedCoverage id={shown.id} onOpen={onOpen} onCompare={(other) => onCompare([shown.id, other])} onCompareAll={(others) => onCompare([shown.id, ...others])} />
      <LoadError what="Could not load the notes" error={notes.error} />
      <ReaderBody article={shown} notes={notes.data?.items ?? []} ranges={ranges} showNotes={showNotes} onCreated={(n) => notes.setData({ items: [...(notes.data?.items ?? []).filter((x) => x.id !== n.id), n].sort((a, b) => a.located.start - b.located.start) })} />
    </article>
  )
}
