/** The reader: an article's metadata header and its text, as plain paragraphs (never HTML). */
import { useEffect, useState } from 'react'
import type { Article } from '../../../shared/contract'
import { api } from '../api/client'
import { Highlighted } from '../components/Highlighted'
import { RelatedCoverage } from '../components/RelatedCoverage'
import { MetadataForm } from '../components/MetadataForm'
import { formatDate, plural } from '../format'

interface Props {
  id: number | null
  onOpen: (id: number) => void
  /** A search query whose words are highlighted, the first one scrolled into view. */
  highlight: string | null
  onCompare: (ids: number[]) => void
}

export function ReaderView({ id, onOpen, highlight, onCompare }: Props): React.JSX.Element {
  const [article, setArticle] = useState<Article | null>(null)
  const [ranges, setRanges] = useState<[number, number][]>([])
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)

  useEffect(() => {
    if (id === null) return
    let live = true
    setError(null)
    setEditing(false)
    api['articles.get']({ id })
      .then((a) => live && setArticle(a))
      .catch((err: Error) => live && setError(err.message))
    return () => {
      live = false
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
          {!editing && (
            <button className="subtle" onClick={() => setEditing(true)}>
              Edit details
            </button>
          )}
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
          {article.url && /^https?:\/\//i.test(article.url) && (
            <div>
              <dt>Original</dt>
              <dd>
                <a href={article.url} target="_blank" rel="noreferrer noopener">
                  {new URL(article.url).host}
                </a>
              </dd>
            </div>
          )}
        </dl>
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
      <div className="reader-body">
        {paragraphsWithOffsets(article.text).map(([p, offset]) => (
          <p key={offset}>
            <Highlighted text={p} ranges={ranges} offset={offset} />
          </p>
        ))}
      </div>
    </article>
  )
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
