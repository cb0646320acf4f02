/**
 * Direct quotations in the quotation marks of the major press languages (“…”, "…", «…», „…“,
 * ‚…‘, 「…」, and ‘…’ inside them), with the speaker where the text names one: in the same
 * sentence (`…,” said Kaja Kallas`, `Kallas said: “…”`, `according to …`), or through a pronoun
 * (`she said`) the nearest person named before it.
 */
import type { Sentence } from './sentences'

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
const VERBS = 'said|says|told|tells|added|adds|stated|states|argued|wrote|writes|explained|noted|insisted|asked|warned|declared|claimed|replied|continued|recalled|acknowledged|urged'
const NAME = "((?:(?:Mr|Mrs|Ms|Dr|Sen|Gen|Gov|Rep|Prof)\\.?\\s+)?(?:[A-Z][\\p{L}'’-]+|[A-Z]\\.)(?:\\s+(?:[A-Z][\\p{L}'’-]+|[A-Z]\\.|de|van|von|al|bin)){0,4})"
const AFTER = new RegExp(`^[\\s,]*(?:${VERBS})\\s+${NAME}|^[\\s,]*${NAME}\\s+(?:${VERBS})`, 'u')
const BEFORE = new RegExp(`${NAME}\\s+(?:${VERBS})(?:\\s+\\w+){0,4}\\s*[:,]?\\s*$|according to\\s+${NAME}[\\s,]*$`, 'u')
const PRONOUN = new RegExp(`^[\\s,]*(?:(?:he|she|they)\\s+(?:${VERBS})|(?:${VERBS})\\s+(?:he|she|they))\\b|\\b(?:he|she|they)\\s+(?:${VERBS})\\b`, 'iu')
const PERSON_BEFORE = new RegExp(`${NAME}[^.]{0,80}?\\b(?:${VERBS})\\b`, 'gu')
/** A name right before its verb: "… press secretary Kevin Munoz said" is Munoz, not the White House. */
const PERSON_AT_VERB = new RegExp(`${NAME},?\\s+(?:${VERBS})\\b`, 'gu')
const NOT_NAMES = new Set(['The', 'A', 'An', 'But', 'And', 'In', 'On', 'At', 'It', 'This', 'That', 'He', 'She', 'They', 'We', 'I'])

export function findQuotes(sentences: Sentence[]): Quote[] {
  const out: Quote[] = []
  let lastPerson: string | null = null
  for (const s of sentences) {
    // A doubled straight quote (a common copy-paste artefact) is one quotation mark.
    const t = s.text.replace(/""/g, '"')
    for (const [open, close] of PAIRS) {
      let from = 0
      for (;;) {
        const i = t.indexOf(open, from)
        if (i < 0) break
        const j = t.indexOf(close, i + 1)
        if (j < 0) break
        from = j + 1
        const text = t.slice(i + 1, j).trim().replace(/[,.]$/, '')
        if (text.split(/\s+/).length < MIN_WORDS) continue
        if (out.some((q) => q.sentence === s.index && q.text.includes(text))) continue
        const speaker = named(t.slice(j + 1).match(AFTER)) ?? named(t.slice(0, i).match(BEFORE)) ?? (PRONOUN.test(t.slice(j + 1)) || PRONOUN.test(t.slice(0, i)) ? lastPerson : null)
        out.push({ text, sentence: s.index, speaker })
      }
    }
    // Remember who was last named as speaking, for a later "she said".
    const atVerb = [...t.matchAll(PERSON_AT_VERB)]
    for (const m of atVerb.length ? atVerb : t.matchAll(PERSON_BEFORE)) {
      const n = cleanName(m[1])
      if (n) lastPerson = n
    }
    const q = out.filter((x) => x.sentence === s.index && x.speaker).at(-1)
    if (q) lastPerson = q.speaker
  }
  return out
}

function named(m: RegExpMatchArray | null): string | null {
  if (!m) return null
  return cleanName(m.slice(1).find((g) => g !== undefined))
}

function cleanName(n: string | undefined): string | null {
  if (!n) return null
  const words = n.trim().replace(/^(?:Mr|Mrs|Ms|Dr|Sen|Gen|Gov|Rep|Prof)\.?\s+/, '').split(/\s+/)
  while (words.length && NOT_NAMES.has(words[0]!)) words.shift()
  return words.length ? words.join(' ') : null
}
