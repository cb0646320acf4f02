/** The keyboard shortcuts, shown with "?". */
import { HelpTable } from './HelpTable'

const SHORTCUTS: [string, string][] = [
  ['/  or  Ctrl+F', 'Search the library'],
  ['↓ ↑  or  j k', 'Next / previous article'],
  ['Esc', 'Clear the search, close this panel'],
  ['e', 'Edit the ticked articles (outlet, author, language, tag)'],
  ['Select text', 'Highlight it (colour buttons) or add a note'],
  ['s  /  Shift+S', 'Select the next sentence / extend the selection'],
  ['h', 'Highlight the selected words'],
  ['n', 'Add a note to the selected words'],
  ['Ctrl+Enter', 'Save the note being written'],
  ['?', 'Show or hide these shortcuts']
]

export function ShortcutHelp({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <div className="shortcut-help" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-help">
      <header>
        <strong>Keyboard shortcuts</strong>
        <button className="link" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <HelpTable rows={SHORTCUTS} keyAs={(k) => <kbd>{k}</kbd>} />
    </div>
  )
}
