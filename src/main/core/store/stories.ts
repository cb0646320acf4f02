/**
 * Stories kept in the library (migration 11): each article's story out-links, the story every
 * linked article belongs to (a connected component, named by its smallest article id), and the
 * articles marked by triggers for their links or story to be computed again. The links come from
 * the search index (search/story-links.ts); this repository stores them and keeps membership true.
 */
import type { Connection, Statement } from './connection'

/**
 * An article whose story must be brought up to date: `changed` (new or edited: its links computed
 * again and the articles it may now enter checked), `relink` (its links computed again), or only its story.
 */
export interface StoryPending {
  seq: number
  id: number
  relink: boolean
  changed: boolean
}

/** An article's new out-links. */
export interface StoryLinkUpdate {
  id: number
  targets: readonly number[]
}

/** One member of a story of two or more, with what a story list shows of it. */
export interface StoryMemberRow {
  story: number
  id: number
  title: string
  outlet: string | null
  published_at: string | null
}

export class StoryStore {
  private readonly stmt: Record<'pending' | 'pendingCount' | 'lastMark' | 'done' | 'recheck' | 'targets' | 'unlink' | 'link' | 'neighbours' | 'exists' | 'leave' | 'join' | 'members', Statement>

  constructor(private readonly db: Connection) {
    this.stmt = {
      pending: db.prepare('SELECT seq, article_id AS id, relink FROM story_pending ORDER BY seq LIMIT ?'),
      pendingCount: db.prepare('SELECT count(*) FROM story_pending').pluck(),
      lastMark: db.prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'story_pending'), 0)").pluck(),
      done: db.prepare('DELETE FROM story_pending WHERE seq = ?'),
      recheck: db.prepare('INSERT INTO story_pending (article_id, relink) VALUES (?, 1) ON CONFLICT (article_id) DO UPDATE SET relink = max(relink, 1)'),
      targets: db.prepare('SELECT target FROM story_links WHERE source = ?').pluck(),
      unlink: db.prepare('DELETE FROM story_links WHERE source = ?'),
      // Only between articles that still exist: either may have been deleted since its links were computed.
      link: db.prepare(`INSERT OR IGNORE INTO story_links (source, target) SELECT @source, @target
        WHERE @source <> @target AND EXISTS (SELECT 1 FROM articles WHERE id = @source) AND EXISTS (SELECT 1 FROM articles WHERE id = @target)`),
      neighbours: db.prepare('SELECT target FROM story_links WHERE source = @id UNION SELECT source FROM story_links WHERE target = @id').pluck(),
      exists: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
      leave: db.prepare('DELETE FROM story_members WHERE article_id = ?'),
      join: db.prepare('INSERT INTO story_members (article_id, story) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET story = excluded.story'),
      members: db.prepare('SELECT m.story, a.id, a.title, a.outlet, a.published_at FROM story_members m JOIN articles a ON a.id = m.article_id')
    }
  }

  /** The oldest marks first. */
  pending(limit: number): StoryPending[] {
    return (this.stmt.pending.all(limit) as { seq: number; id: number; relink: number }[]).map((r) => ({ seq: r.seq, id: r.id, relink: r.relink >= 1, changed: r.relink === 2 }))
  }

  pendingCount(): number {
    return this.stmt.pendingCount.get() as number
  }

  /** The seq of the newest mark ever made: every article marked up to it had been stored by then. */
  lastMark(): number {
    return this.stmt.lastMark.get() as number
  }

  /**
   * In one transaction: replaces the given articles' out-links, clears the marks that were worked
   * on (a mark renewed meanwhile has a new seq and stays), marks `recheck` for their links to be
   * computed again, and recomputes the stories of every article whose links changed. Costs the
   * size of the stories touched, not of the library.
   */
  apply(updates: readonly StoryLinkUpdate[], done: readonly StoryPending[], recheck: readonly number[] = []): void {
    this.db.transaction(() => {
      const touched = new Set<number>()
      for (const u of updates) {
        for (const t of this.stmt.targets.all(u.id) as number[]) touched.add(t)
        this.stmt.unlink.run(u.id)
        for (const target of u.targets) this.stmt.link.run({ source: u.id, target })
        touched.add(u.id)
        for (const t of u.targets) touched.add(t)
      }
      for (const p of done) {
        this.stmt.done.run(p.seq)
        touched.add(p.id)
      }
      for (const id of recheck) if (this.stmt.exists.get(id)) this.stmt.recheck.run(id)
      this.regroup(touched)
    }).immediate()
  }

  /** Every member of a story of two or more. */
  members(): StoryMemberRow[] {
    return this.stmt.members.all() as StoryMemberRow[]
  }

  /** The story of each touched article, walked over the links: every part a change split off holds a touched article. */
  private regroup(touched: Set<number>): void {
    const seen = new Set<number>()
    for (const start of touched) {
      if (seen.has(start) || !this.stmt.exists.get(start)) continue
      seen.add(start)
      const story = [start]
      for (let i = 0; i < story.length; i++) {
        for (const n of this.stmt.neighbours.all({ id: story[i] }) as number[]) {
          if (seen.has(n)) continue
          seen.add(n)
          story.push(n)
        }
      }
      if (story.length === 1) this.stmt.leave.run(start)
      else {
        const id = story.reduce((a, b) => Math.min(a, b))
        for (const member of story) this.stmt.join.run(member, id)
      }
    }
  }
}
