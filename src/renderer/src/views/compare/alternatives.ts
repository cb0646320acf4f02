/**
 * What the "not the same story" warning offers instead: each compared article's related coverage,
 * without the articles already compared, and each related article once, under the compared article
 * it is closest to (with a low minimum score the same article is related to several of them).
 */
import type { Result } from '../../../../shared/contract'

export type RelatedItem = Result<'articles.related'>['items'][number]

/** Per compared article (in order), at most `each` related articles to compare it with instead. */
export function alternatives(compared: readonly number[], related: readonly (readonly RelatedItem[])[], each = 3): RelatedItem[][] {
  const best = new Map<number, { at: number; score: number }>()
  related.forEach((items, at) => {
    for (const r of items) {
      if (compared.includes(r.id)) continue
      const known = best.get(r.id)
      if (!known || r.score > known.score) best.set(r.id, { at, score: r.score })
    }
  })
  return related.map((items, at) => items.filter((r) => best.get(r.id)?.at === at).slice(0, each))
}
