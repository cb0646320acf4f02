/**
 * A generated library of stories for the stories tests: invented story words (no real text), each
 * story's articles published within a week of its start, stories starting two days apart (so the
 * date window alone never tells them apart), some articles undated. Deterministic for a seed.
 */
const SYLLABLES = ['kor', 'vel', 'mab', 'tin', 'rus', 'pla', 'dok', 'sen', 'gar', 'lum', 'fey', 'bro', 'quin', 'zal', 'hud', 'nep']
const FILLER = ['city', 'officials', 'said', 'week', 'plan', 'report', 'people', 'local', 'council', 'members', 'agreed', 'month', 'new', 'group', 'later', 'public', 'meeting', 'expected', 'statement', 'residents', 'morning', 'announced', 'years', 'region']

/** A small seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface StoryArticle {
  story: number
  name: string
  text: string
  date: string | null
}

const storyWords = (s: number): string[] =>
  Array.from({ length: 8 }, (_, k) => `${SYLLABLES[(s * 3 + k) % 16]}${SYLLABLES[(s * 7 + k * 5 + 1) % 16]}${SYLLABLES[(s + k * 11 + 3) % 16]}${s}`)

export const storyDay = (s: number, offset = 0): string => new Date(Date.UTC(2025, 0, 1) + (s * 2 + offset) * 86_400_000).toISOString().slice(0, 10)

/**
 * `perStory` articles for each of `stories` stories, shuffled; about one in seven undated. A story's
 * articles share its words (their links are certain, whatever else the library holds) and are
 * spread over a week, so the three-day window makes a chain of them: removing or re-dating the
 * article in the middle can split a story.
 */
export function storyLibrary(seed: number, stories: number, perStory: number): StoryArticle[] {
  const rnd = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const out: StoryArticle[] = []
  for (let s = 0; s < stories; s++) {
    const words = storyWords(s)
    for (let j = 0; j < perStory; j++) {
      const sentence = (): string => Array.from({ length: 10 }, (_, k) => (k % 2 === 0 ? pick(words) : pick(FILLER))).join(' ')
      const title = `${pick(words)} ${pick(FILLER)} ${pick(words)} ${pick(FILLER)}`
      const date = rnd() < 0.15 ? null : storyDay(s, Math.floor(rnd() * 7))
      const dateline = date ? `\n\n${date} — Outlet ${j}` : ''
      out.push({ story: s, name: `s${s}-${j}.txt`, date, text: `${title[0]!.toUpperCase()}${title.slice(1)}${dateline}\n\n${sentence()}. ${sentence()}. ${sentence()}.` })
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(rnd() * (i + 1))
    ;[out[i], out[k]] = [out[k]!, out[i]!]
  }
  return out
}

/** What the pairwise rule reads of an article. */
export interface PairwiseArticle {
  id: number
  words: Set<string>
  day: number | null
}

/**
 * A stand-in for the search index's story links with no library-wide statistics (the index's idf
 * moves as articles arrive, so its scores near a threshold drift): links by the Jaccard similarity
 * of two articles' words alone, with the story rules' shape (dated: every dated one within three days
 * at least `threshold`; undated: the one best, at least `strong`). Each article names every
 * article that shares a word as affected, so an incremental grouping must equal a full one exactly.
 */
export function pairwiseLinks(all: PairwiseArticle[], id: number, threshold = 0.3, strong = 0.45): { id: number; targets: number[]; affects: number[] } {
  const me = all.find((a) => a.id === id)!
  const jaccard = (o: PairwiseArticle): number => {
    let both = 0
    for (const w of o.words) if (me.words.has(w)) both++
    return both / (me.words.size + o.words.size - both || 1)
  }
  const scored = all.filter((o) => o.id !== id).map((o) => ({ o, j: jaccard(o) }))
  const ranked = scored
    .filter(({ o }) => me.day === null || o.day === null || Math.abs(o.day - me.day) <= 3)
    .sort((a, b) => b.j - a.j || a.o.id - b.o.id)
  const targets =
    me.day === null
      ? ranked.slice(0, 1).filter((r) => r.j >= strong)
      : ranked.filter((r) => r.j >= threshold && r.o.day !== null)
  return { id, targets: targets.map((r) => r.o.id), affects: scored.filter((r) => r.j > 0).map((r) => r.o.id) }
}
