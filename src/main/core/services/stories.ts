/** Stories (the library grouped by what it covers) and related coverage of one article. */
import type { Result } from '../../../shared/contract'
import type { ApiPart, CoreContext } from './context'
import { noArticle } from './context'
import type { StoryKeeper } from './story-keeper'

export type StoryMethods = 'stories.list' | 'articles.related'

type Story = Result<'stories.list'>['items'][number]

/**
 * Below this share of the article's own score, a match shares a word or two, not a story. On the
 * coverage corpus's short lead excerpts (bench stories) 0.15 against 0.25: recall@1 83.4% against
 * 79.1%, empty 4.2% against 11.2%; every item still says which words it shares, and the
 * comparison's "not the same story" warning lists each related article once (alternatives.ts).
 */
const RELATED_MIN_SCORE = 0.15

/**
 * Past this many articles waiting to be linked, Stories answers from the stories stored so far and
 * says how many are still being linked (the keeper goes on): after a bulk import of a million
 * articles linking them all takes about an hour, and a few hundred take a couple of seconds.
 */
const ANSWER_NOW_PENDING = 1000

type Member = Story['articles'][number]

/** ISO dates compare as plain strings (localeCompare costs more than the rest of a 50,000-article list). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** One story from its articles (fresh objects, read in one batch beforehand; sorted in place): newest first, its dates and outlets. */
function story(articles: Member[]): Story {
  articles.sort((x, y) => byText(y.publishedAt ?? '', x.publishedAt ?? ''))
  // Newest first, undated last: the first and the last dated article give the story's dates.
  const dated = articles.filter((a) => a.publishedAt)
  const outlets = new Set<string>()
  for (const a of articles) if (a.outlet) outlets.add(a.outlet)
  return {
    title: articles[0]!.title,
    from: dated.at(-1)?.publishedAt!.slice(0, 10) ?? null,
    to: dated[0]?.publishedAt!.slice(0, 10) ?? null,
    outlets: [...outlets],
    articles
  }
}

export function storyService({ library, search }: CoreContext, keeper: StoryKeeper): ApiPart<StoryMethods> {
  const { articles } = library

  /** Stories of two or more, as stored. */
  function stored(): Member[][] {
    const byStory = new Map<number, Member[]>()
    for (const m of library.stories.members()) {
      const member = { id: m.id, title: m.title, outlet: m.outlet, publishedAt: m.published_at }
      const group = byStory.get(m.story)
      if (group) group.push(member)
      else byStory.set(m.story, [member])
    }
    return [...byStory.values()]
  }

  /** A read-only library whose stories are not up to date: grouped from scratch, in memory. */
  async function fromScratch(): Promise<Member[][]> {
    const groups = (await search.stories()).filter((g) => g.length > 1)
    const byId = new Map(articles.summaries(groups.flat()).map((a) => [a.id, a]))
    return groups.map((ids) => ids.flatMap((id) => byId.get(id) ?? []).map((a) => ({ id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt })))
  }

  return {
    async 'stories.list'(args) {
      const pending = library.stories.pendingCount()
      let linking = 0
      let groups: Member[][]
      if (library.readOnly && pending > 0) groups = await fromScratch()
      else if (keeper.background && pending > ANSWER_NOW_PENDING) {
        // Answer now; the keeper links the rest meanwhile (a failure there is logged by it, not this call's).
        keeper.settle().catch(() => undefined)
        linking = pending
        groups = stored()
      } else {
        await keeper.settle()
        groups = stored()
      }
      const items = groups.filter((members) => members.length > 1).map(story)
      items.sort((x, y) => byText(y.to ?? '', x.to ?? '') || y.articles.length - x.articles.length)
      return { items: args.limit ? items.slice(0, args.limit) : items, ...(linking ? { linking } : {}) }
    },

    async 'articles.related'(args) {
      const limit = args.limit ?? 10
      const article = articles.get(args.id)
      if (!article) throw noArticle(args.id)
      // Near-duplicates first (the same wire story), then the same story told differently.
      const hits = await search.related(args.id, limit)
      const termsOf = new Map(hits.map((r) => [r.id, r.terms]))
      const near = article.nearDuplicates.map((d) => ({ id: d.id, score: d.similarity, nearDuplicate: true, terms: termsOf.get(d.id) ?? [] }))
      const found = hits.filter((r) => r.score >= RELATED_MIN_SCORE && !near.some((n) => n.id === r.id))
      const ranked = [...near, ...found.map((r) => ({ ...r, nearDuplicate: false }))].slice(0, limit)
      const byId = new Map(articles.summaries(ranked.map((r) => r.id)).map((a) => [a.id, a]))
      const items = ranked.flatMap((r) => {
        const a = byId.get(r.id)
        return a ? [{ id: a.id, title: a.title, outlet: a.outlet, publishedAt: a.publishedAt, score: r.score, nearDuplicate: r.nearDuplicate, terms: r.terms }] : []
      })
      return { items }
    }
  }
}
