/** The dialogs over the app: a folder's import options, bulk edit of the ticked articles, the outlet names. */
import type { Dispatch } from 'react'
import { relativeName } from '../files'
import { BulkEditDialog } from '../components/dialogs/BulkEditDialog'
import { FolderImportDialog } from '../components/dialogs/FolderImportDialog'
import { OutletsDialog } from '../components/dialogs/OutletsDialog'
import type { Importer } from '../hooks/useImport'
import type { Action, AppState } from './state'

interface Props {
  state: AppState
  dispatch: Dispatch<Action>
  /** A chosen or dropped folder's files waiting for the import dialog's answer. */
  folder: File[] | null
  onFolderDone: () => void
  importer: Importer
}

export function Dialogs({ state, dispatch, folder, onFolderDone, importer }: Props): React.JSX.Element | null {
  const close = (): void => dispatch({ type: 'dialog', dialog: null })
  if (folder) {
    const start = (folderOutlet: Parameters<Importer['start']>[1]): void => {
      onFolderDone()
      importer.start(folder, folderOutlet)
    }
    return <FolderImportDialog paths={folder.map(relativeName)} onImport={start} onCancel={onFolderDone} />
  }
  if (state.dialog === 'bulkEdit' && state.marked.length > 0) {
    const done = (message: string): void => {
      close()
      dispatch({ type: 'toast', toast: { message } })
    }
    return <BulkEditDialog ids={state.marked} onDone={done} onCancel={close} />
  }
  if (state.dialog === 'outlets') return <OutletsDialog onClose={close} />
  return null
}
