/**
 * Compare coverage: 2 to 6 articles about one story, side by side. Pure functions over texts;
 * the service feeds them articles from the library.
 */
import type { Comparison } from '../../../shared/contract'
import { alignPair, groupLinks, type Link } from './align'
import { extractEntities, mayName, type Entity } from './entities'
import { wordDiff, type DiffPart } from './fold'
export type { Entity }
import { buildOverview } from './overview'
import { findQuotes } from './quotes'
import { splitSentences, type Sentence } from './sentences'
import { cosine, sameText, terms, vectorize } from './similarity'

export interface CompareInput {
  id: number
  title: string
  outlet: string | null
  publishedAt: string | null
  url?: string | null
  text: string
  /** The article's names, numbers and dates when already known (stored after a first comparison). */
  entities?: Entity[]
}

type Part = DiffPart
export { wordDiff }

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length

export function compareArticles(inputs: CompareInput[]): Comparison {
  const sentences = inputs.map((a) => splitSentences(a.text))
  const flat = sentences.flat()
  const vectors = vectorize(flat.map((s) => terms(s.text)))
  const vecs: ReturnType<typeof vectorize>[] = []
  let k = 0
  for (const ss of sentences) {
    vecs.push(vectors.slice(k, k + ss.length))
    k += ss.length
  }

  // Pairwise alignment.
  const links: Link[] = []
  for (let a = 0; a < inputs.length; a++) {
    for (let b = a + 1; b < inputs.length; b++) {
      for (const l of alignPair(vecs[a]!, vecs[b]!)) links.push({ ...l, a, b })
    }
  }
  const groups = groupLinks(
    sentences.map((s) => s.length),
    links
  )
  const text = (a: number, idx: number[]): string => idx.map((i) => sentences[a]![i]!.text).join(' ')
  const pairs = links.map((l) => {
    const ta = text(l.a, l.sentencesA)
    const tb = text(l.b, l.sentencesB)
    const same = sameText(ta, tb)
    return { a: l.a, b: l.b, sentencesA: l.sentencesA, sentencesB: l.sentencesB, similarity: Math.round(l.similarity * 1000) / 1000, alignment: same ? ('same' as const) : ('reworded' as const), diff: same ? [] : wordDiff(ta, tb) }
  })

  // Per sentence: its best class over all counterparts; per article: what it shares, adds, leaves out.
  const counterpart = (a: number, i: number, other: number): (typeof pairs)[number] | undefined =>
    pairs.find((p) => (p.a === a && p.b === other && p.sentencesA.includes(i)) || (p.b === a && p.a === other && p.sentencesB.includes(i)))
  const articles = inputs.map((inp, a) => {
    const ss = sentences[a]!
    const alignment = ss.map((s) => {
      const mine = pairs.filter((p) => (p.a === a && p.sentencesA.includes(s.index)) || (p.b === a && p.sentencesB.includes(s.index)))
      return mine.some((p) => p.alignment === 'same') ? ('same' as const) : mine.length ? ('reworded' as const) : ('only' as const)
    })
    const total = ss.reduce((n, s) => n + words(s.text), 0) || 1
    return {
      id: inp.id,
      title: inp.title,
      outlet: inp.outlet,
      publishedAt: inp.publishedAt,
      url: inp.url ?? null,
      words: total,
      sentences: ss.map((s, i) => ({ index: s.index, paragraph: s.paragraph, text: s.text, alignment: alignment[i]!, group: groups[a]![i]! < 0 ? null : groups[a]![i]! })),
      sharedWith: inputs.map((_, o) => (o === a ? 1 : Math.round((ss.filter((s) => counterpart(a, s.index, o)).reduce((n, s) => n + words(s.text), 0) / total) * 1000) / 1000)),
      adds: alignment.filter((c) => c === 'only').length,
      leavesOut: inputs.map((_, o) => (o === a ? 0 : sentences[o]!.filter((s) => !counterpart(o, s.index, a)).length))
    }
  })

  const core = {
    articles,
    pairs,
    groups: Math.max(-1, ...groups.flat()) + 1,
    quotes: quoteTable(sentences),
    ...entityTables(
      sentences,
      pairs,
      inputs.map((inp, a) => inp.entities ?? articleEntities(sentences[a]!))
    )
  }
  return { ...core, overview: buildOverview(core) }
}

function quoteTable(sentences: Sentence[][]): Comparison['quotes'] {
  const found = sentences.map((ss) => findQuotes(ss))
  const all = found.flatMap((qs, article) => qs.map((q) => ({ ...q, article, terms: terms(q.text) })))
  const vectors = vectorize(all.map((q) => q.terms))
  const rows: Comparison['quotes'] = []
  const used = new Set<number>()
  all.forEach((q, i) => {
    if (used.has(i)) return
    used.add(i)
    const carriers = [{ article: q.article, sentence: q.sentence, text: q.text, speaker: q.speaker, verbatim: true, diff: [] as Part[] }]
    all.forEach((o, j) => {
      if (used.has(j) || o.article === q.article || carriers.some((c) => c.article === o.article)) return
      const verbatim = sameText(q.text, o.text)
      if (!verbatim && cosine(vectors[i]!, vectors[j]!) < 0.5) return
      used.add(j)
      carriers.push({ article: o.article, sentence: o.sentence, text: o.text, speaker: o.speaker, verbatim, diff: verbatim ? [] : wordDiff(q.text, o.text) })
    })
    rows.push({ text: q.text, carriers })
  })
  // Quotes several articles carry first, then by first appearance.
  return rows.sort((x, y) => y.carriers.length - x.carriers.length)
}

