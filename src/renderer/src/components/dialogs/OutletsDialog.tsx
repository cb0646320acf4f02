/**
 * The outlet names: merge two outlets (the first becomes an alias of the second and its articles
 * are renamed), add another spelling (`NYT` for The New York Times), or remove an alias. Every
 * change saves the whole list with `outlets.setAliases` and says how many articles it renamed.
 */
import { useState } from 'react'
import type { OutletAlias } from '../../../../shared/contract'
import { api } from '../../api/client'
import { formatCount, plural } from '../../format'
import { useApiQuery } from '../../hooks/useApiQuery'
import { useOutlets } from '../../hooks/library'
import { LoadError } from '../LoadError'
import { Modal } from '../Modal'
import { submitTo } from '../submit'
import { withAlias, withoutAlias } from './aliasList'
import { OutletNames } from './OutletNames'

export function OutletsDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const aliases = useApiQuery(() => api['outlets.aliases']({}), [])
  const outlets = useOutlets()
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const items = aliases.data?.items ?? []

  /** Saves the new list; `what` says what was done ("NYT is now The New York Times"). */
  const save = async (next: OutletAlias[], what: string): Promise<void> => {
    setError(null)
    const answer = await api['outlets.setAliases']({ items: next })
    aliases.setData({ items: answer.items })
    setStatus(`${what}${answer.renamed > 0 ? `: ${plural(answer.renamed, 'article')} renamed` : ''}.`)
  }
  const fail = (message: string): void => (setError(message), setStatus(null))

  return (
    <Modal label="Outlet names" testId="outlets-dialog" onClose={onClose} className="outlets-dialog">
      <p className="modal-lead">Names differing only in case, punctuation or a leading “The” are one outlet already. Merge the others here; new imports follow the list.</p>
      <MergeForm outlets={outlets.data ?? []} onMerge={(from, into) => save(withAlias(items, from, into), `${from} merged into ${into}`)} onError={fail} />
      <AliasForm onAdd={(alias, outlet) => save(withAlias(items, alias, outlet), `${alias} now stands for ${outlet}`)} onError={fail} />
      <LoadError what="Could not load the aliases" error={aliases.error ?? outlets.error} className="form-error" />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status && (
        <p className="outlets-status" role="status" data-testid="outlets-status">
          {status}
        </p>
      )}
      <h3 className="outlets-heading">Aliases ({formatCount(items.length)})</h3>
      {items.length === 0 ? (
        <p className="hint">No alias yet.</p>
      ) : (
        <ul className="alias-list" data-testid="alias-list">
          {items.map((a) => (
            <li key={a.alias}>
              <span className="alias-name">{a.alias}</span>
              <span className="alias-arrow" aria-label="stands for">
                →
              </span>
              <span className="alias-outlet">{a.outlet}</span>
              <button className="subtle" aria-label={`Remove the alias ${a.alias}`} onClick={() => void save(withoutAlias(items, a.alias), `${a.alias} is no longer an alias (articles already renamed keep their name)`).catch((e: Error) => fail(e.message))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  )
}

type Outlets = { name: string; count: number }[]

function OutletSelect({ label, value, onChange, outlets, exclude }: { label: string; value: string; onChange: (v: string) => void; outlets: Outlets; exclude?: string }): React.JSX.Element {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{label}…</option>
      {outlets
        .filter((o) => o.name !== exclude)
        .map((o) => (
          <option key={o.name} value={o.name}>
            {o.name} ({formatCount(o.count)})
          </option>
        ))}
    </select>
  )
}

function MergeForm({ outlets, onMerge, onError }: { outlets: Outlets; onMerge: (from: string, into: string) => Promise<void>; onError: (m: string) => void }): React.JSX.Element {
  const [from, setFrom] = useState('')
  const [into, setInto] = useState('')
  const merge = async (): Promise<void> => {
    await onMerge(from, into)
    setFrom('')
    setInto('')
  }
  return (
    <form className="outlets-row" aria-label="Merge two outlets" onSubmit={submitTo(merge, onError)}>
      <span className="outlets-verb">Merge</span>
      <OutletSelect label="Outlet to merge" value={from} onChange={setFrom} outlets={outlets} />
      <span className="outlets-verb">into</span>
      <OutletSelect label="Outlet to keep" value={into} onChange={setInto} outlets={outlets} exclude={from} />
      <button type="submit" disabled={!from || !into || from === into} data-testid="merge-outlets">
        Merge
      </button>
    </form>
  )
}

function AliasForm({ onAdd, onError }: { onAdd: (alias: string, outlet: string) => Promise<void>; onError: (m: string) => void }): React.JSX.Element {
  const [alias, setAlias] = useState('')
  const [outlet, setOutlet] = useState('')
  const add = async (): Promise<void> => {
    await onAdd(alias, outlet)
    setAlias('')
    setOutlet('')
  }
  return (
    <form className="outlets-row" aria-label="Add an alias" onSubmit={submitTo(add, onError)}>
      <input className="modal-input" aria-label="Another name" placeholder="Another name (NYT)" value={alias} onChange={(e) => setAlias(e.target.value)} />
      <span className="outlets-verb">stands for</span>
      <input className="modal-input" aria-label="Outlet it stands for" placeholder="Outlet" list="alias-outlet-names" value={outlet} onChange={(e) => setOutlet(e.target.value)} />
      <OutletNames id="alias-outlet-names" />
      <button type="submit" disabled={!alias.trim() || !outlet.trim() || alias.trim().toLowerCase() === outlet.trim().toLowerCase()}>
        Add
      </button>
    </form>
  )
}
