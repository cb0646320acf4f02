/** Organising the library: tags on articles, collections of articles, and a collection's export. */
import { ApiError } from '../../../shared/contract'
import { exportCollection } from '../collection-export'
import type { ApiPart, CoreContext } from './context'

export type OrganiseMethods =
  | 'tags.change'
  | 'tags.list'
  | 'collections.list'
  | 'collections.create'
  | 'collections.delete'
  | 'collections.add'
  | 'collections.remove'
  | 'collections.export'

export function organiseService({ library, changed }: CoreContext): ApiPart<OrganiseMethods> {
  const { tags, collections } = library
  return {
    async 'tags.change'(args) {
      const updated = tags.change(args.ids, args.add ?? [], args.remove ?? [])
      if (updated) await changed('tags')
      return { updated }
    },

    async 'tags.list'() {
      return { items: tags.counts() }
    },

    async 'collections.list'() {
      return { items: collections.list() }
    },

    async 'collections.create'(args) {
      const created = collections.create(args.name)
      await changed('collections', { search: false })
      return created
    },

    // Search filters by collection, so membership changes reach the search backend.
    async 'collections.delete'(args) {
      const deleted = collections.delete(args.id)
      if (deleted) await changed('collections')
      return { deleted }
    },

    async 'collections.add'(args) {
      if (!collections.get(args.id)) throw new ApiError('not_found', `There is no collection #${args.id}.`, 'id')
      const added = collections.add(args.id, args.articleIds)
      await changed('collections')
      return { added }
    },

    async 'collections.remove'(args) {
      const removed = collections.remove(args.id, args.articleIds)
      await changed('collections')
      return { removed }
    },

    async 'collections.export'(args) {
      return exportCollection(library, args.id, args.format)
    }
  }
}
