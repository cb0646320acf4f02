/**
 * Asked before a chosen or dropped folder is imported: where the outlet of an article that names
 * none comes from (left to the files, one name for the whole folder, or the sub-folders' names).
 * A folder's name is never taken for an outlet unless the user says so here.
 */
import { useMemo, useState } from 'react'
import type { FolderOutlet } from '../../../../shared/contract'
import { formatCount, plural } from '../../format'
import { Modal, ModalFooter } from '../Modal'
import { OutletNames } from './OutletNames'
import { folderOutletFor, summarizeFolder, type OutletChoice } from './folderChoice'

interface Props {
  /** The files' paths inside the folder ("clippings/Quay Times/a.txt"). */
  paths: string[]
  onImport: (folderOutlet: FolderOutlet | undefined) => void
  onCancel: () => void
}

/** At most this many sub-folder outlets are named in the dialog; the rest are counted. */
const SHOWN_OUTLETS = 4

export function FolderImportDialog({ paths, onImport, onCancel }: Props): React.JSX.Element {
  const folder = useMemo(() => summarizeFolder(paths), [paths])
  const [kind, setKind] = useState<OutletChoice['kind']>('files')
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (e: React.FormEvent): void => {
    e.preventDefault()
    const chosen = folderOutletFor(kind === 'name' ? { kind, name } : { kind })
    if (chosen.ok) onImport(chosen.value)
    else setError(chosen.error)
  }
  const shown = folder.subfolderOutlets.slice(0, SHOWN_OUTLETS).map((o) => o.name)
  const more = folder.subfolderOutlets.length - shown.length
  const radio = (value: OutletChoice['kind']): React.InputHTMLAttributes<HTMLInputElement> => ({ type: 'radio', name: 'folder-outlet', value, checked: kind === value, onChange: () => (setKind(value), setError(null)) })

  return (
    <Modal label="Import a folder" testId="folder-import-dialog" onClose={onCancel} className="folder-import">
      <form onSubmit={submit}>
        <p className="modal-lead">
          <strong>{folder.name || 'Dropped files'}</strong>: {plural(folder.files, 'file')}, read recursively. Metadata files beside articles are read into them; README, LICENSE and SOURCE files are left out.
        </p>
        <fieldset className="modal-choices">
          <legend>Outlet of articles that do not name their own</legend>
          <label>
            <input {...radio('files')} data-autofocus /> Leave it to the files <span className="hint">(none when a file does not say)</span>
          </label>
          <label>
            <input {...radio('name')} /> One outlet for the whole folder
          </label>
          <input
            className="modal-input indent"
            aria-label="Outlet for the whole folder"
            list="folder-outlet-names"
            placeholder="e.g. The Quay Times"
            value={name}
            onFocus={() => setKind('name')}
            onChange={(e) => (setName(e.target.value), setKind('name'), setError(null))}
          />
          <OutletNames id="folder-outlet-names" />
          <label>
            <input {...radio('subfolders')} disabled={folder.subfolderOutlets.length === 0} /> From sub-folder names
          </label>
          <p className="hint indent" data-testid="subfolder-outlets">
            {folder.subfolderOutlets.length === 0 ? 'The files are not in sub-folders.' : `${shown.join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}`}
          </p>
        </fieldset>
        <ModalFooter error={error} onCancel={onCancel} submit={`Import ${plural(folder.files, 'file')}`} testId="folder-import-start" />
      </form>
    </Modal>
  )
}
