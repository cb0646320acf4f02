/**
 * Anchoring notes to quotes, in the manner of the W3C Web Annotation selectors that Hypothesis
 * uses: a TextQuoteSelector (the exact words, with some text before and after) and a
 * TextPositionSelector (character offsets). When an article's text changes (a better extraction
 * on re-import), a note is re-attached by position if the words are still there, else by finding
 * the quote and choosing among its occurrences by context and distance; a quote that cannot be
 * found any more leaves the note orphaned, shown with its quote, never lost.
 */

export interface Anchor {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

export interface Located {
  start: number
  end: number
  /** How it was found: at its recorded position, by its quote, or not at all. */
  how: 'position' | 'quote' | 'orphan'
}

const CONTEXT = 32

export function makeAnchor(text: string, start: number, end: number): Anchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end
  }
}

/** Length of the common suffix of a and b (how well the text before a match agrees with the prefix). */
function commonSuffix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

export function locate(text: string, anchor: Anchor): Located {
  const { exact, prefix, suffix, start, end } = anchor
  if (!exact) return { start: 0, end: 0, how: 'orphan' }
  if (text.slice(start, end) === exact) return { start, end, how: 'position' }
  // Every occurrence of the quote, scored by how much of its context still matches, then by distance.
  let best: { at: number; score: number } | null = null
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const context = commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonPrefix(text.slice(at + exact.length, at + exact.length + suffix.length), suffix)
    const score = context * 1000 - Math.min(999, Math.abs(at - start) / 100)
    if (!best || score > best.score) best = { at, score }
  }
  if (best) return { start: best.at, end: best.at + exact.length, how: 'quote' }
  // Whitespace may have changed (re-extraction often reflows text): match the quote's words loosely.
  const words = exact.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  if (words.length > 0) {
    const m = new RegExp(words.join('\\s+')).exec(text)
    if (m) return { start: m.index, end: m.index + m[0].length, how: 'quote' }
  }
  return { start: 0, end: 0, how: 'orphan' }
}
