/** The library's outlet names as suggestions for a text field (`list={id}`), kept current. */
import { useOutlets } from '../../hooks/library'

export function OutletNames({ id }: { id: string }): React.JSX.Element {
  const outlets = useOutlets()
  return (
    <datalist id={id}>
      {outlets.data?.map((o) => (
        <option key={o.name} value={o.name} />
      ))}
    </datalist>
  )
}
