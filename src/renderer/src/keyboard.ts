/** Keyboard helpers shared by the global shortcuts and the reader's own. */

/** True when a key goes to a text field, where letters are typing, not shortcuts. */
export function isTyping(e: KeyboardEvent): boolean {
  return e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement || editorOpen()
}

/**
 * True while a note or metadata editor is open (marked data-editing): its keys are the user's
 * words even if focus has not reached the box yet, so single-key shortcuts stay off.
 */
export function editorOpen(): boolean {
  return document.querySelector('[data-editing]') !== null
}
