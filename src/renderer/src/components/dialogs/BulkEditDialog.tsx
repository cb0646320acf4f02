/**
 * Sets the outlet, author or language of the ticked articles at once, and adds a tag, in one
 * `articles.updateMany` call (one transaction). The dialog says exactly what will change on how
 * many articles before it is applied, since the values it replaces are not kept.
 */
import { useState } from 'react'
import { api } from '../../api/client'
import { plural } from '../../format'
import { Modal, ModalFooter } from '../Modal'
import { submitTo } from '../submit'
import { OutletNames } from './OutletNames'
import { BULK_FIELDS, bulkCall, describeChange, KEEP_ALL, type BulkForm, type FieldEdit } from './bulkPatch'

interface Props {
  ids: number[]
  onDone: (message: string) => void
  onCancel: () => void
}

export function BulkEditDialog({ ids, onDone, onCancel }: Props): React.JSX.Element {
  const [form, setForm] = useState<BulkForm>(KEEP_ALL)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const call = bulkCall(ids, form)
  const change = describeChange(form)
  const count = plural(ids.length, 'article')

  const apply = async (): Promise<void> => {
    if (!call) return
    setBusy(true)
    try {
      const { updated } = await api['articles.updateMany'](call)
      onDone(`${plural(updated, 'article')} changed: ${change}`)
    } finally {
      setBusy(false)
    }
  }
  const edit = (key: (typeof BULK_FIELDS)[number]['key'], value: FieldEdit): void => {
    setForm((f) => ({ ...f, [key]: value }))
    setError(null)
  }

  return (
    <Modal label={`Edit ${count}`} testId="bulk-edit-dialog" onClose={onCancel} className="bulk-edit">
      <form onSubmit={submitTo(apply, setError)}>
        <p className="modal-lead">Fields left empty stay as they are on each article.</p>
        <div className="bulk-fields">
          {BULK_FIELDS.map(({ key, label }) => (
            <FieldRow key={key} name={key} label={label} edit={form[key]} onEdit={(value) => edit(key, value)} />
          ))}
          <div className="bulk-field">
            <label htmlFor="bulk-tag">Add tag</label>
            <input id="bulk-tag" className="modal-input" placeholder="(none)" value={form.tag} onChange={(e) => (setForm((f) => ({ ...f, tag: e.target.value })), setError(null))} />
          </div>
        </div>
        <OutletNames id="bulk-outlet-names" />
        <p className="bulk-summary" data-testid="bulk-summary" aria-live="polite">
          {call ? `On ${count}: ${change}. The values they have now are replaced and not kept.` : 'Nothing to change yet.'}
        </p>
        <ModalFooter error={error} onCancel={onCancel} submit={`Change ${count}`} testId="bulk-apply" disabled={!call || busy} />
      </form>
    </Modal>
  )
}

/** One metadata field: a new value, or Clear (the field emptied on every article). */
function FieldRow({ name, label, edit, onEdit }: { name: string; label: string; edit: FieldEdit; onEdit: (e: FieldEdit) => void }): React.JSX.Element {
  return (
    <div className="bulk-field">
      <label htmlFor={`bulk-${name}`}>{label}</label>
      <input
        id={`bulk-${name}`}
        className="modal-input"
        list={name === 'outlet' ? 'bulk-outlet-names' : undefined}
        disabled={edit.mode === 'clear'}
        placeholder={edit.mode === 'clear' ? '(cleared)' : '(unchanged)'}
        value={edit.mode === 'set' ? edit.value : ''}
        data-autofocus={name === 'outlet' ? true : undefined}
        onChange={(e) => onEdit(e.target.value ? { mode: 'set', value: e.target.value } : { mode: 'keep' })}
      />
      <label className="bulk-clear">
        <input type="checkbox" aria-label={`Clear ${label.toLowerCase()}`} checked={edit.mode === 'clear'} onChange={(e) => onEdit(e.target.checked ? { mode: 'clear' } : { mode: 'keep' })} /> Clear
      </label>
    </div>
  )
}
