/** Tags and collections of one article, editable in the reader header. */
import { useState } from 'react'
import type { Article } from '../../../shared/contract'
import { api } from '../api/client'
import { useCollections } from '../hooks/library'
import { LoadError } from './LoadError'

/** Runs a write; its failure is shown under the chips, its success clears the last failure. */
type Run = (p: Promise<unknown>) => void

export function TagEditor({ article }: { article: Article }): React.JSX.Element {
  const [error, setError] = useState<string | null>(null)
  const run: Run = (p) => {
    p.then(() => setError(null)).catch((err: Error) => setError(err.message))
  }
  return (
    <div className="tag-editor" data-testid="tag-editor">
      <TagChips article={article} run={run} />
      <CollectionChips article={article} run={run} />
      {error && <p className="form-error">{error}</p>}
    </div>
  )
}

function TagChips({ article, run }: { article: Article; run: Run }): React.JSX.Element {
  const [draft, setDraft] = useState('')
  const addTag = (): void => {
    const tag = draft.trim()
    if (!tag) return
    run(api['articles.tag']({ ids: [article.id], add: [tag] }).then(() => setDraft('')))
  }
  return (
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
  )
}

function CollectionChips({ article, run }: { article: Article; run: Run }): React.JSX.Element {
  const list = useCollections()
  const collections = list.data?.items ?? []
  const [newCollection, setNewCollection] = useState<string | null>(null)
  const addTo = async (name: string): Promise<void> => {
    const c = await api['collections.create']({ name })
    await api['collections.add']({ id: c.id, articleIds: [article.id] })
  }
  return (
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
      <LoadError what="Could not load the collections" error={list.error} className="form-error" />
    </div>
  )
}
