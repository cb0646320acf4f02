/**
 * Dates as news pages print them, in English, German, French, Spanish, Italian, Portuguese,
 * Russian and Ukrainian, normalised to ISO 8601. Month and weekday names come from the runtime's
 * ICU data (Intl), in every form it prints them (`ноября`, `nov.`, `Okt.`), so the tables are
 * the ones the CLDR project maintains, not hand-typed lists.
 */
import { formatOffset, pad, zoneOffset } from './zones'

export const DATE_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'ru', 'uk'] as const

/** Forms Intl does not print but pages do. */
const EXTRA_MONTHS: Record<string, number> = { sept: 9, sep: 9, 'märz': 3, maerz: 3, 'juil': 7, 'févr': 2, 'déc': 12 }

function key(word: string): string {
  return word.toLowerCase().replace(/\.$/, '')
}

/** Every month name and abbreviation of the locales, lower-case without the final dot; ambiguous ones left out. */
function buildMonths(): Map<string, number> {
  const seen = new Map<string, Set<number>>()
  const add = (word: string, month: number): void => {
    const k = key(word)
    if (!/^\p{L}+$/u.test(k)) return
    if (!seen.has(k)) seen.set(k, new Set())
    seen.get(k)!.add(month)
  }
  const styles: Intl.DateTimeFormatOptions[] = [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }, { day: 'numeric', month: 'short' }]
  for (const locale of DATE_LOCALES) {
    for (const style of styles) {
      const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...style })
      for (let m = 1; m <= 12; m++) {
        const part = format.formatToParts(new Date(Date.UTC(2021, m - 1, 15))).find((p) => p.type === 'month')
        if (part) add(part.value, m)
      }
    }
  }
  for (const [word, m] of Object.entries(EXTRA_MONTHS)) add(word, m)
  const months = new Map<string, number>()
  for (const [k, set] of seen) if (set.size === 1) months.set(k, [...set][0]!)
  return months
}

/** Weekday names and abbreviations of the locales (lower-case, no final dot). */
function buildWeekdays(): string[] {
  const words = new Set<string>()
  for (const locale of DATE_LOCALES) {
    for (const weekday of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday })
      for (let d = 0; d < 7; d++) words.add(key(format.format(new Date(Date.UTC(2021, 0, 3 + d)))))
    }
  }
  return [...words].filter((w) => /^[\p{L}-]+$/u.test(w))
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const alternation = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|')

/** Not inside a word: JavaScript's \b knows only ASCII letters. */
const START = '(?<![\\p{L}\\p{N}])'
const TIME = '(?:,?\\s+(?:at\\s+|um\\s+|à\\s+|a\\s+las\\s+|alle\\s+|às\\s+|в\\s+|о\\s+)?(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?(?:\\s*([ap]\\.?m\\.?))?(?:\\s+(?:uhr\\b\\s*)?([a-z]{1,4}))?(?![\\p{L}\\d]))?'
/** Year words after a date: Russian `г.`/`года`, Ukrainian `р.`/`року`. */
const YEAR_WORD = '(?:\\s*(?:года|году|г\\.|г(?!\\p{L})|року|р\\.|р(?!\\p{L})))?'

interface DatePattern {
  re: RegExp
  y: number
  m: number
  d: number
  t: number
  numericMonth?: boolean
}

/**
 * The tables and patterns, built on first use: loading eight locales' data costs tens of
 * milliseconds, which a command that never reads a date should not pay.
 */
let tables: { months: Map<string, number>; weekday: RegExp; patterns: DatePattern[] } | null = null

