/**
 * A dialog over the app: focus moves into it (its first field) and back where it was on close,
 * Tab stays inside, Esc closes, and the page behind cannot be clicked. The dialogs of the first
 * hour (folder import, bulk edit, outlet names) share it.
 */
import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  label: string
  testId: string
  onClose: () => void
  children: ReactNode
  className?: string
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]'

export function Modal({ label, testId, onClose, children, className = '' }: Props): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  close.current = onClose
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(FOCUSABLE)
    first?.focus()
    // Esc closes wherever focus is (a removed button leaves it on the page behind).
    const esc = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close.current()
    }
    window.addEventListener('keydown', esc)
    return () => {
      window.removeEventListener('keydown', esc)
      before?.focus?.()
    }
  }, [])

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key !== 'Tab' || !box.current) return
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div ref={box} className={`modal ${className}`} role="dialog" aria-modal="true" aria-label={label} data-testid={testId} data-editing onKeyDown={onKeyDown}>
        <header className="modal-head">
          <strong>{label}</strong>
          <button type="button" className="link" aria-label="Close" onClick={() => close.current()}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  )
}

/** A dialog form's last lines: its error, if any, then Cancel and the submit button. */
export function ModalFooter({ error, onCancel, submit, testId, disabled = false }: { error: string | null; onCancel: () => void; submit: string; testId: string; disabled?: boolean }): React.JSX.Element {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={disabled} data-testid={testId}>
          {submit}
        </button>
      </div>
    </>
  )
}
