/**
 * The whole library as one JSON archive, and back: every article (text and metadata), its tags
 * and notes, every collection and saved comparison. Importing into an empty library keeps every
 * id, so an export, an import and a second export are identical; importing into a library that
 * already has articles merges by content hash (the same text is one article) and renumbers.
 */
import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import { prepareArticle } from './importers/prepare'
import { NoteColor } from '../../shared/contract'
import type { Library } from './store/library'
import { markdownAutolink, markdownText } from './export/markdown-escape'

const ArchiveNote = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.int(),
  end: z.int(),
  color: NoteColor,
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
})

const ArchiveArticle = z.object({
  id: z.int().positive(),
  title: z.string().min(1),
  author: z.string().nullable(),
  outlet: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  text: z.string().min(1),
  sourceName: z.string(),
  sourceFormat: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'eml', 'json', 'ndjson', 'csv']),
  importedAt: z.string(),
  warnings: z.array(z.string()),
  tags: z.array(z.string()),
  notes: z.array(ArchiveNote)
})

export const Archive = z.object({
  format: z.literal('parallax-archive'),
  version: z.literal(1),
  exportedAt: z.string(),
  articles: z.array(ArchiveArticle),
  collections: z.array(z.object({ id: z.int().positive(), name: z.string().min(1), createdAt: z.string(), articleIds: z.array(z.int()) })),
  comparisons: z.array(z.object({ title: z.string(), articleIds: z.array(z.int()), notes: z.string(), createdAt: z.string(), updatedAt: z.string() }))
})
export type Archive = z.infer<typeof Archive>

/** The archive of the whole library, or of some articles (with their notes, tags and collections). */
export function exportArchive(library: Library, only?: number[]): Archive {
  const db = library.db
  const wanted = only ? new Set(only) : null
  const notesOf = db.prepare(
    'SELECT exact, prefix, suffix, start, "end", color, body, created_at AS createdAt, updated_at AS updatedAt FROM notes WHERE article_id = ? ORDER BY start, id'
  )
  const articles = (db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]).filter((id) => !wanted || wanted.has(id)).map((id) => {
    const a = library.articles.get(id)!
    return {
      id: a.id,
      title: a.title,
      author: a.author,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      url: a.url,
      language: a.language,
      text: a.text,
      sourceName: a.sourceName,
      sourceFormat: a.sourceFormat,
      importedAt: a.importedAt,
      warnings: a.warnings,
      tags: a.tags,
      notes: notesOf.all(id) as z.infer<typeof ArchiveNote>[]
    }
  })
  const collections = (db.prepare('SELECT id, name, created_at AS createdAt FROM collections ORDER BY id').all() as { id: number; name: string; createdAt: string }[])
    .map((c) => ({
      ...c,
      articleIds: (db.prepare('SELECT article_id FROM collection_articles WHERE collection_id = ? ORDER BY article_id').pluck().all(c.id) as number[]).filter((id) => !wanted || wanted.has(id))
    }))
    .filter((c) => !wanted || c.articleIds.length > 0)
  const comparisons = (
    db.prepare('SELECT title, article_ids, notes, created_at AS createdAt, updated_at AS updatedAt FROM comparisons ORDER BY id').all() as {
      title: string
      article_ids: string
      notes: string
      createdAt: string
      updatedAt: string
    }[]
  )
    .map(({ article_ids, ...c }) => ({ ...c, articleIds: JSON.parse(article_ids) as number[] }))
    .filter(() => !wanted)
  return { format: 'parallax-archive', version: 1, exportedAt: new Date().toISOString(), articles, collections, comparisons }
}

export function importArchive(library: Library, content: string): { articles: number; notes: number; collections: number; duplicates: number } {
  let raw: unknown
  try {
    raw = JSON.parse(content)
  } catch {
    throw new ApiError('invalid_argument', 'The archive is not valid JSON.', 'content')
  }
  const parsed = Archive.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ApiError('invalid_argument', `Not a Parallax archive: ${issue.path.join('.') || 'file'} ${issue.message}`, 'content')
  }
  const archive = parsed.data
  const db = library.db
  // Ids are kept wherever they are free (always in an empty library; when undoing a delete, too).
  const taken = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck()
  const counts = { articles: 0, notes: 0, collections: 0, duplicates: 0 }
  // One transaction: the archive is restored whole, or not at all.
  db.transaction(() => {
    const idMap = new Map<number, number>()
    const insertNote = db.prepare(
      'INSERT INTO notes (article_id, exact, prefix, suffix, start, "end", color, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (const a of archive.articles) {
      const prepared = prepareArticle({ title: a.title, author: a.author, outlet: a.outlet, publishedAt: a.publishedAt, url: a.url, language: a.language, text: a.text, warnings: a.warnings })
      const outcome = library.articles.insert({ ...prepared, sourceName: a.sourceName, sourceFormat: a.sourceFormat }, a.importedAt, taken.get(a.id) ? undefined : a.id)
      idMap.set(a.id, outcome.id)
      if (outcome.status === 'duplicate') {
        counts.duplicates++
        continue
      }
      counts.articles++
      if (a.tags.length) library.articles.tag([outcome.id], a.tags, [])
      for (const n of a.notes) {
        insertNote.run(outcome.id, n.exact, n.prefix, n.suffix, n.start, n.end, n.color, n.body, n.createdAt, n.updatedAt)
        counts.notes++
      }
    }
    for (const c of archive.collections) {
      const free = !db.prepare('SELECT 1 FROM collections WHERE id = ? OR name = ?').pluck().get(c.id, c.name)
      if (free) db.prepare('INSERT INTO collections (id, name, created_at) VALUES (?, ?, ?)').run(c.id, c.name, c.createdAt)
      else db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)').run(c.name, c.createdAt)
      const id = db.prepare('SELECT id FROM collections WHERE name = ?').pluck().get(c.name) as number
      const add = db.prepare('INSERT OR IGNORE INTO collection_articles (collection_id, article_id) VALUES (?, ?)')
      for (const a of c.articleIds) if (idMap.has(a)) add.run(id, idMap.get(a)!)
      counts.collections++
    }
    const addComparison = db.prepare('INSERT INTO comparisons (title, article_ids, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    for (const c of archive.comparisons) {
      const ids = c.articleIds.map((a) => idMap.get(a)).filter((a): a is number => a !== undefined)
      if (ids.length >= 2) addComparison.run(c.title, JSON.stringify(ids), c.notes, c.createdAt, c.updatedAt)
    }
  })()
  return counts
}

/** A collection as Markdown (metadata, notes) or JSON (metadata, texts and notes). */
export function exportCollection(library: Library, id: number, format: 'markdown' | 'json'): { fileName: string; mime: string; content: string } {
  const archive = exportArchive(library)
  const c = archive.collections.find((x) => x.id === id)
  if (!c) throw new ApiError('not_found', `There is no collection #${id}.`, 'id')
  const articles = archive.articles.filter((a) => c.articleIds.includes(a.id))
  const slug = c.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || `collection-${id}`
  if (format === 'json') {
    return { fileName: `${slug}.json`, mime: 'application/json', content: JSON.stringify({ collection: { name: c.name, createdAt: c.createdAt }, articles }, null, 2) }
  }
  const out = [`# ${c.name}`, '', `${articles.length} article${articles.length === 1 ? '' : 's'}`, '']
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
  return { fileName: `${slug}.md`, mime: 'text/markdown', content: out.join('\n') }
}
