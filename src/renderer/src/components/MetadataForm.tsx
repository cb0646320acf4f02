/** Edits an article's metadata in place; the core validates every field again. */
import { useState } from 'react'
import type { Article } from '../../../shared/contract'
import { api } from '../api/client'
import { submitTo } from './submit'

const FIELDS = [
  { key: 'title', label: 'Title' },
  { key: 'author', label: 'Author' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'publishedAt', label: 'Published (YYYY-MM-DD)' },
  { key: 'url', label: 'Original URL' },
  { key: 'language', label: 'Language code' }
] as const

type Key = (typeof FIELDS)[number]['key']

export function MetadataForm({ article, onDone }: { article: Article; onDone: (updated: Article | null) => void }): React.JSX.Element {
  const [values, setValues] = useState<Record<Key, string>>(() => ({
    title: article.title,
    author: article.author ?? '',
    outlet: article.outlet ?? '',
    publishedAt: article.publishedAt ?? '',
    url: article.url ?? '',
    language: article.language ?? ''
  }))
  const [error, setError] = useState<string | null>(null)

  const save = async (): Promise<void> => {
    const nullable = (v: string): string | null => (v.trim() === '' ? null : v.trim())
    const patch = {
      title: values.title.trim(),
      author: nullable(values.author),
      outlet: nullable(values.outlet),
      publishedAt: nullable(values.publishedAt),
      url: nullable(values.url),
      language: nullable(values.language)
    }
    onDone(await api['articles.update']({ id: article.id, patch }))
  }

  return (
    <form className="metadata-form" data-testid="metadata-form" data-editing onSubmit={submitTo(save, setError)}>
      {FIELDS.map((f) => (
        <label key={f.key}>
          <span>{f.label}</span>
          <input name={f.key} value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
        </label>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  )
}
