/**
 * The app page's Content-Security-Policy, written once: the renderer's index.html gets it as a
 * meta tag at build time, and browser mode's HTTP bridge can send it as a header.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'"
]

/** For the page's meta tag (browsers ignore frame-ancestors there). */
export const PAGE_CSP = DIRECTIVES.join('; ')

/** For an HTTP header, which can also forbid framing the app. */
export const HEADER_CSP = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')
