/** The switch between the cards list and the table. */
import type { LibraryMode } from './mode'

export function ModeToggle({ mode, onMode }: { mode: LibraryMode; onMode: (m: LibraryMode) => void }): React.JSX.Element {
  return (
    <span className="mode-toggle" role="group" aria-label="Library view">
      {(['cards', 'table'] as const).map((m) => (
        <button key={m} className="link" aria-pressed={mode === m} data-testid={`mode-${m}`} onClick={() => onMode(m)}>
          {m === 'cards' ? 'Cards' : 'Table'}
        </button>
      ))}
    </span>
  )
}