function dateTables(): NonNullable<typeof tables> {
  if (tables) return tables
  const months = buildMonths()
  const MONTH = `(${alternation(months.keys())})\\.?`
  /** A weekday name, for stripping from date lines ("Saturday, March 1, 2025", "Montag, 5. Oktober 2021"). */
  const weekday = new RegExp(`(?<!\\p{L})(?:${alternation(buildWeekdays())})\\.?,?(?!\\p{L})`, 'giu')
  /** Patterns in order of preference; each names where its parts are. */
  const patterns: DatePattern[] = [
    // 2025-03-01, 2025-03-01T10:30:00Z (the time part is handled separately below)
    { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/, y: 1, m: 2, d: 3, t: -1, numericMonth: true },
    // March 1, 2025 / Mar. 1, 2025 10:30 AM ET
    { re: new RegExp(`${START}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'iu'), y: 3, m: 1, d: 2, t: 4 },
    // 1 March 2025, 5. Oktober 2021, 1er octobre 2021, 25 de noviembre de 2025, 25 ноября 2025 г.
    {
      re: new RegExp(`${START}(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?\\s*(?:de\\s+)?${MONTH},?\\s+(?:de\\s+)?(\\d{4})${YEAR_WORD}${TIME}`, 'iu'),
      y: 3, m: 2, d: 1, t: 4
    },
    // 05.10.2021 (day first, as in German, Russian, Ukrainian)
    { re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/, y: 3, m: 2, d: 1, t: -2, numericMonth: true }
  ]
  tables = { months, weekday, patterns }
  return tables
}

/** Strips weekday names ("Saturday,", "Montag,", "понедельник") from a piece of a date line. */
export function withoutWeekdays(text: string): string {
  return text.replace(dateTables().weekday, ' ')
}

export interface FoundDate {
  /** `YYYY-MM-DD`, or a full ISO date-time with offset when the source gave a time and zone. */
  iso: string
  index: number
  length: number
}

/** Finds the first date in a piece of text, in any of the forms news pages use. */
export function findDate(text: string): FoundDate | null {
  const { months, patterns } = dateTables()
  for (const p of patterns) {
    const m = p.re.exec(text)
    if (!m) continue
    const year = Number(m[p.y])
    const month = p.numericMonth ? Number(m[p.m]) : (months.get(key(m[p.m]!)) ?? 0)
    const day = Number(m[p.d])
    if (!validDate(year, month, day)) continue
    const date = `${year}-${pad(month)}-${pad(day)}`
    if (p.t === -1) return isoWithTime(text, date, m.index, m[0].length)
    if (p.t === -2 || m[p.t] === undefined) return { iso: date, index: m.index, length: m[0].length }
    return { iso: withClock(date, m.slice(p.t, p.t + 5), year, month, day), index: m.index, length: m[0].length }
  }
  return null
}

/** `2025-03-01T10:30:00Z` style: the time part, kept when it carries a zone. */
function isoWithTime(text: string, date: string, index: number, length: number): FoundDate {
  const rest = /^[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/i.exec(text.slice(index + length))
  if (!rest || !rest[4]) return { iso: date, index, length }
  const zone = rest[4].toUpperCase() === 'Z' ? 'Z' : rest[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  return { iso: `${date}T${rest[1]}:${rest[2]}:${rest[3] ?? '00'}${zone}`, index, length: length + rest[0].length }
}

/** A clock time with a known zone makes a full date-time; without a zone only the date is kept. */
function withClock(date: string, parts: (string | undefined)[], y: number, m: number, d: number): string {
  let hour = Number(parts[0])
  const minute = Number(parts[1])
  const second = Number(parts[2] ?? 0)
  const ampm = parts[3]?.toLowerCase().replace(/\./g, '')
  if (ampm === 'pm' && hour < 12) hour += 12
  if (ampm === 'am' && hour === 12) hour = 0
  const offset = zoneOffset(parts[4], y, m, d)
  if (hour >= 24 || minute >= 60 || offset === null) return date
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset)}`
}

/** A date string (one of the forms above, and nothing much else) as ISO 8601, or null. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim()
  const found = findDate(trimmed)
  if (!found) return null
  // Accept a weekday before it ("Saturday, March 1, 2025") but not a sentence around it.
  const before = withoutWeekdays(trimmed.slice(0, found.index)).trim()
  const after = trimmed.slice(found.index + found.length).trim()
  return before === '' && after.length <= 3 ? found.iso : null
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}
