/** The reader's header: byline, text size, metadata editing, title, facts, tags, near-duplicates, warnings. */
import { useState } from 'react'
import type { Article } from '../../../shared/contract'
import { AttachText } from '../components/AttachText'
import { MetadataForm } from '../components/MetadataForm'
import { NearDuplicates } from '../components/NearDuplicates'
import { TagEditor } from '../components/TagEditor'
import { formatDate, plural } from '../format'
import { safeHost, setTextSize } from './readerText'

interface Props {
  article: Article
  /** The article as the metadata form saved it. */
  onEdited: (a: Article) => void
  onOpen: (id: number) => void
}

export function ReaderHeader({ article, onEdited, onOpen }: Props): React.JSX.Element {
  const [editing, setEditing] = useState(false)
  const byline = [article.outlet, article.author, formatDate(article.publishedAt)].filter(Boolean)
  return (
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
            if (updated) onEdited(updated)
            setEditing(false)
          }}
        />
      )}
      <h1 id="reader-title">{article.title}</h1>
      <ReaderFacts article={article} />
      <TagEditor article={article} />
      <NearDuplicates items={article.nearDuplicates} onOpen={onOpen} />
      {article.ocrConfidence !== null && (
        <p className="reader-ocr" data-testid="reader-ocr" title="Read from a scan by OCR: check quotes and numbers against the original">
          Text from OCR (confidence {Math.round(article.ocrConfidence)}%)
        </p>
      )}
      {article.wordCount === 0 && !article.text && <AttachText article={article} onAttached={onEdited} />}
      {article.warnings.length > 0 && (
        <ul className="reader-warnings">
          {article.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </header>
  )
}

function ReaderFacts({ article }: { article: Article }): React.JSX.Element {
  const host = article.url ? safeHost(article.url) : null
  const facts: [string, React.ReactNode][] = [
    ['Source', article.sourceName],
    ['Length', plural(article.wordCount, 'word')]
  ]
  if (article.language) facts.push(['Language', article.language])
  if (article.url && host) {
    facts.push([
      'Original',
      <a href={article.url} target="_blank" rel="noreferrer noopener">
        {host}
      </a>
    ])
  }
  return (
    <dl className="reader-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
