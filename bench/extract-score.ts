/**
 * trafilatura's snippet metric (tests/eval_common.py, as in ../shared/corpus/extraction-eval/score.mjs):
 * per page, whitespace-normalised, case-sensitive substring tests of the "with" snippets (TP/FN)
 * and the "without" snippets (FP/TN), summed over pages. A page without output scores no TP, no FP.
 */
export interface Snippets {
  with: string[]
  without: string[]
}

export interface Confusion {
  tp: number
  fp: number
  fn: number
  tn: number
}

// Python's re "\s" on str, which differs from JavaScript's \s (the control characters are the point).
// eslint-disable-next-line no-control-regex
const WS = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g

function norm(text: string): string {
  let s = text.replace(WS, ' ')
  if (s.startsWith(' ')) s = s.slice(1)
  if (s.endsWith(' ')) s = s.slice(0, -1)
  return s
}

export function scorePage(snippets: Snippets, output: string | null): Confusion {
  if (output === null) return { tp: 0, fp: 0, fn: snippets.with.length, tn: snippets.without.length }
  const res = norm(output)
  const tp = snippets.with.filter((w) => res.includes(norm(w))).length
  const fp = snippets.without.filter((w) => res.includes(norm(w))).length
  return { tp, fp, fn: snippets.with.length - tp, tn: snippets.without.length - fp }
}

export function sum(all: Confusion[]): Confusion {
  return all.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 })
}

export function prf(c: Confusion): { p: number; r: number; f: number } {
  const div = (a: number, b: number): number => (b ? a / b : 0)
  return { p: div(c.tp, c.tp + c.fp), r: div(c.tp, c.tp + c.fn), f: div(2 * c.tp, 2 * c.tp + c.fp + c.fn) }
}
