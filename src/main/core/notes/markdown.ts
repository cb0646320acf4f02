/** An article's notes and highlights as Markdown, with the quotes and a link back to the article. */
import type { Note } from '../../../shared/contract'
import { markdownAutolink, markdownText } from '../export/markdown-escape'

/** `references`: the article's formatted references by style name ("APA", "Chicago"), cited under the title. */
export function notesMarkdown(title: string, url: string | null, notes: Note[], references: Record<string, string> = {}): string {
  // Article text is escaped (markdownText); the note bodies are the user's own Markdown.
  const out = [`# Notes on “${markdownText(title)}”`, '']
  if (url) out.push(`Original: ${markdownAutolink(url)}`, '')
  for (const [style, reference] of Object.entries(references)) out.push(`Cite as (${style}): ${markdownText(reference)}`, '')
  for (const n of notes) {
    out.push(`> ${markdownText(n.anchor.exact.replace(/\n+/g, ' '))}`)
    if (n.located.how === 'orphan') out.push('>', '> *(this passage is no longer in the article)*')
    out.push('')
    if (n.body.trim()) out.push(n.body.trim(), '')
  }
  return out.join('\n')
}
