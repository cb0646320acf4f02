/** The message at the bottom of the window, with Undo when it carries what restores a deletion. */
import { api } from '../api/client'
import type { ToastMessage } from './state'

export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }): React.JSX.Element | null {
  if (!toast) return null
  const { message, undoArchive } = toast
  return (
    <div className="toast" role="status" data-testid="toast">
      <span>{message}</span>
      {undoArchive && (
        <button
          className="link"
          onClick={async () => {
            await api['archive.import']({ content: undoArchive })
            onDismiss()
          }}
        >
          Undo
        </button>
      )}
      <button className="link" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
