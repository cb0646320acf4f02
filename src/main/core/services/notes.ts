/** Notes and highlights anchored to quotes, and their Markdown export. */
import { ApiError } from '../../../shared/contract'
import { referenceOf } from '../cite/export'
import { makeAnchor } from '../notes/anchor'
import { notesMarkdown } from '../notes/markdown'
import type { ApiPart, CoreContext } from './context'
import { noArticle } from './context'

export type NoteMethods = 'notes.list' | 'notes.create' | 'notes.update' | 'notes.delete' | 'notes.export'

const noNote = (id: number): ApiError => new ApiError('not_found', `There is no note #${id}.`, 'id')

export function noteService({ library, changed }: CoreContext): ApiPart<NoteMethods> {
  const { notes, articles } = library
  return {
    async 'notes.list'(args) {
      return { items: notes.list(args.articleId) }
    },

    /** Anchors the note on the article's stored text. */
    async 'notes.create'(args) {
      const text = articles.texts([args.articleId])[0]?.text
      if (text === undefined) throw noArticle(args.articleId, 'articleId')
      if (args.end > text.length) throw new ApiError('invalid_argument', `notes.create: the quote runs past the end of the article (${text.length} characters)`, 'end')
      const anchor = makeAnchor(text, args.start, args.end)
      if (!anchor.exact.trim()) throw new ApiError('invalid_argument', 'notes.create: the quote is empty', 'end')
      const now = new Date().toISOString()
      const id = notes.add(args.articleId, { ...anchor, color: args.color, body: args.body, createdAt: now, updatedAt: now })
      await changed('notes')
      return notes.get(id)!
    },

    async 'notes.update'(args) {
      if (!notes.update(args.id, args)) throw noNote(args.id)
      await changed('notes')
      return notes.get(args.id)!
    },

    async 'notes.delete'(args) {
      const deleted = notes.delete(args.id)
      if (deleted) await changed('notes')
      return { deleted }
    },

    async 'notes.export'(args) {
      const a = articles.summaries([args.articleId])[0]
      if (!a) throw noArticle(args.articleId, 'articleId')
      const references = { APA: await referenceOf(a, 'apa'), Chicago: await referenceOf(a, 'chicago') }
      return { fileName: `notes-${a.id}.md`, mime: 'text/markdown', content: notesMarkdown(a.title, a.url, notes.list(a.id), references) }
    }
  }
}
