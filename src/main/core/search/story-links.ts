/**
 * Stories as a graph the library can keep: each article's out-links are what its own
 * related-coverage query finds under the story rules, and a story is a connected component of
 * all out-links. An article's out-links depend only on the index (not on which articles were
 * grouped first), so the library stores them and updates only the articles a change touches
 * (services/story-keeper.ts); `stories` below is the same rules applied to every article at once.
 */
import { related, type RelatedSource } from './related'

/** The story rules, tuned on the coverage corpus (bench stories). */
export const STORY_RULES = {
  /** A dated article links to dated matches at least this close (relative score)... */
  threshold: 0.45,
  /** ...published within this many days of it... */
  windowDays: 3,
  /** ...among its best this many. */
  candidates: 5,
  /** An undated article links to its one best match, only at least this close: there is no date to confirm it. */
  strongUndated: 0.7,
  /**
   * A candidate this far from an article is not asked again when the article arrives or changes:
   * its own query would not find the article close enough either.
   */
  affects: 0.25,
  terms: 8
}

export interface OutLinks {
  id: number
  /** The articles it joins (at most one for an undated article, so it never chains two stories). */
  targets: number[]
  /**
   * Articles whose own out-links may now include this one (its candidates that could link to it):
   * when it is new or changed, their links are computed again.
   */
  affects: number[]
}

/** One article's out-links under the story rules. */
export function outLinks(src: RelatedSource, id: number, rules = STORY_RULES): OutLinks {
  const dated = !!src.publishedAt(id)
  const hits = related(src, id, rules.candidates, rules.windowDays, rules.terms)
  const targets = dated
    ? hits.filter((r) => r.score >= rules.threshold && src.publishedAt(r.id)).map((r) => r.id)
    : hits.slice(0, 1).filter((r) => r.score >= rules.strongUndated).map((r) => r.id)
  // A dated candidate links only to dated articles: an undated one cannot enter its links.
  const affects = hits.filter((r) => r.score >= rules.affects && (dated || !src.publishedAt(r.id))).map((r) => r.id)
  return { id, targets, affects }
}

/** Connected components of the links (every article given, singletons included). */
export function components(ids: readonly number[], links: readonly OutLinks[]): number[][] {
  const parent = new Map(ids.map((i) => [i, i]))
  const find = (x: number): number => {
    let r = x
    while (parent.get(r) !== r) r = parent.get(r)!
    parent.set(x, r)
    return r
  }
  for (const l of links) for (const t of l.targets) if (parent.has(t) && parent.has(l.id)) parent.set(find(l.id), find(t))
  const groups = new Map<number, number[]>()
  for (const id of ids) {
    const root = find(id)
    const group = groups.get(root)
    if (group) group.push(id)
    else groups.set(root, [id])
  }
  return [...groups.values()]
}

/**
 * The library grouped into stories from scratch: every article's out-links, then their components.
 * The reference the stored stories must equal; one related query per article.
 */
export function stories(src: RelatedSource, rules = STORY_RULES): number[][] {
  const ids = src.articleIds()
  return components(ids, ids.map((id) => outLinks(src, id, rules)))
}
