/** A selection of articles exported as one citation file (or text of formatted references). */
import { CITATION_FORMATS, type CitationFormat } from '../../../shared/contract/citations'
import { cslItem, type CitableArticle } from './csl-item'
import { formatCitations } from './formats'

export interface CitationFile {
  fileName: string
  mime: string
  content: string
}

/** `baseName` names the file (a collection's name; "citations" for a selection). */
export async function exportCitations(articles: CitableArticle[], format: CitationFormat, baseName = 'citations'): Promise<CitationFile> {
  const spec = CITATION_FORMATS.find((f) => f.format === format)!
  const slug = baseName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'citations'
  const suffix = format === 'apa' || format === 'chicago' ? `-${format}` : ''
  return { fileName: `${slug}${suffix}.${spec.extension}`, mime: spec.mime, content: await formatCitations(articles.map(cslItem), format) }
}

/** One article's reference in a style, on one line (for a note's export). */
export async function referenceOf(article: CitableArticle, style: 'apa' | 'chicago'): Promise<string> {
  return (await formatCitations([cslItem(article)], style)).trim()
}
