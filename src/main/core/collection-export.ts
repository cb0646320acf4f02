/** A collection exported as Markdown (metadata and notes) or JSON (metadata, texts and notes). */
import { ApiError } from '../../shared/errors'
import { archiveArticles } from './archive'
import { markdownAutolink, markdownText } from './export/markdown-escape'
import type { Library } from './store/library'

export interface ExportFile {
  fileName: string
  mime: string
  content: string
}

type Articles = ReturnType<typeof archiveArticles>

/** Reads only the collection's own articles. */
export function exportCollection(library: Library, id: number, format: 'markdown' | 'json'): ExportFile {
  const c = library.collections.get(id)
  if (!c) throw new ApiError('not_found', `There is no collection #${id}.`, 'id')
  const articles = archiveArticles(library, library.collections.articleIds(id))
  const slug = c.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || `collection-${id}`
  if (format === 'json') {
    return { fileName: `${slug}.json`, mime: 'application/json', content: JSON.stringify({ collection: { name: c.name, createdAt: c.createdAt }, articles }, null, 2) }
  }
  return { fileName: `${slug}.md`, mime: 'text/markdown', content: collectionMarkdown(c.name, articles) }
}

export function collectionMarkdown(name: string, articles: Articles): string {
  const out = [`# ${markdownText(name)}`, '', `${articles.length} article${articles.length === 1 ? '' : 's'}`, '']
  for (const a of articles) {
    // Article text is escaped (markdownText); the note bodies are the user's own Markdown.
    out.push(`## ${markdownText(a.title)}`, '', markdownText([a.outlet, a.author, a.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')) || '(no byline)')
    if (a.url) out.push('', markdownAutolink(a.url))
    if (a.tags.length) out.push('', `Tags: ${a.tags.join(', ')}`)
    out.push('')
    for (const n of a.notes) {
      out.push(`> ${markdownText(n.exact.replace(/\n+/g, ' '))}`, '')
      if (n.body.trim()) out.push(n.body.trim(), '')
    }
  }
  return out.join('\n')
}
