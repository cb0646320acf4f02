/**
 * The core service: implements every contract method on top of the store and importers.
 * Arguments arrive here already validated by `dispatch`; results are plain data.
 */
import type Database from 'better-sqlite3'
import { ApiError, Preferences as PreferencesSchema, type Api, type Args, type ImportResult, type Preferences, type Result } from '../../shared/contract'
import { EventHub } from './events'
import { articleEntities, compareArticles, type CompareInput, type Entity } from './compare'
import { ENTITY_VERSION } from './compare/entities'
import { splitSentences } from './compare/sentences'
import { comparisonReport } from './compare/report'
import { importBatch, outletFolder } from './importers/batch'
import type { Parser } from './importers/parse'
import type { SearchBackend } from './search/service'
import { NoteStore, notesMarkdown } from './notes/store'
import { CollectionStore } from './store/collections'
import { exportArchive, exportCollection, importArchive } from './archive'
import type { Library } from './store/library'
import { applyAliases, readAliases, writeAliases } from './store/outlet-aliases'
import { APP_VERSION } from './version'

export class Service implements Api {
  readonly events = new EventHub()
  private readonly notes: NoteStore
  private readonly collections: CollectionStore
  /** Running `import.files` calls by job id, so `import.cancel` can stop one. */
  private readonly running = new Map<string, AbortController>()

  constructor(
    readonly library: Library,
    readonly search: SearchBackend,
    private readonly parser?: Parser,
    private readonly readAhead = 1,
    /** Finds an article's entities off the main thread, so comparisons find them stored. */
    private readonly entityWorker?: (text: string) => Promise<unknown>
  ) {
    this.notes = new NoteStore(library.db)
    this.collections = new CollectionStore(library.db)
  }

  /** After an import: entities for comparisons, computed in the background, one article at a time. */
  private precomputeEntities(ids: number[]): void {
    const work = this.entityWorker
    if (!work) return
    void (async () => {
      for (const id of ids.slice(0, 500)) {
        const a = this.library.articles.get(id)
        if (!a || this.library.articles.entities(id, ENTITY_VERSION)) continue
        try {
          this.library.articles.storeEntities(id, ENTITY_VERSION, await work(a.text))
        } catch {
          // Not fatal: the comparison computes them when it needs them.
        }
      }
    })()
  }

  async 'library.info'(_args: Args<'library.info'>): Promise<Result<'library.info'>> {
    return {
      path: this.library.dir,
      schemaVersion: this.library.schemaVersion,
      articleCount: this.library.articles.count(),
      appVersion: APP_VERSION
    }
  }

  async 'articles.list'(args: Args<'articles.list'>): Promise<Result<'articles.list'>> {
    return { items: this.library.articles.list(args), total: this.library.articles.count(args) }
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
    await this.search.changed()
    this.events.emit('library.changed', { reason: 'update' })
    return this.library.articles.get(args.id)!
  }

  async 'articles.delete'(args: Args<'articles.delete'>): Promise<Result<'articles.delete'>> {
    const deleted = this.library.articles.delete(args.ids)
    if (deleted > 0) {
      await this.search.changed()
      this.events.emit('library.changed', { reason: 'delete' })
    }
    return { deleted }
  }

  async 'import.files'(args: Args<'import.files'>): Promise<Result<'import.files'>> {
    const sources = args.files.map((f) => {
      // A file from a chosen or dropped folder comes as "Folder/…/name".
      const folders = f.name.split(/[\\/]/).slice(0, -1)
      const folder = outletFolder(folders)
      return { name: f.name, bytes: Buffer.from(f.data, 'base64'), inFolder: folders.length > 0, ...(folder ? { folder } : {}) }
    })
    const abort = new AbortController()
    this.running.set(args.jobId, abort)
    let results: ImportResult[]
    try {
      results = await importBatch(this.library, sources, {
        parser: this.parser,
        readAhead: this.readAhead,
        signal: abort.signal,
        folderOutlet: args.folderOutlet,
        onProgress: (p) => this.events.emit('import.progress', { jobId: args.jobId, ...(args.overall ? { overall: args.overall } : {}), ...p })
      })
    } finally {
      this.running.delete(args.jobId)
    }
    if (results.some((r) => r.status === 'imported')) {
      await this.search.changed()
      this.events.emit('library.changed', { reason: 'import' })
      this.precomputeEntities(results.filter((r) => r.status === 'imported').map((r) => r.articleId!))
    }
    return { results }
  }

