/** Every note in the library, newest first, filterable by article, tag and collection; a note opens its article. */
import { useMemo, useState } from 'react'
import { api } from '../api/client'
import { formatDate, plural } from '../format'
import { CollectionSelect, TagSelect } from '../components/FilterSelects'
import { LoadError } from '../components/LoadError'
import { NoteBody } from '../components/NotesPanel'
import { useApiQuery } from '../hooks/useApiQuery'

export function NotesView({ onOpen }: { onOpen: (articleId: number) => void }): React.JSX.Element {
  const [article, setArticle] = useState<number | ''>('')
  const [tag, setTag] = useState('')
  const [collection, setCollection] = useState('')
  // Articles with the chosen tag and in the chosen collection (null: no such filter).
  const filtered = !!tag || !!collection
  const within = useApiQuery(() => api['articles.list']({ ...(tag ? { tag } : {}), ...(collection ? { collection: Number(collection) } : {}) }), [tag, collection], { enabled: filtered })
  const withinIds = useMemo(() => (filtered && within.data ? new Set(within.data.items.map((a) => a.id)) : null), [filtered, within.data])
  const query = useApiQuery(() => api['notes.list']({}), [], { reloadOn: ['notes'] })
  const notes = query.data?.items ?? null
  const articles = useMemo(() => [...new Map((notes ?? []).map((n) => [n.articleId, n.articleTitle])).entries()], [notes])
  if (!notes) {
    return (
      <section className="stories empty" aria-busy={!query.error}>
        <LoadError what="Could not load the notes" error={query.error} />
      </section>
    )
  }
  if (notes.length === 0) return <section className="stories empty">No notes yet. Select words in an article to highlight them or add a note.</section>
  const shown = notes.filter((n) => (article === '' || n.articleId === article) && (!withinIds || withinIds.has(n.articleId)))
  return (
    <section className="stories notes-view" data-testid="notes-view">
      <div className="search-bar">
        <span className="result-count">{plural(shown.length, 'note')}</span>
        <select aria-label="Article" value={article} onChange={(e) => setArticle(e.target.value === '' ? '' : Number(e.target.value))}>
          <option value="">All articles</option>
          {articles.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
        <TagSelect label="Tag" value={tag} onChange={setTag} />
        <CollectionSelect label="Collection" value={collection} onChange={setCollection} />
      </div>
      <LoadError what="Could not load the notes" error={query.error} />
      <LoadError what="Could not filter the notes" error={within.error} />
      {shown.map((n) => (
        <article key={n.id} className={`note note-${n.color}`}>
          <button className="link column-title" onClick={() => onOpen(n.articleId)}>
            {n.articleTitle}
          </button>
          <blockquote className="note-quote">{n.anchor.exact}</blockquote>
          {n.located.how === 'orphan' && <p className="orphan">This passage is no longer in the article.</p>}
          <NoteBody body={n.body} />
          <div className="row-meta">{formatDate(n.updatedAt)}</div>
        </article>
      ))}
    </section>
  )
}
