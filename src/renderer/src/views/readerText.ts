/** How the reader lays out an article's text: paragraphs with their offsets, marks, text size, links. */
import type { Note } from '../../../shared/contract'
import type { Mark } from '../components/MarkedText'

/** Note highlights (where their quotes are now) and search matches, as marks. */
export function marksFor(notes: Note[], ranges: [number, number][]): Mark[] {
  return [
    ...notes.filter((n) => n.located.how !== 'orphan').map((n) => ({ start: n.located.start, end: n.located.end, className: `hl hl-${n.color}`, noteId: n.id })),
    ...ranges.map(([start, end]) => ({ start, end, className: 'hit' }))
  ]
}

/** Paragraphs with their offsets in the whole text, so search ranges can be placed in them. */
export function paragraphsWithOffsets(text: string): [string, number][] {
  const out: [string, number][] = []
  let offset = 0
  for (const p of text.split('\n\n')) {
    out.push([p, offset])
    offset += p.length + 2
  }
  return out
}

/** Reader text size, one step at a time between 14 and 26 px, remembered across sessions. */
export function setTextSize(step: number): void {
  const now = Number(localStorage.getItem('parallax.readerSize') ?? 18)
  const next = Math.max(14, Math.min(26, now + step * 2))
  localStorage.setItem('parallax.readerSize', String(next))
  document.documentElement.style.setProperty('--reader-size', `${next}px`)
}

/** The host of an http(s) address, or null for anything else (javascript:, file:, malformed). */
export function safeHost(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : null
  } catch {
    return null
  }
}
