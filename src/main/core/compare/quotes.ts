/**
 * Direct quotations in the quotation marks of the major press languages (“…”, "…", «…», „…“,
 * ‚…‘, 「…」, and ‘…’ inside them), with their speakers (speakers.ts). A quote's text carries no
 * quotation marks of its own, so it is shown in one pair of marks, never doubled.
 */
import type { Sentence } from './sentences'
import { newFocus, noteSpeaker, SPEECH_VERB, speakerAfter, speakerBefore, updateFocus, type Focus } from './speakers'

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
      if (text.split(/\s+/).length < MIN_WORDS) continue
      if (out.some((q) => q.open <= i && q.close >= j)) continue
      out.push({ open: i, close: j, text })
    }
  }
  return out.sort((a, b) => a.open - b.open)
}

/** The sentence with every quotation blanked, so that words inside quotes are never taken as attribution. */
function mask(t: string, ss: Span[]): string {
  let m = t
  for (const s of ss) m = m.slice(0, s.open) + '“' + ' '.repeat(s.close - s.open - 1) + m.slice(s.close)
  return m
}

export function findQuotes(sentences: Sentence[]): Quote[] {
  const out: Quote[] = []
  const focus: Focus = newFocus(sentences.map((s) => s.text).join(" "))
  for (const s of sentences) {
    // A doubled straight quote (a common copy-paste artefact) is one quotation mark.
    const t = s.text.replace(/""/g, '"')
    const found = spans(t)
    const masked = mask(t, found)
    const previous = focus.speaker
    let spoke = false
    for (const q of found) {
      const after = masked.slice(q.close + 1)
      let speaker = speakerAfter(after, focus)
      if (speaker === undefined) speaker = speakerBefore(masked.slice(0, q.open), focus)
      // A sentence that is only quotation continues the speaker before it.
      if (speaker === undefined) speaker = masked.slice(0, q.open).trim() === '' ? previous : null
      out.push({ text: q.text, sentence: s.index, speaker })
      noteSpeaker(focus, speaker)
      spoke = true
    }
    updateFocus(focus, masked)
    if (!spoke) {
      // A sentence of reported speech (`Hoyer said negotiation can progress`) makes its subject the last speaker.
      SPEECH_VERB.lastIndex = 0
      if (SPEECH_VERB.test(masked)) {
        const who = speakerBefore(masked, focus)
        if (who !== undefined) noteSpeaker(focus, who)
      }
    }
  }
  return out
}
