/**
 * Outlet names as one: `New York Times` and `The New York Times` are the same outlet (same key:
 * case, punctuation and a leading "The" ignored), and the user's alias list maps other spellings
 * (`NYT`, `nytimes.com`) to the name to store. The list is kept in the preferences table (one JSON
 * value), so it follows the library and needs no schema step.
 */
import { OutletAlias } from '../../../shared/contract'
import type { ArticleStore } from './articles'
import type { Connection } from './connection'

const PREFERENCE_KEY = 'outlet_aliases'

/** The identity of an outlet's name: "The New-York Times" and "new york times" share one. */
export function outletKey(name: string): string {
  const k = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:the|die|der|das|le|la|les|el|il)\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
  return k || name.trim().toLowerCase()
}

/** The outlet names in use and the user's alias list. */
export class OutletStore {
  /**
   * Each outlet key's stored spelling (the most used), kept in memory so an import call does not
   * scan the library for it (that grew with the library); built on first use, kept up to date
   * as articles arrive, and dropped when an edit, a delete or an unusual insert could change it.
   */
  private spellings: Map<string, string> | null = null

  constructor(
    private readonly db: Connection,
    private readonly articles: ArticleStore
  ) {
    articles.watchOutlets({ stored: (name) => this.stored(name), changed: () => (this.spellings = null) })
  }

  /** An article was stored with this outlet. */
  private stored(name: string): void {
    if (!this.spellings) return
    const key = outletKey(name)
    const known = this.spellings.get(key)
    if (known === undefined) this.spellings.set(key, name)
    // Another spelling of a known outlet (an archive restored, say) may now be the most used one.
    else if (known !== name) this.spellings = null
  }

  private spellingsInUse(): Map<string, string> {
    if (this.spellings) return this.spellings
    const byKey = new Map<string, string>()
    for (const { outlet } of this.inUse()) if (!byKey.has(outletKey(outlet))) byKey.set(outletKey(outlet), outlet)
    return (this.spellings = byKey)
  }

  aliases(): OutletAlias[] {
    const raw = this.db.prepare('SELECT value FROM preferences WHERE key = ?').pluck().get(PREFERENCE_KEY) as string | undefined
    if (raw === undefined) return []
    try {
      const parsed = OutletAlias.array().safeParse(JSON.parse(raw))
      return parsed.success ? parsed.data : []
    } catch {
      return [] // a damaged value: no aliases rather than no library
    }
  }

  /** The library's outlet names with their article counts, most used first. */
  inUse(): { outlet: string; n: number }[] {
    return this.db.prepare('SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet').all() as { outlet: string; n: number }[]
  }

  /** A resolver for one import batch (the stored alias list unless another is given). */
  resolver(aliases?: OutletAlias[]): OutletResolver {
    return new OutletResolver(() => aliases ?? this.aliases(), () => this.spellingsInUse())
  }

  /**
   * Stores the alias list and renames the library's articles to the names it and the key rule
   * give, in one transaction; returns how many articles changed (each goes back to search's queue).
   */
  setAliases(aliases: OutletAlias[]): number {
    const ids = this.db.prepare('SELECT id FROM articles WHERE outlet = ?').pluck()
    return this.db.transaction(() => {
      this.db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(PREFERENCE_KEY, JSON.stringify(aliases))
      const resolver = this.resolver(aliases)
      let renamed = 0
      for (const { outlet } of this.inUse()) {
        const target = resolver.resolve(outlet)
        if (target === null || target === outlet) continue
        for (const id of ids.all(outlet) as number[]) if (this.articles.update(id, { outlet: target })) renamed++
      }
      return renamed
    })()
  }
}

/**
 * Gives each incoming outlet name the name to store: the alias list's target, else the spelling
 * the library already uses for the same key (its most used one), else the name as it came.
 * Built once per import batch from the spellings the store keeps in memory, then lookups.
 */
export class OutletResolver {
  /** Filled on the first outlet to resolve: a batch without outlets never scans the library. */
  private byKey: Map<string, string> | null = null

  constructor(
    private readonly aliases: () => OutletAlias[],
    /** Each key's spelling in the library (its most used). */
    private readonly inUse: () => ReadonlyMap<string, string>
  ) {}

  private names(): Map<string, string> {
    if (this.byKey) return this.byKey
    const byKey = new Map<string, string>()
    const aliases = this.aliases()
    for (const a of aliases) byKey.set(outletKey(a.alias), a.outlet)
    for (const a of aliases) if (!byKey.has(outletKey(a.outlet))) byKey.set(outletKey(a.outlet), a.outlet)
    for (const [key, outlet] of this.inUse()) if (!byKey.has(key)) byKey.set(key, outlet)
    return (this.byKey = byKey)
  }

  resolve(name: string | null): string | null {
    if (name === null) return null
    const key = outletKey(name)
    const byKey = this.names()
    const known = byKey.get(key)
    if (known !== undefined) return known
    byKey.set(key, name)
    return name
  }
}
