/** Tags and collections of one article, editable in the reader header. */
import { useState } from 'react'
import type { Article } from '../../../shared/contract'
import { api } from '../api/client'
import { useCollections } from '../hooks/library'
import { LoadError } from './LoadError'

export function TagEditor({ article }: { article: Article }): React.JSX.Element {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const collectionList = useCollections()
  const collections = collectionList.data?.items ?? []
  const [newCollection, setNewCollection] = useState<string | null>(null)

  const run = (p: Promise<unknown>): void => {
    p.then(() => setError(null)).catch((err: Error) => setError(err.message))
  }
  const addTag = (): void => {
    const tag = draft.trim()
    if (!tag) return
    run(api['articles.tag']({ ids: [article.id], add: [tag] }).then(() => setDraft('')))
  }
  const addTo = async (name: string): Promise<void> => {
    const c = await api['collections.create']({ name })
    await api['collections.add']({ id: c.id, articleIds: [article.id] })
  }

  return (
    <div className="tag-editor" data-testid="tag-editor">
      <div className="chips" aria-label="Tags">
        {article.tags.map((t) => (
          <span key={t} className="chip">
            {t}
            <button aria-label={`Remove tag ${t}`} onClick={() => run(api['articles.tag']({ ids: [article.id], remove: [t] }))}>
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
      </div>
      <div className="chips" aria-label="Collections">
        {article.collections.map((id) => {
          const c = collections.find((x) => x.id === id)
          return c ? (
            <span key={id} className="chip chip-collection">
              {c.name}
              <button aria-label={`Remove from ${c.name}`} onClick={() => run(api['collections.remove']({ id, articleIds: [article.id] }))}>
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
              else if (v) run(api['collections.add']({ id: Number(v), articleIds: [article.id] }))
            }}
          >
            <option value="">+ collection</option>
            {collections
              .filter((c) => !article.collections.includes(c.id))
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
                run(addTo(newCollection.trim()))
                setNewCollection(null)
              }
            }}
          />
        )}
      </div>
      {error && <p className="form-error">{error}</p>}
      <LoadError what="Could not load the collections" error={collectionList.error} className="form-error" />
    </div>
  )
}
