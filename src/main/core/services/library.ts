/** The library as a whole: what it is, its filter facets, and its JSON archive out and in. */
import { exportArchive, importArchive } from '../archive'
import { APP_VERSION } from '../version'
import type { ApiPart, CoreContext } from './context'

export type LibraryMethods = 'library.info' | 'library.facets' | 'archive.export' | 'archive.import'

export function libraryService({ library, changed }: CoreContext): ApiPart<LibraryMethods> {
  return {
    async 'library.info'() {
      return { path: library.dir, schemaVersion: library.schemaVersion, articleCount: library.articles.count(), appVersion: APP_VERSION }
    },

    async 'library.facets'() {
      return { outlets: library.articles.facet('outlet'), languages: library.articles.facet('language') }
    },

    async 'archive.export'(args) {
      const archive = exportArchive(library, args.ids)
      return { fileName: `parallax-library-${new Date().toISOString().slice(0, 10)}.json`, mime: 'application/json', content: JSON.stringify(archive, null, 1) }
    },

    async 'archive.import'(args) {
      const counts = importArchive(library, args.content)
      await changed('import')
      return counts
    }
  }
}
