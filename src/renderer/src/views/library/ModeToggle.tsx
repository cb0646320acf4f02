/** The switch between the cards list and the table. */
import { CARDS_UP_TO, type LibraryMode } from './mode'

/** `total`: articles in the library; past CARDS_UP_TO the cards list is not offered (it would load them all). */
export function ModeToggle({ mode, onMode, total }: { mode: LibraryMode; onMode: (m: LibraryMode) => void; total: number }): React.JSX.Element {
  const noCards = total > CARDS_UP_TO
  return (
    <span className="mode-toggle" role="group" aria-label="Library view">
      {(['cards', 'table'] as const).map((m) => (
        <button
          key={m}
          className="link"
          aria-pressed={mode === m}
          data-testid={`mode-${m}`}
          disabled={m === 'cards' && noCards}
          title={m === 'cards' && noCards ? `Cards show libraries of up to ${CARDS_UP_TO.toLocaleString('en-US')} articles; the table pages through any size.` : undefined}
          onClick={() => onMode(m)}
        >
          {m === 'cards' ? 'Cards' : 'Table'}
        </button>
      ))}
    </span>
  )
}
