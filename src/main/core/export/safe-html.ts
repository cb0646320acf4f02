/**
 * HTML that cannot carry unescaped text. `html` is a tagged template: every interpolated value
 * is escaped unless it is already `TrustedHtml` (made by `html` itself), so a report built only
 * with it cannot let an article's text become markup. There is deliberately no way to wrap an
 * arbitrary string as trusted.
 */

const RAW = Symbol('trusted-html')

/** A fragment built by `html`: its markup is ours, its texts already escaped. */
export interface TrustedHtml {
  readonly [RAW]: string
}

/** What may be interpolated: text (escaped), numbers, fragments, lists of these, or nothing. */
export type HtmlValue = string | number | TrustedHtml | null | undefined | false | readonly HtmlValue[]

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text safe in element content and in double-quoted attributes (the only kind our templates write). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITIES[ch]!)
}

function isTrusted(v: unknown): v is TrustedHtml {
  return typeof v === 'object' && v !== null && RAW in v
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (isTrusted(value)) return value[RAW]
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('')
  // Anything else (a number, or an object that slipped past the types) is text: String() and escaped.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- deliberate: whatever it is, it becomes escaped text
  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): TrustedHtml {
  let out = strings[0]!
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!))
  return { [RAW]: out }
}

/** The final document text. */
export function htmlToString(fragment: TrustedHtml): string {
  return fragment[RAW]
}
