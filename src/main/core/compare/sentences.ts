/**
 * Sentence segmentation for news prose: abbreviations (U.S., Gen., Jan.) and initials do not end
 * a sentence, a quotation that runs over several sentences stays one unit with its attribution,
 * a dateline (`HARTFORD, Conn. —`) is set apart from the first sentence, and every paragraph (a
 * bullet, a one-line standfirst) ends a sentence.
 */

export interface Sentence {
  /** Position in the article, from 0. */
  index: number
  paragraph: number
  text: string
  /** Offsets in the article text. */
  start: number
  end: number
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gen sen sens rep reps cong atty gov lt col sgt capt cmdr adm maj st jr sr prof rev hon pres supt insp det ' +
    'inc corp ltd co bros dept univ assn est approx vs etc no nos vol fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'
  ).split(' ')
)

const OPENING = '“‘«„‚「『"'
const CLOSING = '”’»“‘」』"'
const DATELINE = /^([A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,20}(?:\s[A-Z][A-Za-z.]{1,20})?)?)\s*(?:\([A-Za-z .]+\)\s*)?(?:—|–|--|-)\s+/

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let offset = 0
  text.split('\n\n').forEach((para, p) => {
    let start = 0
    const m = p === 0 || p === 1 ? DATELINE.exec(para) : null
    if (m) start = m[0].length // the dateline is not part of the first sentence
    for (const [s, e] of boundaries(para, start)) {
      const raw = para.slice(s, e)
      const trimmed = raw.trim()
      if (!trimmed) continue
      const lead = raw.length - raw.trimStart().length
      out.push({ index: out.length, paragraph: p, text: trimmed, start: offset + s + lead, end: offset + s + lead + trimmed.length })
    }
    offset += para.length + 2
  })
  return out
}

/** [start, end) of each sentence in a paragraph. */
function boundaries(para: string, from: number): [number, number][] {
  const out: [number, number][] = []
  let start = from
  let inQuote = false
  let quoteStart = 0
  for (let i = from; i < para.length; i++) {
    const c = para[i]!
    if (c === '"') {
      inQuote = !inQuote
      quoteStart = i
    } else if (OPENING.includes(c) && !CLOSING.includes(c)) {
      inQuote = true
      quoteStart = i
    } else if (CLOSING.includes(c) && c !== '‘' && c !== '“') {
      inQuote = false
    } else if (c === '“' || c === '‘') {
      // “ opens in English and closes in German („…“); treat it as opening unless a „ is open.
      inQuote = !(inQuote && para.lastIndexOf('„', i) > para.lastIndexOf('“', i - 1))
      if (inQuote) quoteStart = i
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue
    // Take closing quotes and brackets after the mark along with the sentence.
    let j = i + 1
    while (j < para.length && (CLOSING.includes(para[j]!) || para[j] === ')' || para[j] === ']')) j++
    if (j < para.length && !/\s/.test(para[j]!)) continue
    let k = j
    while (k < para.length && /\s/.test(para[k]!)) k++
    if (k >= para.length) break
    const next = para[k]!
    if (!/[\p{Lu}\p{N}“‘«„"'([]/u.test(next)) continue
    if (c === '.' && isAbbreviation(para, i)) continue
    // A long quotation may hold several sentences; do not cut inside one unless it runs away.
    const closedHere = j > i + 1 && CLOSING.includes(para[j - 1]!)
    if (inQuote && !closedHere && i - quoteStart < 600) continue
    if (closedHere) inQuote = false
    out.push([start, j])
    start = k
    i = k - 1
  }
  out.push([start, para.length])
  return out
}

function isAbbreviation(para: string, dot: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(para.slice(Math.max(0, dot - 20), dot))?.[1] ?? ''
  if (!before) return false
  if (/^\p{Lu}$/u.test(before)) return true // an initial: J. Smith
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) return true // U.S, a.m
  return ABBREVIATIONS.has(before.toLowerCase())
}
