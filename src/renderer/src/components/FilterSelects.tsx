/** The tag and collection pickers the library, search and notes views share. */
import { useCollections, useTags } from '../hooks'

export function TagSelect({ label, value, onChange, any = 'Any tag', counts = false }: { label: string; value: string; onChange: (tag: string) => void; any?: string; counts?: boolean }): React.JSX.Element {
  const tags = useTags()
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {tags.map((t) => (
        <option key={t.name} value={t.name}>
          {counts ? `${t.name} (${t.count})` : t.name}
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
      {collections.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  )
}