/**
 * One entity pass per article (NLP is the costly part), then plain text matching: how often each
 * article mentions each entity, and which entities one side of an aligned pair has and the other lacks.
 */
/** An article's entities, by the NLP pass (the costly part of a comparison; the service stores the result). */
export function articleEntities(sentences: Sentence[]): Entity[] {
  const texts = sentences.map((s) => s.text)
  return extractEntities(texts.join('\n'), texts.filter(mayName).join('\n'))
}

const PRONOUNS = /\b(?:he|she|him|her|his|hers|they|them|their|the (?:president|senator|speaker|governor|mayor|leader|minister|secretary|chairman|chairwoman|congressman|congresswoman|lawmaker|official|spokesman|spokeswoman|company|group|organization|agency|department|administration))\b/i

/** Whether a text refers to a person by pronoun or post (he, the president) where the other side names them. */
function refersToSomeone(text: string, own: Entity[], name: string): boolean {
  const person = own.every((e) => e.text !== name || e.kind !== 'place')
  return person && PRONOUNS.test(text)
}

function entityTables(sentences: Sentence[][], pairs: Comparison['pairs'], perArticle: Entity[][]): Pick<Comparison, 'entities' | 'changes'> {
  // Every surface form is kept ("three years", "three-year"); forms with one key count as one entity.
  const forms = new Map<string, Entity>()
  for (const list of perArticle) for (const e of list) forms.set(`${e.key}|${e.text}`, e)
  const entities = [...forms.values()]
  const patterns = new Map(entities.map((e) => [e, new RegExp(`(?<![\\p{L}\\p{N}])${e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu')]))
  const mentions = (text: string, e: Entity): number => text.match(patterns.get(e)!)?.length ?? 0
  const texts = sentences.map((ss) => ss.map((s) => s.text).join('\n'))
  const byKey = new Map<string, { kind: Entity['kind']; text: string; counts: number[] }>()
  for (const e of entities) {
    const row = byKey.get(e.key) ?? { kind: e.kind, text: e.text, counts: texts.map(() => 0) }
    texts.forEach((t, a) => (row.counts[a]! += mentions(t, e)))
    byKey.set(e.key, row)
  }
  const rows = [...byKey.values()]
    .filter((r) => r.counts.some((n) => n > 0))
    .sort((x, y) => y.counts.filter(Boolean).length - x.counts.filter(Boolean).length || x.text.localeCompare(y.text))

  // Inside aligned sentences: a name, number or date one side has and the other lacks.
  const changes: Comparison['changes'] = []
  const groupOf = (k: Entity['kind']): 'name' | 'number' | 'date' => (k === 'number' ? 'number' : k === 'date' ? 'date' : 'name')
  for (const p of pairs) {
    if (p.alignment === 'same') continue
    const ta = p.sentencesA.map((i) => sentences[p.a]![i]!.text).join(' ')
    const tb = p.sentencesB.map((i) => sentences[p.b]![i]!.text).join(' ')
    const inText = (t: string): Entity[] => entities.filter((e) => mentions(t, e) > 0)
    const ea = inText(ta)
    const eb = inText(tb)
    for (const kind of ['name', 'number', 'date'] as const) {
      const ka = ea.filter((e) => groupOf(e.kind) === kind)
      const kb = eb.filter((e) => groupOf(e.kind) === kind)
      // A name inside a longer name on the other side ("Digital" in "Fox News Digital") is not a drop of it.
      const missing = (xs: Entity[], ys: Entity[]): string[] =>
        xs
          .filter((x) => !ys.some((y) => y.key === x.key || (kind !== 'number' && (y.text.toLowerCase().includes(x.text.toLowerCase()) || x.text.toLowerCase().includes(y.text.toLowerCase())))))
          .map((x) => x.text)
      // Within one side, a name that is part of a longer one found there is not reported on its own.
      const outer = (xs: string[]): string[] => xs.filter((x) => !xs.some((y) => y !== x && y.includes(x)))
      // `he said` against `Trump said` is the same person referred to, not a changed name.
      const inA = outer(missing(ka, kb)).filter((x) => kind !== 'name' || !refersToSomeone(tb, ea, x))
      const inB = outer(missing(kb, ka)).filter((x) => kind !== 'name' || !refersToSomeone(ta, eb, x))
      if (inA.length || inB.length) changes.push({ kind, a: p.a, sentenceA: p.sentencesA[0]!, b: p.b, sentenceB: p.sentencesB[0]!, inA, inB, textA: ta, textB: tb })
    }
  }
  changes.sort((x, y) => x.a - y.a || x.sentenceA - y.sentenceA || x.b - y.b || x.sentenceB - y.sentenceB)
  return { entities: rows, changes }
}