  async 'import.cancel'(args: Args<'import.cancel'>): Promise<Result<'import.cancel'>> {
    const job = this.running.get(args.jobId)
    job?.abort()
    return { cancelled: !!job }
  }

  async 'outlets.aliases'(_args: Args<'outlets.aliases'>): Promise<Result<'outlets.aliases'>> {
    return { items: readAliases(this.library.db) }
  }

  async 'outlets.setAliases'(args: Args<'outlets.setAliases'>): Promise<Result<'outlets.setAliases'>> {
    const items = args.items // trimmed and checked by the contract
    const renamed = this.library.db.transaction(() => {
      writeAliases(this.library.db, items)
      return applyAliases(this.library, items)
    })()
    if (renamed > 0) {
      await this.search.changed()
      this.events.emit('library.changed', { reason: 'update' })
    }
    return { items, renamed }
  }

  async 'preferences.get'(_args: Args<'preferences.get'>): Promise<Result<'preferences.get'>> {
    return readPreferences(this.library.db)
  }

  async 'preferences.update'(args: Args<'preferences.update'>): Promise<Result<'preferences.update'>> {
    const stmt = this.library.db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    this.library.db.transaction(() => {
      for (const [key, value] of Object.entries(args)) if (value !== undefined) stmt.run(key, JSON.stringify(value))
    })()
    this.events.emit('library.changed', { reason: 'preferences' })
    return readPreferences(this.library.db)
  }

  async 'search.query'(args: Args<'search.query'>): Promise<Result<'search.query'>> {
    return this.search.search(args)
  }

  async 'search.locate'(args: Args<'search.locate'>): Promise<Result<'search.locate'>> {
    return { ranges: await this.search.locate(args.id, args.q) }
  }

  async 'search.status'(_args: Args<'search.status'>): Promise<Result<'search.status'>> {
    return this.search.status()
  }

  async 'compare.run'(args: Args<'compare.run'>): Promise<Result<'compare.run'>> {
    return compareArticles(await this.articlesFor(args.ids))
  }

  async 'compare.report'(args: Args<'compare.report'>): Promise<Result<'compare.report'>> {
    const comparison = compareArticles(await this.articlesFor(args.ids))
    return comparisonReport(comparison, args.format)
  }

