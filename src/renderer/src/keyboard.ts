/** Keyboard helpers shared by the global shortcuts and the reader's own. */

/** True when a key goes to a text field, where letters are typing, not shortcuts. */
export function isTyping(e: KeyboardEvent): boolean {
  return e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement
}
