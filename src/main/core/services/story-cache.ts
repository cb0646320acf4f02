/**
 * Stories kept between opens: grouped once, then extended as articles arrive (each new article's
 * related query joins it to a story, with the same rules as a full grouping); an edit or delete
 * regroups the library on the next open. So opening Stories after an import costs one related
 * query per new article, not one per article in the library.
 */
import type { EventHub } from '../events'
import type { SearchBackend } from '../search/service'
import type { Library } from '../store/library'

/** The same rules as search/related.ts `stories`: relative score, date window, strong undated match. */
const THRESHOLD = 0.45
const WINDOW_DAYS = 3
const STRONG_UNDATED = 0.7

const dayNumber = (iso: string): number => Math.floor(Date.parse(iso.slice(0, 10)) / 86_400_000)

export class StoryCache {
  private parent: Map<number, number> | null = null
  private running: Promise<number[][]> | null = null

  constructor(
    private readonly library: Library,
    private readonly search: SearchBackend,
    events: EventHub
  ) {
    events.subscribe((name, payload) => {
      // Imports only add articles (handled incrementally); anything else may move or remove one.
      if (name === 'library.changed' && ['delete', 'update', 'resync'].includes((payload as { reason: string }).reason)) this.parent = null
    })
  }

  /** The stories as lists of article ids (singletons included), one computation at a time. */
  groups(): Promise<number[][]> {
    const run = (this.running ?? Promise.resolve([])).catch(() => []).then(() => this.compute())
    this.running = run
    return run
  }

  private async compute(): Promise<number[][]> {
    const ids = this.library.articles.ids()
    let parent = this.parent
    if (!parent) {
      const groups = await this.search.stories()
      parent = new Map(groups.flatMap((g) => g.map((id) => [id, g[0]!] as const)))
      this.parent = parent
    }
    // An edit or delete meanwhile drops `this.parent`; this answer still uses the map it began with.
    const fresh = ids.filter((id) => !parent.has(id))
    for (const id of fresh) parent.set(id, id)
    await this.join(parent, fresh)
    return collect(parent, ids)
  }

  /** New articles joined to the stories their related query finds (dated first, so undated ones see them). */
  private async join(parent: Map<number, number>, fresh: number[]): Promise<void> {
    if (fresh.length === 0) return
    const dateOf = new Map(this.library.articles.summaries([...parent.keys()]).map((a) => [a.id, a.publishedAt]))
    const ordered = [...fresh].sort((a, b) => Number(!dateOf.get(a)) - Number(!dateOf.get(b)))
    for (const id of ordered) {
      const day = dateOf.get(id)
      const found = await this.search.related(id, day ? 5 : 1)
      for (const r of found) {
        const other = dateOf.get(r.id)
        // An undated article joins only its one strongest match, so it never chains two stories.
        const joins = day ? r.score >= THRESHOLD && !!other && Math.abs(dayNumber(other) - dayNumber(day)) <= WINDOW_DAYS : r.score >= STRONG_UNDATED
        if (joins && parent.has(r.id)) parent.set(find(parent, id), find(parent, r.id))
      }
    }
  }
}

function find(parent: Map<number, number>, x: number): number {
  let r = x
  while (parent.get(r) !== r) r = parent.get(r)!
  parent.set(x, r)
  return r
}

function collect(parent: Map<number, number>, ids: number[]): number[][] {
  const groups = new Map<number, number[]>()
  for (const id of ids) {
    const root = find(parent, id)
    const group = groups.get(root)
    if (group) group.push(id)
    else groups.set(root, [id])
  }
  return [...groups.values()]
}
