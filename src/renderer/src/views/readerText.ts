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

const WORD = /[\p{L}\p{N}'’_-]/u

/**
 * A selection widened to whole words and trimmed of surrounding spaces: "United Sta" becomes
 * "United States", a drag that starts mid-word keeps the whole word. Null when only spaces are left.
 */
export function snapToWords(text: string, start: number, end: number): [number, number] | null {
  let s = Math.max(0, start)
  let e = Math.min(text.length, end)
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  if (s >= e) return null
  while (s > 0 && WORD.test(text[s - 1]!) && WORD.test(text[s]!)) s--
  while (e < text.length && WORD.test(text[e]!) && WORD.test(text[e - 1]!)) e++
  return [s, e]
}
