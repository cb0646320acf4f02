/** Settings: the theme (kept in the library), where the library lives, and the versions. */
import { useEffect, useState } from 'react'
import type { LibraryInfo, Preferences } from '../../../shared/contract'
import { api } from '../api/client'

const THEMES: [Preferences['theme'], string][] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark']
]

export function SettingsDialog({ prefs, onUpdate, onClose }: { prefs: Preferences | null; onUpdate: (p: Partial<Preferences>) => Promise<void>; onClose: () => void }): React.JSX.Element {
  const [info, setInfo] = useState<LibraryInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void api['library.info']({}).then(setInfo)
  }, [])
  return (
    <div className="settings-dialog" role="dialog" aria-label="Settings" data-testid="settings">
      <header>
        <strong>Settings</strong>
        <button className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={prefs?.theme === value}
              onChange={() => onUpdate({ theme: value }).then(() => setError(null), (err: Error) => setError(err.message))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Library</legend>
        <code className="library-path" data-testid="library-path">
          {info?.path ?? '…'}
        </code>
        <p className="hint">
          {api.transport === 'ipc' ? (
            'To use another folder: File › Library Folder… (Parallax restarts on it).'
          ) : (
            <>
              Browser mode serves the library given to <code>parallax serve --library &lt;folder&gt;</code>.
            </>
          )}
        </p>
        {info && (
          <p className="hint">
            {info.articleCount} articles · Parallax {info.appVersion} · library format {info.schemaVersion}
          </p>
        )}
      </fieldset>
      {error && <p className="error">{error}</p>}
    </div>
  )
}
