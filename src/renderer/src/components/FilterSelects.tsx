/** The tag and collection pickers the library, search and notes views share. */
import { formatCount } from '../format'
import { useCollections, useTags } from '../hooks/library'

/** A failed load of the choices, shown as a choice that cannot be picked. */
function LoadFailure({ error }: { error: string | null }): React.JSX.Element | null {
  return error ? (
    <option value="" disabled>
      Could not load: {error}
    </option>
  ) : null
}

export function TagSelect({ label, value, onChange, any = 'Any tag', counts = false }: { label: string; value: string; onChange: (tag: string) => void; any?: string; counts?: boolean }): React.JSX.Element {
  const tags = useTags()
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      <LoadFailure error={tags.error} />
      {tags.data?.items.map((t) => (
        <option key={t.name} value={t.name}>
          {counts ? `${t.name} (${formatCount(t.count)})` : t.name}
        </option>
      ))}
    </select>
  )
}

export function CollectionSelect({ label, value, onChange }: { label: string; value: string; onChange: (id: string) => void }): React.JSX.Element {
  const collections = useCollections()
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Any collection</option>
      <LoadFailure error={collections.error} />
      {collections.data?.items.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  )
}
