/**
 * The one place the renderer turns user or imported text into HTML: notes' Markdown.
 * markdown-it with raw HTML off escapes any tags typed into a note and drops javascript:,
 * vbscript:, file: and data: links; DOMPurify (a maintained sanitizer) then checks the output
 * again, keeping only text formatting and http(s)/mailto links: no images or media (no remote
 * loads), no styles, no forms, no scripts or event handlers, whatever a parser bug lets through.
 * Links open outside the app (a new tab in browser mode; the system browser, after the user
 * confirms, in the desktop app).
 */
import DOMPurify from 'dompurify'
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt({ html: false, linkify: true, breaks: true })

const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td']

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  }
})

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(md.render(source), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'target', 'rel'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i
  })
}
