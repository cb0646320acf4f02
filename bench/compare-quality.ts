/**
 * The compare engine's quality on hand-labelled coverage texts: speaker accuracy on the quotes of
 * tests/fixtures/compare/coverage-speakers.tsv, names/numbers precision on the sentences of
 * coverage-entities.tsv. The labels name texts in ../shared/corpus/coverage and hold no text of
 * their own; the texts are read from the corpus, which must be present (a clear error otherwise).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { articleEntities } from '../src/main/core/compare'
import { findQuotes } from '../src/main/core/compare/quotes'
import { splitSentences } from '../src/main/core/compare/sentences'
import { parsePlainText } from '../src/main/core/importers/text'

/** The labels beside the sources (bench/, when run by vitest) or the bundle (out/main/). */
export const LABELS = [resolve(__dirname, '../tests/fixtures/compare'), resolve(__dirname, '../../tests/fixtures/compare')].find((d) => existsSync(join(d, 'coverage-speakers.tsv'))) ?? resolve(__dirname, '../tests/fixtures/compare')

export function requireCoverage(dir: string): string {
  if (!existsSync(dir)) throw new Error(`The coverage corpus is missing: ${dir} (../shared/corpus/coverage beside the project); the quality figures need it`)
  return dir
}

function rows(file: string): string[][] {
  return readFileSync(join(LABELS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'))
}

/** Letters and digits only, lower case: how labels and engine output are matched. */
const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const surname = (name: string): string => norm(name).split(' ').at(-1) ?? ''

/** A speaker found is right when it names the same people (by surname) as the label, no more, no fewer. */
export function sameSpeaker(label: string | null, found: string | null): boolean {
  if (label === null || found === null) return label === found
  const want = label.split(/\s+and\s+/).map(surname)
  const got = found.split(/\s+and\s+|,\s*/).map(surname)
  return want.length === got.length && want.every((w) => got.includes(w))
}

const sentencesCache = new Map<string, ReturnType<typeof splitSentences>>()
function sentencesOf(corpus: string, file: string): ReturnType<typeof splitSentences> {
  if (!sentencesCache.has(file)) sentencesCache.set(file, splitSentences(parsePlainText(readFileSync(join(corpus, file), 'utf8')).text))
  return sentencesCache.get(file)!
}

export interface SpeakerMiss {
  file: string
  quote: string
  want: string | null
  got: string | null | undefined
}

/** `file`: the labels the rules were improved on (default), or the held-out ones labelled after. */
export function speakerAccuracy(corpus: string, file = 'coverage-speakers.tsv'): { total: number; right: number; misses: SpeakerMiss[] } {
  const labels = rows(file)
  const quotes = new Map<string, ReturnType<typeof findQuotes>>()
  const misses: SpeakerMiss[] = []
  for (const [file, start, speaker, nth] of labels) {
    if (!quotes.has(file!)) quotes.set(file!, findQuotes(sentencesOf(corpus, file!)))
    const q = quotes.get(file!)!.filter((x) => norm(x.text).startsWith(norm(start!)))[Number(nth ?? 1) - 1]
    const want = speaker === '-' ? null : speaker!
    if (!q || !sameSpeaker(want, q.speaker)) misses.push({ file: file!, quote: start!, want, got: q ? q.speaker : undefined })
  }
  return { total: labels.length, right: labels.length - misses.length, misses }
}

export interface EntityScore {
  sentences: number
  found: number
  right: number
  wrong: string[]
}

/**
 * Names and numbers in labelled sentences (file, the sentence's first words, the acceptable forms of
 * its names and numbers separated by `|`): a name or number found is right when it is one of them, whole.
 */
export function entityPrecision(corpus: string): EntityScore {
  const labels = rows('coverage-entities.tsv')
  const score: EntityScore = { sentences: labels.length, found: 0, right: 0, wrong: [] }
  for (const [file, start, list] of labels) {
    const s = sentencesOf(corpus, file!).find((x) => norm(x.text).startsWith(norm(start!)))
    if (!s) throw new Error(`labelled sentence not found: ${file}: ${start}`)
    const want = new Set((list ?? '').split('|').map(norm).filter(Boolean))
    const got = new Set(articleEntities([s]).filter((e) => e.kind !== 'date').map((e) => norm(e.text)))
    for (const g of got) {
      score.found++
      if (want.has(g)) score.right++
      else score.wrong.push(`${g} (${file}: ${start})`)
    }
  }
  return score
}
