/**
 * A large generated library for the scale tests (issue 14): invented texts from a small word bank
 * (no corpus text; some 8,500 words, Zipf-distributed), 60-150 words each, six outlets, dates over seven years, and every fiftieth
 * group of three articles one story told by three outlets (shared sentences, each with its own
 * wording), so compare and related coverage have something to find. Written with plain SQL in
 * the store's schema, in transactions of 10,000: the triggers mark every article pending for the
 * search index and for stories, as an import would. Deterministic: article i is a function of i.
 */
import { Library } from '../../src/main/core/store/library'
import { random } from './story-library'

export const SCALE_OUTLETS = ['Daily Planet', 'Evening Post', 'Valley News', 'The Courier', 'Harbour Times', 'Metro Wire']
const WORDS = (
  'council budget harbour election railway school storm market museum court river festival clinic tariff orchard ' +
  'mayor minister village factory bridge airport hospital farmers teachers police library union strike vote ' +
  'report plan week month year people city town region county border coast valley mountain island forest ' +
  'water energy prices wages housing rents taxes roads trains buses ferry cargo port export import growth ' +
  'families children students workers officials residents visitors judges lawyers doctors nurses engineers ' +
  'opened closed agreed rejected announced delayed approved proposed expanded cut raised lowered promised ' +
  'new old local national public private small large early late quiet busy sudden gradual final first'
).split(' ')
/** Invented words after the common ones: some 8,500 words in all, most of them rare, as in news. */
const SYLLABLES = ['ka', 'lo', 'ven', 'dri', 'mo', 'tas', 'pel', 'ru', 'sin', 'gor', 'fa', 'bel', 'nu', 'tor', 'mi', 'da', 'shen', 'vo', 'lin', 'ard']
const VOCABULARY = [...WORDS, ...SYLLABLES.flatMap((a) => SYLLABLES.flatMap((b) => [`${a}${b}`, ...SYLLABLES.map((c) => `${a}${b}${c}`)]))]
/** Words that appear only in story articles, one set per story: what a search for a story finds. */
const STORY_SYLLABLES = ['kor', 'vel', 'mab', 'tin', 'rus', 'pla', 'dok', 'sen', 'gar', 'lum', 'fey', 'bro']
/** Story groups: articles i with i % STORY_EVERY < STORY_SIZE belong to story floor(i / STORY_EVERY). */
export const STORY_EVERY = 50
export const STORY_SIZE = 3
const DAY = 86_400_000

export interface ScaleArticle {
  title: string
  outlet: string
  publishedAt: string
  text: string
}

/** The invented name that only story s's articles hold (e.g. "korvelmab7"). */
export function storyName(s: number): string {
  const p = (k: number): string => STORY_SYLLABLES[(s * (k + 3) + k) % STORY_SYLLABLES.length]!
  return `${p(0)}${p(1)}${p(2)}${s}`
}

const sentence = (rnd: () => number, n: number): string => {
  // A word's rank drawn log-uniformly: frequency about 1/rank (Zipf), common words common, most words rare.
  const words = Array.from({ length: n }, () => VOCABULARY[Math.floor(VOCABULARY.length ** rnd()) - 1]!)
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`
}

/** Sentences of 8-14 words until at least `words` words. */
function paragraph(rnd: () => number, words: number): string {
  const out: string[] = []
  for (let n = 0; n < words; ) {
    const k = 8 + Math.floor(rnd() * 7)
    out.push(sentence(rnd, k))
    n += k
  }
  return out.join(' ')
}

/** Article i (1-based). */
export function scaleArticle(i: number): ScaleArticle {
  const rnd = random(i)
  const outlet = SCALE_OUTLETS[i % SCALE_OUTLETS.length]!
  const s = Math.floor(i / STORY_EVERY)
  if (i % STORY_EVERY < STORY_SIZE) return storyArticle(s, i, outlet, rnd)
  const day = (i * 7919) % 2557 // about seven years of days
  const publishedAt = new Date(Date.UTC(2019, 0, 1) + day * DAY).toISOString().slice(0, 10)
  const title = `${sentence(rnd, 5).slice(0, -1)} ${i}`
  return { title, outlet, publishedAt, text: `${paragraph(rnd, 30)}\n\n${paragraph(rnd, 30 + Math.floor(rnd() * 60))}` }
}

/** The story's shared paragraphs (from the story's own seed), and one paragraph of the outlet's own. */
function storyArticle(s: number, i: number, outlet: string, rnd: () => number): ScaleArticle {
  const shared = random(1_000_000 + s)
  const name = storyName(s)
  const lead = `${sentence(shared, 6).slice(0, -1)} in ${name}.`
  const body = paragraph(shared, 50)
  const publishedAt = new Date(Date.UTC(2019, 0, 1) + ((s * 13) % 2550) * DAY + (i % STORY_EVERY) * DAY).toISOString().slice(0, 10)
  const title = `${name[0]!.toUpperCase()}${name.slice(1)}: ${sentence(shared, 4).slice(0, -1).toLowerCase()}`
  return { title, outlet, publishedAt, text: `${lead} ${body}\n\n${paragraph(rnd, 15 + Math.floor(rnd() * 30))}` }
}

/** Writes articles 1..n into the library in `dir` (created if new); ids are 1..n in a fresh library. */
export function fillScaleLibrary(dir: string, n: number): void {
  const library = Library.open(dir)
  const db = Library.connection(library)
  const insert = db.prepare(`INSERT INTO articles (title, author, outlet, published_at, url, language, text, word_count, source_name, source_format, content_hash, imported_at)
    VALUES (?, ?, ?, ?, NULL, 'en', ?, ?, ?, 'txt', ?, ?)`)
  const pending = db.prepare('INSERT INTO search_docs (article_id, segment_id) VALUES (?, NULL)')
  try {
    for (let start = 1; start <= n; start += 10_000) {
      db.transaction(() => {
        for (let i = start; i <= Math.min(n, start + 9_999); i++) {
          const a = scaleArticle(i)
          const words = a.text.split(/\s+/).length
          const imported = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString()
          pending.run(insert.run(a.title, `Reporter ${i % 300}`, a.outlet, a.publishedAt, a.text, words, `a${i}.txt`, `scale-${i}`, imported).lastInsertRowid)
        }
      })()
    }
  } finally {
    library.close()
  }
}
