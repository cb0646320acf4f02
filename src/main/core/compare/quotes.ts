/**
 * Direct quotations in the quotation marks of the major press languages (“…”, "…", «…», „…“,
 * ‚…‘, 「…」, and ‘…’ inside them), with their speakers (speakers.ts). A quote's text carries no
 * quotation marks of its own, so it is shown in one pair of marks, never doubled.
 */
import type { Sentence } from './sentences'
import { focusOnOpener, newFocus, noteSpeaker, SPEECH_VERB, speakerAfter, speakerBefore, updateFocus, type Focus } from './speakers'

export interface Quote {
  text: string
  /** The sentence it is in. */
  sentence: number
  speaker: string | null
}

const PAIRS: [string, string][] = [
  ['“', '”'],
  ['„', '“'],
  ['„', '”'],
  ['«', '»'],
  ['»', '«'],
  ['「', '」'],
  ['"', '"'],
  ['‚', '‘']
]
const MIN_WORDS = 3
/** Quotation marks and the spaces, commas and dots around them at the ends of a quote. */
const EDGE_MARKS = /^[\s"“”„‟«»‚‘’「」'.,;:]+|[\s"“”„‟«»‚‘’「」'.,;:]+$/g

interface Span {
  open: number
  close: number
  text: string
  /** Long enough to be a quote (shorter ones, "fake", are still blanked out for attribution). */
  quote: boolean
}

/** Quotations in one sentence, in order, an inner one (‘…’ inside “…”) only once. */
function spans(t: string): Span[] {
  const out: Span[] = []
  for (const [open, close] of PAIRS) {
    let from = 0
    for (;;) {
      const i = t.indexOf(open, from)
      if (i < 0) break
      const j = t.indexOf(close, i + 1)
      if (j < 0) break
      from = j + 1
      const text = t.slice(i + 1, j).replace(EDGE_MARKS, '')
      if (out.some((q) => q.open <= i && q.close >= j)) continue
      out.push({ open: i, close: j, text, quote: text.split(/\s+/).length >= MIN_WORDS })
    }
  }
  return out.sort((a, b) => a.open - b.open)
}

/**
 * The sentence with every quotation blanked, so that words inside quotes are never taken as
 * attribution; a closing mark with no opening one (a quote running over several sentences) blanks
 * all before it.
 */
function mask(t: string, ss: Span[]): string {
  const close = /[”»」]/.exec(t)
  const open = /[“«「„]/.exec(t)
  let m = close && (!open || close.index < open.index) ? ' '.repeat(close.index + 1) + t.slice(close.index + 1) : t
  // An opening mark never closed in the sentence: the quote runs on, and its words are no attribution.
  const lastOpen = Math.max(m.lastIndexOf('“'), m.lastIndexOf('«'))
  if (lastOpen >= 0 && !/[”»]/.test(m.slice(lastOpen)) && !ss.some((s) => s.open === lastOpen)) m = m.slice(0, lastOpen + 1) + ' '.repeat(m.length - lastOpen - 1)
  for (const s of ss) m = m.slice(0, s.open) + '“' + ' '.repeat(s.close - s.open - 1) + m.slice(s.close)
  return m
}

/** Every word capitalised but short function words: the title of a book, a film, a campaign. */
function isTitle(text: string): boolean {
  const words = text.split(/\s+/)
  return words.length <= 8 && !/[.!?]$/.test(text) && words.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w) || /^(?:a|an|the|of|to|for|and|or|in|on|at|by|with)$/.test(w)) && /^[^\p{L}]*\p{Lu}/u.test(words.at(-1)!)
}

export function findQuotes(sentences: Sentence[]): Quote[] {
  const out: Quote[] = []
  const focus: Focus = newFocus(sentences.map((s) => s.text).join(" "))
  for (const s of sentences) {
    // A doubled straight quote (a common copy-paste artefact) is one quotation mark.
    const t = s.text.replace(/""/g, '"')
    const all = spans(t)
    const masked = mask(t, all)
    const found = all.filter((q) => q.quote)
    const previous = focus.speaker
    let spoke = false
    if (found.length) focusOnOpener(focus, masked.slice(0, found[0]!.open).split(/[,;:]/)[0]!)
    for (const q of found) {
      const after = masked.slice(q.close + 1)
      // A title in quotes (“From Hope to Higher Ground”, “Chick-fil-A Appreciation Day”) is nobody's words.
      if (isTitle(q.text)) {
        out.push({ text: q.text, sentence: s.index, speaker: null })
        continue
      }
      let speaker = speakerAfter(after, focus)
      if (speaker === undefined) speaker = speakerBefore(masked.slice(0, q.open), focus)
      // A sentence that is only quotation continues the speaker before it.
      if (speaker === undefined) speaker = masked.slice(0, q.open).trim() === '' ? previous : null
      out.push({ text: q.text, sentence: s.index, speaker })
      noteSpeaker(focus, speaker)
      spoke ||= speaker !== null
    }
    // The speaker of a quote stays in focus; otherwise the sentence's subject comes into it.
    updateFocus(focus, masked, !spoke)
    // Reported speech after the last quote (`Hoyer said negotiation can progress`) makes its subject the last speaker.
    const tail = masked.slice(all.at(-1)?.close ?? 0)
    if (SPEECH_VERB.test(tail) && (!found.length || !speakerAfter(tail, focus))) {
      const who = speakerBefore(masked, focus)
      if (who !== undefined) noteSpeaker(focus, who)
    }
  }
  return out
}
