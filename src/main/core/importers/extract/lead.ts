/**
 * A news page's lead (standfirst, teaser, intro): the paragraph under the headline that sums up
 * the story. Pages keep it in the article's header, outside the body container Readability
 * picks, so it is read here, before the cleaning, and put back in front of the text when the
 * chosen container lacks it. Only an element named like a lead that sits right under the page's
 * <h1> counts: teasers further down are rails of other stories.
 */
import { words } from './boilerplate'
import type { DomDocument, DomElement, DomNode } from '../dom'

const LEAD = new Set(['lead', 'intro', 'standfirst', 'teaser', 'summary', 'abstract', 'chapo', 'dek', 'deck', 'subtitle', 'subline', 'sapo', 'excerpt'])

/** How much text may stand between the headline and its lead (a byline, a date, a kicker). */
const WINDOW_CHARS = 600
const ELEMENT_NODE = 1
const TEXT_NODE = 3

const clean = (s: string | null): string => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim()

function isLead(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  if (names.length < 3 || names.length > 400 || !words(names).some((w) => LEAD.has(w))) return false
  if (el.closest('nav, aside, footer, a, li, form')) return false
  const text = clean(el.textContent)
  if (text.length < 40 || text.length > 1200) return false
  let links = 0
  for (const a of Array.from(el.querySelectorAll('a'))) links += clean(a.textContent).length
  return links < 0.3 * text.length
}

/** The next node in document order after `node`'s subtree. */
function after(node: DomNode): DomNode | null {
  let n: DomNode | null = node
  while (n && !n.nextSibling) n = n.parentNode
  return n ? n.nextSibling : null
}

/** The lead under the page's headline, or null. Walks with a pointer, never recursion. */
export function findLead(doc: DomDocument): string | null {
  const h1 = Array.from(doc.querySelectorAll('h1')).find((h) => clean(h.textContent).length >= 5)
  if (!h1) return null
  let seen = 0
  let node = after(h1)
  while (node && seen <= WINDOW_CHARS) {
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as DomElement
      if (isLead(el)) return clean(el.textContent)
      if (/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG)$/.test(el.tagName) || !node.firstChild) {
        node = after(node)
        continue
      }
      node = node.firstChild
      continue
    }
    if (node.nodeType === TEXT_NODE) seen += clean(node.nodeValue).length
    node = node.nextSibling ?? after(node)
  }
  return null
}
