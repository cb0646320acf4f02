/**
 * Names, numbers and dates mentioned in a text. People, organisations and places come from
 * compromise (a maintained English NLP library), completed with capitalised word runs it does not
 * know (Kaja Kallas); numbers and dates from patterns that keep their unit (`76-year`, `$48 million`,
 * `9/11`, `March 1`).
 */
import nlp from 'compromise'

export type EntityKind = 'person' | 'organization' | 'place' | 'name' | 'number' | 'date'

export interface Entity {
  kind: EntityKind
  text: string
  /** The form compared across articles. */
  key: string
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const DATE = new RegExp(`\\b(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:19|20)\\d{2})\\b`, 'g')
const NUMBER = /(?:[$€£¥]\s?)?\b\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per cent|million|billion|trillion|bn|m|k))?(?:-(?:year|day|week|month|hour|minute|point|member|page|seat|mile|foot|metre|meter)s?(?:-old)?)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)(?:[-\s](?:year|day|week|month)s?(?:-old)?)\b/gi
const CAPITALISED = /\b(?:[A-Z][\p{Ll}'’-]+\s+){1,3}[A-Z][\p{Ll}'’-]+\b/gu
const LEADING_NOISE = /^(?:The|A|An|But|And|In|On|At|It|This|That|He|She|They|We|When|While|After|Before|Some|Mr|Mrs|Ms|Dr)\s+/

export function extractEntities(text: string): Entity[] {
  const out: Entity[] = []
  const seen = new Set<string>()
  const add = (kind: EntityKind, raw: string): void => {
    const t = raw.trim().replace(/[.,;:]+$/, '').replace(/['’]s$/, '')
    if (!t) return
    // Numbers compare by value and unit: "three years" = "three-year", "76-year-old" = "76 year".
    const form = kind === 'number' ? t.toLowerCase().replace(/-old$/, '').replace(/[-\s]+/g, ' ').replace(/(year|day|week|month|hour|minute|point|member|page|seat|mile|foot|metre|meter)s\b/, '$1') : t.toLowerCase()
    const key = `${kind === 'number' || kind === 'date' ? kind : 'name'}:${form}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ kind, text: t, key })
  }
  const doc = nlp(text)
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
