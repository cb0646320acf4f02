/**
 * Names, numbers and dates mentioned in a text. People, organisations and places come from
 * compromise (a maintained English NLP library), completed with capitalised word runs it does not
 * know (Kaja Kallas); numbers and dates from patterns that keep their unit (`76-year`, `$48 million`,
 * `9/11`, `March 1`).
 */
import type nlpType from 'compromise'
import { lazyRequire } from '../platform/lazy-require'
import { fold } from './fold'
import { completeName } from './names'

/** compromise takes about half a second to load: only a comparison pays it. */
const nlp = lazyRequire<typeof nlpType>('compromise')

/**
 * The extraction's version, stored with each article's entities: raise it whenever a change
 * here changes what is found or how it is keyed, and stored entities are recomputed.
 * 2: numbers skip the digits of names (Covid-19), dates keyed by their parts.
 * 3: names of people and organisations completed to their whole span without titles (Chuck Schumer, not Senate Democratic
 *    Leader Chuck), keys with variant letters folded (ё/е, ß/ss, apostrophes).
 */
export const ENTITY_VERSION = 3

export type EntityKind = 'person' | 'organization' | 'place' | 'name' | 'number' | 'date'

export interface Entity {
  kind: EntityKind
  text: string
  /** The form compared across articles. */
  key: string
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const DATE = new RegExp(`\\b(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:19|20)\\d{2})\\b`, 'g')
// Not the digits of a name: Covid-19, F-16, G7, A320.
const NUMBER = /(?<![A-Za-z][-–]?)(?:[$€£¥]\s?)?\b\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per cent|million|billion|trillion|bn|m|k))?(?:-(?:year|day|week|month|hour|minute|point|member|page|seat|mile|foot|metre|meter)s?(?:-old)?)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)(?:[-\s](?:year|day|week|month)s?(?:-old)?)\b/gi
const CAPITALISED = /\b(?:[A-Z][\p{Ll}'’-]+\s+){1,3}[A-Z][\p{Ll}'’-]+\b/gu
const LEADING_NOISE = /^(?:The|A|An|But|And|In|On|At|It|This|That|He|She|They|We|When|While|After|Before|Some|Mr|Mrs|Ms|Dr)\s+/

/** Dates compare by their parts: "Nov. 8" = "Nov 8" = "November 8th", "1 March 2025" = "1 Mar 2025". */
function dateForm(t: string): string {
  return t
    .toLowerCase()
    .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/g, '$1')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/,/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Words that begin sentences without naming anyone: a sentence with only these capitalised names nobody. */
const STARTERS = new Set(
  'The A An And But Or So If In On At As By For From Of To With It Its This That These Those There Their They He She His Her We Our You I When While After Before Some Many Most Other Others One Two Three Mr Mrs Ms Dr Yet Also However Meanwhile Still Now Then Last Next Earlier Later Such Both Each Every All No Not Only Even Despite Although Because Since Under Over Among About What Who Why How Where Which'.split(' ')
)

/**
 * Whether a sentence can hold a person, organisation or place for the NLP pass: a capitalised
 * word after its first, or a first word that is not a common sentence starter ("Blair said").
 * Tagging is most of an article's entity cost; sentences that cannot name anyone are skipped.
 */
export function mayName(sentence: string): boolean {
  const words = sentence.trim().split(/\s+/)
  if (words.slice(1).some((w) => /^["“‘'(]*\p{Lu}/u.test(w))) return true
  const first = words[0]?.replace(/^["“‘'(]+/, '').replace(/[^\p{L}]+$/u, '') ?? ''
  return /^\p{Lu}/u.test(first) && !STARTERS.has(first)
}

/** `text` is searched for numbers, dates and names; `nlpText` (default: all of it) is tagged by compromise. */
export function extractEntities(text: string, nlpText: string = text): Entity[] {
  const out: Entity[] = []
  const seen = new Set<string>()
  const add = (kind: EntityKind, raw: string): void => {
    let t = raw.trim().replace(/[.,;:]+$/, '').replace(/['’]s$/, '')
    // People and unknown names: the whole name as the text writes it, without titles.
    if (kind === 'person' || kind === 'name' || kind === 'organization') t = completeName(text, t) ?? ''
    if (!t) return
    // Numbers compare by value and unit: "three years" = "three-year", "76-year-old" = "76 year".
    const form =
      kind === 'number'
        ? t.toLowerCase().replace(/-old$/, '').replace(/[-\s]+/g, ' ').replace(/(year|day|week|month|hour|minute|point|member|page|seat|mile|foot|metre|meter)s\b/, '$1')
        : kind === 'date'
          ? dateForm(t)
          : fold(t).toLowerCase()
    const key = `${kind === 'number' || kind === 'date' ? kind : 'name'}:${form}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ kind, text: t, key })
  }
  const doc = nlp()(nlpText)
  for (const p of doc.people().out('array') as string[]) add('person', p)
  for (const o of doc.organizations().out('array') as string[]) add('organization', o)
  for (const p of doc.places().out('array') as string[]) add('place', p)
  for (const m of text.matchAll(CAPITALISED)) {
    const name = m[0].replace(LEADING_NOISE, '')
    if (/\s/.test(name) && !out.some((e) => e.kind !== 'number' && e.kind !== 'date' && (e.text.includes(name) || name.includes(e.text)))) add('name', name)
  }
  const dates = [...text.matchAll(DATE)].map((m) => m[0])
  dates.forEach((d) => add('date', d))
  for (const m of text.matchAll(NUMBER)) {
    if (dates.some((d) => d.includes(m[0]))) continue
    add('number', m[0])
  }
  return out
}
