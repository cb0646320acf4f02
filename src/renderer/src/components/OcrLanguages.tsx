/** Settings: the languages scans are read in by OCR (those whose traineddata is installed). */
import { api } from '../api/client'
import { useApiQuery } from '../hooks/useApiQuery'
import type { PreferencesState } from '../theme'
import { LoadError } from './LoadError'

export function OcrLanguages({ preferences, onError }: { preferences: PreferencesState; onError: (message: string | null) => void }): React.JSX.Element {
  const { data, error } = useApiQuery(() => api['ocr.languages']({}), [])
  const chosen = preferences.prefs?.ocrLanguages ?? []
  const toggle = (code: string, on: boolean): void => {
    const next = on ? [...chosen, code] : chosen.filter((c) => c !== code)
    preferences.update({ ocrLanguages: next }).then(
      () => onError(null),
      (err: Error) => onError(err.message)
    )
  }
  return (
    <fieldset data-testid="ocr-languages">
      <legend>Scans (OCR)</legend>
      {data?.installed.map((l) => (
        <label key={l.code}>
          <input
            type="checkbox"
            value={l.code}
            checked={chosen.includes(l.code)}
            // At least one language stays chosen.
            disabled={chosen.length === 1 && chosen.includes(l.code)}
            onChange={(e) => toggle(l.code, e.target.checked)}
          />{' '}
          {l.name}
        </label>
      ))}
      <p className="hint">Images and scanned PDF pages are read in these languages. Each one added makes reading slower.</p>
      <LoadError what="Could not read the installed OCR languages" error={error} className="error" />
    </fieldset>
  )
}
