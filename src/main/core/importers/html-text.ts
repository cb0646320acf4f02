/**
 * HTML to the plain paragraphs Parallax stores. Used for saved pages (after Readability),
 * e-mail bodies and DOCX (through mammoth's HTML). Parsing is done by linkedom (a light DOM
 * on htmlparser2): nothing is rendered, no script runs, no resource is fetched.
 */
import { lazyRequire } from '../platform/lazy-require'
import type { DomDocument, DomElement } from './dom'

/** linkedom takes a few hundred milliseconds to load: only a parse pays it. */
const linkedom = lazyRequire<typeof import('linkedom')>('linkedom')
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td, th'

/** Shrinks what the DOM must hold: scripts, styles, comments and inline data blobs carry no text. */
export function preStrip(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script[^>]*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/data:[a-z0-9.+-]+\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=\s]{256,}/gi, 'data:,')
}

export function parseDocument(html: string): DomDocument {
  // linkedom loses the whole page when anything (a PHP warning, say) comes before <!doctype>/<html>.
  const start = html.search(/<!doctype|<html[\s>]/i)
  if (start > 0) html = html.slice(start)
  const { document } = linkedom().parseHTML(start >= 0 ? html : `<!doctype html><html><body>${html}</body></html>`)
  return document
}

function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim()
}

/** The text of block elements in document order; nested blocks are not counted twice. */
export function htmlToParagraphs(html: string): string[] {
  const doc = parseDocument(preStrip(html))
  const root = (doc.body ?? doc.documentElement)
  if (!root) return []
  const blocks = Array.from<DomElement>(root.querySelectorAll(BLOCKS))
  const paragraphs: string[] = []
  for (const el of blocks) {
    // A block inside another block (a <p> in an <li>) is part of its parent's text.
    if (el.parentElement?.closest(BLOCKS)) continue
    const text = clean(el.textContent ?? '')
    if (text) paragraphs.push(text)
  }
  if (paragraphs.length === 0) {
    const text = (root.textContent ?? '').split(/\n\s*\n/).map(clean).filter(Boolean)
    return text
  }
  return paragraphs
}
