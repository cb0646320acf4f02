/** Appears over selected article text: highlight in a colour, or start a note. */
import type { Note } from '../../../shared/contract'
import { snapToWords } from '../views/readerText'

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

/** Where a DOM point falls in the article text, through the paragraph (data-offset) that holds it. */
function offsetIn(p: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange()
  r.setStart(p, 0)
  r.setEnd(node, offset)
  return Number(p.dataset.offset) + r.toString().length
}

/**
 * The selection's offsets in the article text, snapped to whole words. A selection that runs past
 * the text (a triple-click on the last paragraph ends beyond it) is cut at the last paragraph's end.
 */
export function readSelection(root: HTMLElement, text: string): TextSelection | null {
  const sel = window.getSelection()
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null
  const range = sel.getRangeAt(0)
  const paragraphs = [...root.querySelectorAll<HTMLElement>('[data-offset]')].filter((p) => range.intersectsNode(p))
  const first = paragraphs[0]
  const last = paragraphs[paragraphs.length - 1]
  if (!first || !last) return null
  const start = first.contains(range.startContainer) ? offsetIn(first, range.startContainer, range.startOffset) : Number(first.dataset.offset)
  const end = last.contains(range.endContainer) ? offsetIn(last, range.endContainer, range.endOffset) : Number(last.dataset.offset) + (last.textContent ?? '').length
  const snapped = snapToWords(text, start, end)
  if (!snapped) return null
  const box = range.getBoundingClientRect()
  // Kept inside the window, above the selection when there is room.
  return { start: snapped[0], end: snapped[1], x: Math.min(window.innerWidth - 120, Math.max(120, box.left + box.width / 2)), y: Math.min(window.innerHeight - 10, Math.max(48, box.top - 8)) }
}
