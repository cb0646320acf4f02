/**
 * The core service: implements every contract method on top of the store and importers.
 * Arguments arrive here already validated by `dispatch`; results are plain data.
 */
import { ApiError, type Api, type Args, type Result } from '../../shared/contract'
import { EventHub } from './events'
import { importBatch } from './importers/batch'
import type { Parser } from './importers/parse'
import type { Library } from './store/library'
import { APP_VERSION } from './version'

export class Service implements Api {
  readonly events = new EventHub()

  constructor(
    readonly library: Library,
    private readonly parser?: Parser,
    private readonly readAhead = 1
  ) {}

  async 'library.info'(_args: Args<'library.info'>): Promise<Result<'library.info'>> {
    return {
      path: this.library.dir,
      schemaVersion: this.library.schemaVersion,
      articleCount: this.library.articles.count(),
      appVersion: APP_VERSION
    }
  }

  async 'articles.list'(args: Args<'articles.list'>): Promise<Result<'articles.list'>> {
    return { items: this.library.articles.list(args), total: this.library.articles.count() }
  }

  async 'articles.get'(args: Args<'articles.get'>): Promise<Result<'articles.get'>> {
    const article = this.library.articles.get(args.id)
    if (!article) throw new ApiError('not_found', `There is no article #${args.id} in this library.`, 'id')
    return article
  }

  async 'articles.update'(args: Args<'articles.update'>): Promise<Result<'articles.update'>> {
    // An empty author, outlet or URL means "unknown", stored as null.
    const patch = Object.fromEntries(Object.entries(args.patch).map(([k, v]) => [k, v === '' ? null : v]))
    if (!this.library.articles.update(args.id, patch)) throw new ApiError('not_found', `There is no article #${args.id} in this library.`, 'id')
    this.events.emit('library.changed', { reason: 'update' })
    return this.library.articles.get(args.id)!
  }

  async 'articles.delete'(args: Args<'articles.delete'>): Promise<Result<'articles.delete'>> {
    const deleted = this.library.articles.delete(args.ids)
    if (deleted > 0) this.events.emit('library.changed', { reason: 'delete' })
    return { deleted }
  }

  async 'import.files'(args: Args<'import.files'>): Promise<Result<'import.files'>> {
    const sources = args.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') }))
    const results = await importBatch(this.library, sources, {
      parser: this.parser,
      readAhead: this.readAhead,
      onProgress: (p) => this.events.emit('import.progress', { jobId: args.jobId, ...p })
    })
    if (results.some((r) => r.status === 'imported')) this.events.emit('library.changed', { reason: 'import' })
    return { results }
  }
}
