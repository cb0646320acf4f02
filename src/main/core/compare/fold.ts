/**
 * Letters that are variants of each other in a language, folded to one form before texts are
 * compared, so that they never count as a difference: Russian ё/е (ё is optional in print),
 * German ß/ss (Swiss and post-reform spellings), curly and straight apostrophes and quotation
 * marks, and Unicode compatibility forms (NFKC: ligatures, full-width letters).
 */
import { diffArrays } from 'diff'

const FOLDS: [RegExp, string][] = [
  [/ё/g, 'е'],
  [/Ё/g, 'Е'],
  [/ß/g, 'ss'],
  [/ẞ/g, 'SS'],
  [/[’‘‛ʼ`´]/g, "'"],
  [/[“”„‟«»]/g, '"']
]

export function fold(text: string): string {
  // Plain ASCII (but the backtick) has nothing to fold: most words of English news.
  if (/^[\x20-\x5f\x61-\x7e]*$/.test(text)) return text
  let t = text.normalize('NFKC')
  for (const [from, to] of FOLDS) t = t.replace(from, to)
  return t
}

export type DiffPart = { op: '=' | '+' | '-'; text: string }

/** Words, runs of spaces and single punctuation marks: the units a word diff shows. */
const TOKEN = /\s+|[\p{L}\p{N}'’ʼ]+|[^\s\p{L}\p{N}]/gu

/**
 * Word-level diff from a to b ('-' only in a, '+' only in b), words compared after folding: a
 * `ё` against an `е` is the same word. Unchanged runs are shown as a wrote them.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const ta = a.match(TOKEN) ?? []
  const tb = b.match(TOKEN) ?? []
  const parts: DiffPart[] = []
  const push = (op: DiffPart['op'], text: string): void => {
    const last = parts.at(-1)
    if (last && last.op === op) last.text += text
    else if (text) parts.push({ op, text })
  }
  let ia = 0
  let ib = 0
  // Tokens are folded once; any run of spaces equals any other.
  const key = (t: string): string => (/^\s/.test(t) ? ' ' : fold(t).toLowerCase())
  for (const c of diffArrays(ta.map(key), tb.map(key))) {
    const n = c.count ?? c.value.length
    if (c.added) push('+', tb.slice(ib, (ib += n)).join(''))
    else if (c.removed) push('-', ta.slice(ia, (ia += n)).join(''))
    else {
      push('=', ta.slice(ia, (ia += n)).join(''))
      ib += n
    }
  }
  return parts
}
