/** Tags and collections of one article, editable in the reader header; changes show at once (optimistic), a failed write is undone with its error shown in place. */
import { useState } from 'react'
import type { Article } from '../../../shared/contract'
import { api } from '../api/client'
import { useCollections } from '../hooks/library'
import { useOptimistic } from '../hooks/useOptimistic'
import { LoadError } from './LoadError'

export function TagEditor({ article }: { article: Article }): React.JSX.Element {
  return (
    <div className="tag-editor" data-testid="tag-editor">
      <TagChips article={article} />
      <CollectionChips article={article} />
    </div>
  )
}

/** The article's tags: added or removed on screen at once, the write following. */
function TagChips({ article }: { article: Article }): React.JSX.Element {
  const tags = useOptimistic(article.tags)
  const [draft, setDraft] = useState('')
  const addTag = (): void => {
    const tag = draft.trim()
    if (!tag) return
    setDraft('')
    if (!tags.shown.includes(tag)) tags.change([...tags.shown, tag], () => api['tags.change']({ ids: [article.id], add: [tag] }))
  }
  return (
    <div className="chips" aria-label="Tags">
      {tags.shown.map((t) => (
        <span key={t} className="chip">
          {t}
          <button aria-label={`Remove tag ${t}`} onClick={() => tags.change(tags.shown.filter((x) => x !== t), () => api['tags.change']({ ids: [article.id], remove: [t] }))}>
            ×
          </button>
        </span>
      ))}
      <input
        className="chip-input"
        aria-label="Add a tag"
        placeholder="+ tag"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault()
            addTag()
          }
        }}
      />
      {tags.error && <p className="form-error">Could not change the tags: {tags.error}</p>}
    </div>
  )
}

/** The collections the article is in: joined or left on screen at once; a new one is created first. */
function CollectionChips({ article }: { article: Article }): React.JSX.Element {
  const list = useCollections()
  const collections = list.data?.items ?? []
  const member = useOptimistic(article.collections)
  const [newCollection, setNewCollection] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const join = (id: number): void => member.change([...member.shown, id], () => api['collections.add']({ id, articleIds: [article.id] }))
  const createAndJoin = (name: string): void => {
    api['collections.create']({ name })
      .then((c) => join(c.id))
      .catch((err: Error) => setError(err.message))
  }
  return (
    <div className="chips" aria-label="Collections">
      {member.shown.map((id) => {
        const c = collections.find((x) => x.id === id)
        return c ? (
          <span key={id} className="chip chip-collection">
            {c.name}
            <button aria-label={`Remove from ${c.name}`} onClick={() => member.change(member.shown.filter((x) => x !== id), () => api['collections.remove']({ id, articleIds: [article.id] }))}>
              ×
            </button>
          </span>
        ) : null
      })}
      {newCollection === null ? (
        <select
          aria-label="Add to collection"
          value=""
          onChange={(e) => {
            const v = e.target.value
            if (v === '__new') setNewCollection('')
            else if (v) join(Number(v))
          }}
        >
          <option value="">+ collection</option>
          {collections
            .filter((c) => !member.shown.includes(c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          <option value="__new">New collection…</option>
        </select>
      ) : (
        <input
          autoFocus
          className="chip-input"
          aria-label="New collection name"
          placeholder="Collection name, Enter"
          value={newCollection}
          onChange={(e) => setNewCollection(e.target.value)}
          onBlur={() => setNewCollection(null)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setNewCollection(null)
            if (e.key === 'Enter' && newCollection.trim()) {
              createAndJoin(newCollection.trim())
              setNewCollection(null)
            }
          }}
        />
      )}
      <LoadError what="Could not load the collections" error={list.error} className="form-error" />
      {(member.error ?? error) && <p className="form-error">Could not change the collections: {member.error ?? error}</p>}
    </div>
  )
}
