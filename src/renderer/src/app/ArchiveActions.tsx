/** Export the whole library as an archive, import one, open the settings. */
import { useRef, type Dispatch } from 'react'
import { api } from '../api/client'
import { downloadFile } from '../download'
import type { Action } from './state'

export function ArchiveActions({ dispatch }: { dispatch: Dispatch<Action> }): React.JSX.Element {
  const archiveInput = useRef<HTMLInputElement>(null)
  const importArchive = async (file: File): Promise<void> => {
    try {
      const r = await api['archive.import']({ content: await file.text() })
      dispatch({ type: 'toast', toast: { message: `Archive imported: ${r.articles} articles, ${r.notes} notes, ${r.duplicates} already here` } })
    } catch (err) {
      dispatch({ type: 'toast', toast: { message: (err as Error).message } })
    }
  }
  return (
    <div className="archive-actions">
      <button className="link" onClick={async () => downloadFile(await api['archive.export']({}))}>
        Export library
      </button>
      <button className="link" onClick={() => archiveInput.current?.click()}>
        Import archive
      </button>
      <button className="link" data-testid="open-settings" onClick={() => dispatch({ type: 'settings', open: 'toggle' })}>
        Settings
      </button>
      <input
        ref={archiveInput}
        type="file"
        hidden
        accept=".json,application/json"
        data-testid="archive-input"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void importArchive(file)
        }}
      />
    </div>
  )
}
