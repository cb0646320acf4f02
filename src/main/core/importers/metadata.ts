/**
 * Metadata helpers shared by the importers: dates as they appear in news pages normalised to
 * ISO 8601, bylines cleaned of WordPress residue, and the content identity used for dedupe.
 */
import { createHash } from 'node:crypto'

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12
}
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const TIME = '(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap]\\.?m\\.?))?(?:\\s+([a-z]{1,4}))?)?'

/** Patterns in order of preference; each names where its parts are. */
const DATE_PATTERNS: { re: RegExp; y: number; m: number; d: number; t: number }[] = [
  // 2025-03-01, 2025-03-01T10:30:00Z (the time part is handled separately below)
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/i, y: 1, m: 2, d: 3, t: -1 },
  // March 1, 2025 / Mar. 1, 2025 10:30 AM ET
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'i'), y: 3, m: 1, d: 2, t: 4 },
  // 1 March 2025 / 1st March, 2025 14:05 GMT
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME}`, 'i'), y: 3, m: 2, d: 1, t: 4 }
]

const ZONES: Record<string, number | 'US_EASTERN' | 'US_CENTRAL' | 'US_MOUNTAIN' | 'US_PACIFIC'> = {
  utc: 0, gmt: 0, z: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  et: 'US_EASTERN', ct: 'US_CENTRAL', mt: 'US_MOUNTAIN', pt: 'US_PACIFIC'
}

export interface FoundDate {
  /** `YYYY-MM-DD`, or a full ISO date-time with offset when the source gave a time and zone. */
  iso: string
  index: number
  length: number
}

/** Finds the first date in a piece of text, in any of the forms news pages use. */
export function findDate(text: string): FoundDate | null {
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(text)
    if (!m) continue
    const year = Number(m[p.y])
    const month = p.m === 2 && p.y === 1 ? Number(m[2]) : (MONTHS[m[p.m]!.toLowerCase().replace('.', '')] ?? 0)
    const day = Number(m[p.d])
    if (!validDate(year, month, day)) continue
    const date = `${year}-${pad(month)}-${pad(day)}`
    let iso = date
    let length = m[0].length
    if (p.t < 0) {
      const rest = /^[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/i.exec(text.slice(m.index + length))
      if (rest && rest[4]) {
        iso = `${date}T${rest[1]}:${rest[2]}:${rest[3] ?? '00'}${rest[4].toUpperCase() === 'Z' ? 'Z' : rest[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`
        length += rest[0].length
      }
    } else if (m[p.t] !== undefined) {
      let hour = Number(m[p.t])
      const minute = Number(m[p.t + 1])
      const second = Number(m[p.t + 2] ?? 0)
      const ampm = m[p.t + 3]?.toLowerCase().replace(/\./g, '')
      if (ampm === 'pm' && hour < 12) hour += 12
      if (ampm === 'am' && hour === 12) hour = 0
      const offset = zoneOffset(m[p.t + 4], year, month, day)
      if (hour < 24 && minute < 60 && offset !== null) {
        iso = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${formatOffset(offset)}`
      }
    }
    return { iso, index: m.index, length }
  }
  return null
}

/** A date string (one of the forms above, and nothing much else) as ISO 8601, or null. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim()
  const found = findDate(trimmed)
  if (!found) return null
  // Accept a weekday before it ("Saturday, March 1, 2025") but not a sentence around it.
  const before = trimmed.slice(0, found.index).replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '').trim()
  const after = trimmed.slice(found.index + found.length).trim()
  return before === '' && after.length <= 3 ? found.iso : null
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function zoneOffset(zone: string | undefined, y: number, m: number, d: number): number | null {
  if (!zone) return null
  const z = ZONES[zone.toLowerCase()]
  if (z === undefined) return null
  if (typeof z === 'number') return z
  const standard = { US_EASTERN: -300, US_CENTRAL: -360, US_MOUNTAIN: -420, US_PACIFIC: -480 }[z]
  return standard + (usDaylightSaving(y, m, d) ? 60 : 0)
}

/** US daylight saving time: second Sunday of March to first Sunday of November (since 2007). */
function usDaylightSaving(y: number, m: number, d: number): boolean {
  const nthSunday = (month: number, n: number): number => {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay()
    return 1 + ((7 - first) % 7) + 7 * (n - 1)
  }
  const start = nthSunday(3, 2)
  const end = nthSunday(11, 1)
  if (m > 3 && m < 11) return true
  if (m === 3) return d >= start
  if (m === 11) return d < end
  return false
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z'
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** What WordPress themes print where the author should be when the author was stripped. */
const BYLINE_RESIDUE = [
  /^no comments?$/i,
  /^(?:\d+|one|two|three)\s+comments?$/i,
  /^leave an? (?:comment|reply)$/i,
  /^comments? (?:off|closed|are closed)$/i,
  /^(?:admin|administrator|editor|staff|unknown|anonymous)$/i
]

/** A byline cleaned to a person's or desk's name, or null when nothing real is left. */
export function cleanAuthor(raw: string | null | undefined): string | null {
  if (!raw) return null
  const parts = raw
    .replace(/^\s*by\s+/i, '')
    .split(/\s*[|•·]\s*/)
    .map((s) => s.trim().replace(/[,;:]+$/, ''))
    .filter((s) => s && !BYLINE_RESIDUE.some((re) => re.test(s)))
  const name = parts[0]?.trim() ?? ''
  return name.length > 0 && name.length <= 120 ? name : null
}

export interface Byline {
  publishedAt: string | null
  author: string | null
  outlet: string | null
}

/**
 * Reads a date/byline line such as `March 1, 2025 by No Comments`, `By Jane Doe | 1 March 2025`
 * or `Mar. 1, 2025 10:30 AM ET`. Returns null when the line is not one (then it is body text).
 */
export function parseBylineLine(line: string): Byline | null {
  const text = line.trim()
  if (text.length === 0 || text.length > 160) return null
  const found = findDate(text)
  if (found) {
    const rest = (text.slice(0, found.index) + ' ' + text.slice(found.index + found.length))
      .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?/gi, ' ')
      .replace(/\b(?:published|updated|posted)(?:\s+on)?:?/gi, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s|•·,–—-]+|[\s|•·,–—-]+$/g, '')
    if (rest === '') return { publishedAt: found.iso, author: null, outlet: null }
    const by = /^by\s+(.+)$/i.exec(rest)
    if (by) return { publishedAt: found.iso, author: cleanAuthor(by[1]), outlet: null }
    // `May 18, 2010 — Fox News`: a date, a dash, and the outlet.
    const outlet = /^[—–]\s*([^.!?]{1,80})$/.exec(text.slice(found.index + found.length).trim())
    if (outlet && text.slice(0, found.index).trim() === '') return { publishedAt: found.iso, author: null, outlet: outlet[1]!.trim() }
    // Anything else around the date means this is a sentence of the body, not a byline.
    return null
  }
  const by = /^by\s+([^.!?]{1,120})$/i.exec(text)
  return by ? { publishedAt: null, author: cleanAuthor(by[1]), outlet: null } : null
}

/** Whitespace, case and punctuation differences do not make a different article. */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex')
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Splits text into paragraphs at blank lines; lines inside a paragraph are joined. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, ' ').replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((p) => p.length > 0)
}
