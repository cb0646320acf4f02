/**
 * A DOM read as paragraphs: every run of text between block boundaries is one paragraph, so text
 * that sits loose in a <div> beside its <p>s is kept too. Each paragraph knows how much of it is
 * link text (navigation and related-article rails are mostly links). The walk follows sibling and
 * parent pointers, never recursion, so a page nested 10,000 levels deep cannot overflow the stack.
 */
import type { DomElement, DomNode } from '../dom'

/** Elements that end one paragraph and start the next. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL'
])

/** Elements whose content is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'SELECT', 'TEXTAREA', 'BUTTON'])

export interface Paragraph {
  text: string
  /** Characters of the text that sit inside links. */
  linkChars: number
  /** The block element that holds the paragraph, e.g. 'P', 'H2', 'LI', 'TD'. */
  tag: string
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1

function clean(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim()
}

class Collector {
  readonly out: Paragraph[] = []
  private parts: string[] = []
  private linkChars = 0
  private tags: string[] = []

  add(text: string, inLink: boolean, tag: string): void {
    this.parts.push(text)
    if (inLink) this.linkChars += clean(text).length
    this.tags.push(tag)
  }

  flush(): void {
    const text = clean(this.parts.join(''))
    if (text) this.out.push({ text, linkChars: Math.min(this.linkChars, text.length), tag: this.tags[0] ?? 'DIV' })
    this.parts = []
    this.linkChars = 0
    this.tags = []
  }
}

/** Paragraphs of `root` in document order. */
export function domParagraphs(root: DomNode): Paragraph[] {
  const c = new Collector()
  // The open block elements and links: heap counters, not the call stack.
  const blocks: string[] = []
  let links = 0
  let breaks = 0
  const enter = (tag: string): void => {
    if (tag === 'A') links++
    if (BLOCK.has(tag)) blocks.push(tag)
  }
  const leave = (tag: string): void => {
    if (tag === 'A') links--
    if (BLOCK.has(tag)) {
      blocks.pop()
      c.flush()
    }
  }
  let node: DomNode | null = root.firstChild
  while (node) {
    const tag = node.nodeType === ELEMENT_NODE ? (node as DomElement).tagName : ''
    if (node.nodeType === TEXT_NODE) {
      c.add(node.nodeValue ?? '', links > 0, blocks.at(-1) ?? 'DIV')
      if (node.nodeValue?.trim()) breaks = 0
    }
    // One <br> is a line break inside a paragraph (blog posts and old templates write whole
    // stories that way); two in a row end the paragraph.
    if (tag === 'BR') {
      c.add(' ', false, blocks.at(-1) ?? 'DIV')
      if (++breaks === 2) c.flush()
    }
    if (BLOCK.has(tag)) c.flush()
    if (tag && !SKIP.has(tag) && node.firstChild) {
      enter(tag)
      node = node.firstChild
      continue
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode
      if (node && node !== root) leave((node as DomElement).tagName)
    }
    if (!node || node === root) break
    node = node.nextSibling
  }
  c.flush()
  return c.out
}

export function linkDensity(p: Paragraph): number {
  return p.text.length ? p.linkChars / p.text.length : 0
}
