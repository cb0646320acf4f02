/** Settings: the theme and OCR languages (kept in the library), where the library lives, and the versions. */
import { useState } from 'react'
import type { Preferences } from '../../../shared/contract'
import { api } from '../api/client'
import { useApiQuery } from '../hooks/useApiQuery'
import type { PreferencesState } from '../theme'
import { LoadError } from './LoadError'
import { OcrLanguages } from './OcrLanguages'

const THEMES: [Preferences['theme'], string][] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark']
]

export function SettingsDialog({ preferences, onClose, onOutlets }: { preferences: PreferencesState; onClose: () => void; onOutlets: () => void }): React.JSX.Element {
  const { prefs, update: onUpdate } = preferences
  const { data: info, error: infoError } = useApiQuery(() => api['library.info']({}), [])
  const [error, setError] = useState<string | null>(null)
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
        <LoadError what="Could not read the preferences" error={preferences.error} className="error" />
      </fieldset>
      <OcrLanguages preferences={preferences} onError={setError} />
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
        <LoadError what="Could not read the library's details" error={infoError} className="error" />
        {info && (
          <p className="hint">
            {info.articleCount} articles · Parallax {info.appVersion} · library format {info.schemaVersion}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>Outlet names</legend>
        <p className="hint">Merge outlets stored under two names, and say which other names (NYT, nytimes.com) stand for which outlet.</p>
        <button data-testid="open-outlets" onClick={onOutlets}>
          Merge outlets and edit aliases…
        </button>
      </fieldset>
      {error && <p className="error">{error}</p>}
    </div>
  )
}
