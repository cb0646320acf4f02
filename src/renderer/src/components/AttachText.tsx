/**
 * A metadata-only entry (a reference-library record imported without its file): says so, and
 * takes the article's file now (its text is read by the same importers, the metadata kept).
 */
import { useRef, useState } from 'react'
import type { Article } from '../../../shared/contract'
import { PICKER_ACCEPT } from '../../../shared/formats'
import { api } from '../api/client'
import { readAsBase64 } from '../hooks/importBatches'

export function AttachText({ article, onAttached }: { article: Article; onAttached: (a: Article) => void }): React.JSX.Element {
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const attach = async (file: File): Promise<void> => {
    try {
      onAttached(await api['articles.attachFile']({ id: article.id, file: { name: file.name, data: await readAsBase64(file) } }))
      setError(null)
    } catch (err) {
      setError((err as Error).message)
    }
  }
  return (
    <div className="metadata-only" data-testid="metadata-only">
      <p>Metadata only: this entry has no text yet. It is found by its title, author and outlet.</p>
      <button onClick={() => input.current?.click()}>Attach the article’s file…</button>
      <input
        ref={input}
        type="file"
        hidden
        accept={PICKER_ACCEPT}
        aria-label="The article's file"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void attach(file)
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
