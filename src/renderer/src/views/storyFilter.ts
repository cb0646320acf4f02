/** Which stories the Stories view shows: words, an outlet, a date range, and dated or undated. */
import type { Result } from '../../../shared/contract'

export type Story = Result<'stories.list'>['items'][number]

export interface StoryFilter {
  words: string
  outlet: string
  from: string
  to: string
  /** Undated stories (no dated article) are listed apart: there is no date to place them by. */
  undated: boolean
}

export const NO_FILTER: StoryFilter = { words: '', outlet: '', from: '', to: '', undated: false }

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/** Every word must appear in the story's title, or an article's title or outlet. */
function matchesWords(s: Story, words: string[]): boolean {
  if (words.length === 0) return true
  const hay = fold([s.title, ...s.articles.flatMap((a) => [a.title, a.outlet ?? ''])].join('\n'))
  return words.every((w) => hay.includes(w))
}

export function filterStories(items: Story[], f: StoryFilter): Story[] {
  const words = fold(f.words).split(/\s+/).filter(Boolean)
  return items.filter(
    (s) =>
      (s.from === null) === f.undated &&
      (!f.outlet || s.outlets.includes(f.outlet)) &&
      (!f.from || (s.to ?? '') >= f.from) &&
      (!f.to || (s.from ?? '') <= f.to) &&
      matchesWords(s, words)
  )
}

export function outletsOf(items: Story[]): string[] {
  return [...new Set(items.flatMap((s) => s.outlets))].sort((a, b) => a.localeCompare(b))
}
