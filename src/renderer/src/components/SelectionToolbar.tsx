/** Appears over selected article text: highlight in a colour, or start a note. */
import type { Note } from '../../../shared/contract'

export interface TextSelection {
  start: number
  end: number
  /** Where to show the toolbar (viewport coordinates). */
  x: number
  y: number
}

const COLORS: Note['color'][] = ['yellow', 'green', 'blue', 'pink']

export function SelectionToolbar({ selection, onHighlight, onNote }: { selection: TextSelection; onHighlight: (c: Note['color']) => void; onNote: () => void }): React.JSX.Element {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Highlight or note" style={{ left: selection.x, top: selection.y }} data-testid="selection-toolbar" onMouseDown={(e) => e.preventDefault()}>
      {COLORS.map((c) => (
        <button key={c} className={`swatch swatch-${c}`} aria-label={`Highlight ${c}`} onClick={() => onHighlight(c)} />
      ))}
      <button onClick={onNote}>Add note</button>
    </div>
  )
}

/** The selection's offsets in the article text, from paragraphs that carry their offset in data-offset. */
export function readSelection(root: HTMLElement): TextSelection | null {
  const sel = window.getSelection()
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null
  const range = sel.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const offsetOf = (node: Node, offset: number): number | null => {
    const el = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('[data-offset]') as HTMLElement | null
    if (!el) return null
    const r = document.createRange()
    r.setStart(el, 0)
    r.setEnd(node, offset)
    return Number(el.dataset.offset) + r.toString().length
  }
  const start = offsetOf(range.startContainer, range.startOffset)
  const end = offsetOf(range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  const box = range.getBoundingClientRect()
  // Kept inside the window, above the selection when there is room.
  return { start, end, x: Math.min(window.innerWidth - 120, Math.max(120, box.left + box.width / 2)), y: Math.min(window.innerHeight - 10, Math.max(48, box.top - 8)) }
}