  async 'comparisons.save'(args: Args<'comparisons.save'>): Promise<Result<'comparisons.save'>> {
    const now = new Date().toISOString()
    const db = this.library.db
    let id = args.id
    if (id !== undefined) {
      const changed = db
        .prepare('UPDATE comparisons SET title = ?, article_ids = ?, notes = ?, updated_at = ? WHERE id = ?')
        .run(args.title, JSON.stringify(args.ids), args.notes, now, id).changes
      if (!changed) throw new ApiError('not_found', `There is no saved comparison #${id}.`, 'id')
    } else {
      id = Number(
        db.prepare('INSERT INTO comparisons (title, article_ids, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(args.title, JSON.stringify(args.ids), args.notes, now, now)
          .lastInsertRowid
      )
    }
    this.events.emit('library.changed', { reason: 'comparisons' })
    return this.savedComparisons().find((c) => c.id === id)!
  }

  async 'comparisons.list'(_args: Args<'comparisons.list'>): Promise<Result<'comparisons.list'>> {
    return { items: this.savedComparisons() }
  }

  async 'comparisons.delete'(args: Args<'comparisons.delete'>): Promise<Result<'comparisons.delete'>> {
    const deleted = this.library.db.prepare('DELETE FROM comparisons WHERE id = ?').run(args.id).changes > 0
    if (deleted) this.events.emit('library.changed', { reason: 'comparisons' })
    return { deleted }
  }

  private savedComparisons(): Result<'comparisons.list'>['items'] {
    const rows = this.library.db.prepare('SELECT * FROM comparisons ORDER BY updated_at DESC, id DESC').all() as {
      id: number
      title: string
      article_ids: string
      notes: string
      created_at: string
      updated_at: string
    }[]
    return rows.map((r) => ({ id: r.id, title: r.title, articleIds: JSON.parse(r.article_ids) as number[], notes: r.notes, createdAt: r.created_at, updatedAt: r.updated_at }))
  }

  async 'articles.tag'(args: Args<'articles.tag'>): Promise<Result<'articles.tag'>> {
    const updated = this.library.articles.tag(args.ids, args.add ?? [], args.remove ?? [])
    if (updated) {
      await this.search.changed()
      this.events.emit('library.changed', { reason: 'tags' })
    }
    return { updated }
  }

  async 'library.tags'(_args: Args<'library.tags'>): Promise<Result<'library.tags'>> {
    const items = this.library.db.prepare('SELECT tag AS name, count(*) AS count FROM article_tags GROUP BY tag ORDER BY tag COLLATE NOCASE').all() as { name: string; count: number }[]
    return { items }
  }

  async 'collections.list'(_args: Args<'collections.list'>): Promise<Result<'collections.list'>> {
    return { items: this.collections.list() }
  }

  async 'collections.create'(args: Args<'collections.create'>): Promise<Result<'collections.create'>> {
    const c = this.collections.create(args.name)
    this.events.emit('library.changed', { reason: 'collections' })
    return c
  }

  async 'collections.delete'(args: Args<'collections.delete'>): Promise<Result<'collections.delete'>> {
    const deleted = this.collections.delete(args.id)
    if (deleted) {
      await this.search.changed()
      this.events.emit('library.changed', { reason: 'collections' })
    }
    return { deleted }
  }

  async 'collections.add'(args: Args<'collections.add'>): Promise<Result<'collections.add'>> {
    if (!this.collections.get(args.id)) throw new ApiError('not_found', `There is no collection #${args.id}.`, 'id')
    const added = this.collections.add(args.id, args.articleIds)
    await this.search.changed() // search filters by collection
    this.events.emit('library.changed', { reason: 'collections' })
    return { added }
  }

  async 'collections.remove'(args: Args<'collections.remove'>): Promise<Result<'collections.remove'>> {
    const removed = this.collections.remove(args.id, args.articleIds)
    await this.search.changed()
    this.events.emit('library.changed', { reason: 'collections' })
    return { removed }
  }

  async 'collections.export'(args: Args<'collections.export'>): Promise<Result<'collections.export'>> {
    return exportCollection(this.library, args.id, args.format)
  }

  async 'library.exportArchive'(args: Args<'library.exportArchive'>): Promise<Result<'library.exportArchive'>> {
    return { fileName: `parallax-library-${new Date().toISOString().slice(0, 10)}.json`, mime: 'application/json', content: JSON.stringify(exportArchive(this.library, args.ids), null, 1) }
  }

  async 'library.importArchive'(args: Args<'library.importArchive'>): Promise<Result<'library.importArchive'>> {
    const counts = importArchive(this.library, args.content)
    await this.search.changed()
    this.events.emit('library.changed', { reason: 'import' })
    return counts
  }

  async 'notes.list'(args: Args<'notes.list'>): Promise<Result<'notes.list'>> {
    return { items: this.notes.list(args.articleId) }
  }

  async 'notes.create'(args: Args<'notes.create'>): Promise<Result<'notes.create'>> {
    const note = this.notes.create(args.articleId, args.start, args.end, args.color, args.body)
    if (note === null) throw new ApiError('not_found', `There is no article #${args.articleId} in this library.`, 'articleId')
    if (typeof note === 'string') throw new ApiError('invalid_argument', `notes.create: ${note}`, 'end')
    await this.noteChanged()
    return note
  }

  async 'notes.update'(args: Args<'notes.update'>): Promise<Result<'notes.update'>> {
    const note = this.notes.update(args.id, args)
    if (!note) throw new ApiError('not_found', `There is no note #${args.id}.`, 'id')
    await this.noteChanged()
    return note
  }

  async 'notes.delete'(args: Args<'notes.delete'>): Promise<Result<'notes.delete'>> {
    const deleted = this.notes.delete(args.id)
    if (deleted) await this.noteChanged()
    return { deleted }
  }

  async 'notes.export'(args: Args<'notes.export'>): Promise<Result<'notes.export'>> {
    const a = this.library.articles.get(args.articleId)
    if (!a) throw new ApiError('not_found', `There is no article #${args.articleId} in this library.`, 'articleId')
    return { fileName: `notes-${a.id}.md`, mime: 'text/markdown', content: notesMarkdown(a.title, a.url, this.notes.list(a.id)) }
  }

  /** A note changed: its article is searchable by it at once (pending in the index), views refresh. */
  private async noteChanged(): Promise<void> {
    await this.search.changed()
    this.events.emit('library.changed', { reason: 'notes' })
  }

  async 'stories.list'(args: Args<'stories.list'>): Promise<Result<'stories.list'>> {
    const groups = (await this.search.stories()).filter((g) => g.length > 1)
    const items = groups.map((ids) => {
      const articles = ids
        .map((id) => this.library.articles.get(id))
        .filter((a): a is NonNullable<typeof a> => !!a)
        .sort((x, y) => (y.publishedAt ?? '').localeCompare(x.publishedAt ?? ''))
        .map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt }))
      const dates = articles.map((a) => a.publishedAt?.slice(0, 10)).filter((d): d is string => !!d).sort()
      return {
        title: articles[0]!.title,
        from: dates[0] ?? null,
        to: dates.at(-1) ?? null,
        outlets: [...new Set(articles.map((a) => a.outlet).filter((o): o is string => !!o))],
        articles
      }
    })
    items.sort((x, y) => (y.to ?? '').localeCompare(x.to ?? '') || y.articles.length - x.articles.length)
    return { items: items.slice(0, args.limit ?? 200) }
  }

  async 'articles.related'(args: Args<'articles.related'>): Promise<Result<'articles.related'>> {
    const limit = args.limit ?? 10
    const article = this.library.articles.get(args.id)
    if (!article) throw new ApiError('not_found', `There is no article #${args.id} in this library.`, 'id')
    // Near-duplicates first (the same wire story), then the same story told differently.
    const near = article.nearDuplicates.map((d) => ({ id: d.id, score: d.similarity, nearDuplicate: true }))
    // Below a quarter of the article's own score, a match shares a word or two, not a story.
    const found = (await this.search.related(args.id, limit)).filter((r) => r.score >= 0.25 && !near.some((n) => n.id === r.id))
    const items = [...near, ...found.map((r) => ({ ...r, nearDuplicate: false }))].slice(0, limit).flatMap((r) => {
      const a = this.library.articles.get(r.id)
      return a ? [{ id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, score: r.score, nearDuplicate: r.nearDuplicate }] : []
    })
    return { items }
  }

  /**
   * The articles to compare, with their entities: computed once (NLP is slow), then stored. Those
   * not stored yet are computed in the worker threads side by side when there are workers.
   */
  private async articlesFor(ids: number[]): Promise<CompareInput[]> {
    if (new Set(ids).size !== ids.length) throw new ApiError('invalid_argument', 'compare: the same article is picked twice', 'ids')
    const articles = ids.map((id) => {
      const a = this.library.articles.get(id)
      if (!a) throw new ApiError('not_found', `There is no article #${id} in this library.`, 'ids')
      return { ...a, entities: this.library.articles.entities<Entity[]>(id, ENTITY_VERSION) ?? undefined }
    })
    await Promise.all(
      articles
        .filter((a) => !a.entities)
        .map(async (a) => {
          a.entities = this.entityWorker ? ((await this.entityWorker(a.text)) as Entity[]) : articleEntities(splitSentences(a.text))
          this.library.articles.storeEntities(a.id, ENTITY_VERSION, a.entities)
        })
    )
    return articles
  }

  async 'library.facets'(_args: Args<'library.facets'>): Promise<Result<'library.facets'>> {
    const facet = (col: string): { name: string; count: number }[] =>
      this.library.db
        .prepare(`SELECT ${col} AS name, count(*) AS count FROM articles WHERE ${col} IS NOT NULL GROUP BY ${col} ORDER BY count DESC, name LIMIT 500`)
        .all() as { name: string; count: number }[]
    return { outlets: facet('outlet'), languages: facet('language') }
  }
}

const DEFAULT_PREFERENCES: Preferences = { theme: 'system' }

/** Stored preferences over the defaults; a value this version does not understand is ignored. */
function readPreferences(db: Database.Database): Preferences {
  const out: Record<string, unknown> = { ...DEFAULT_PREFERENCES }
  for (const { key, value } of db.prepare('SELECT key, value FROM preferences').all() as { key: string; value: string }[]) {
    if (!(key in DEFAULT_PREFERENCES)) continue
    try {
      const candidate = { ...out, [key]: JSON.parse(value) as unknown }
      if (PreferencesSchema.safeParse(candidate).success) out[key] = candidate[key]
    } catch {
      // A damaged value: the default stands.
    }
  }
  return out as Preferences
}
