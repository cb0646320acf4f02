/**
 * `npm run bench -- stories`: related coverage quality on the coverage corpus (recall@1: the top
 * related article is from the same story; empty rate: no related article at all) beside a plain
 * TF-IDF cosine; the stories' pairwise precision and recall there, kept incrementally (imported in
 * calls of 50 as the UI does) beside grouped from scratch; then Stories kept in the library: the
 * update after 1,000 more articles arrive, and the first open after a restart at 3,000 articles
 * (coverage + BBC) and at 50,000 (synthetic). Bundled to out/main/bench-stories.js; in-process core.
 */
import { basename, dirname } from 'node:path'
import { walk } from './corpus'
import { openCore, type Core } from '../src/main/core/index'
import { cosine, terms, vectorize } from '../src/main/core/compare/similarity'
import { storiesAt50k } from './stories-synthetic'
import { ms, withLibrary } from './timing'

const [coverageDir, bbcDir] = process.argv.slice(2) as [string, string]

/** Article file -> its same-story group (the folder), from the corpus layout. */
const groupOf = (path: string): string => basename(dirname(path))

type Results = { name: string; articleId: number | null; status: string }[]

async function importPaths(core: Core, paths: string[]): Promise<Results> {
  return (await core.service['import.paths']({ jobId: 'bench', paths })).results
}

/** Pairwise precision and recall of a grouping against the known groups (articles outside `group` ignored). */
function pairwise(groups: number[][], group: Map<number, string>): { p: number; r: number } {
  let found = 0
  let right = 0
  for (const g of groups) {
    const known = g.filter((id) => group.has(id))
    for (let i = 0; i < known.length; i++) {
      for (let j = i + 1; j < known.length; j++) {
        found++
        if (group.get(known[i]!) === group.get(known[j]!)) right++
      }
    }
  }
  const sizes = new Map<string, number>()
  for (const g of group.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1)
  const truePairs = [...sizes.values()].reduce((n, k) => n + (k * (k - 1)) / 2, 0)
  return { p: right / (found || 1), r: right / (truePairs || 1) }
}

const storyIds = async (core: Core): Promise<number[][]> => (await core.service['stories.list']({})).items.map((s) => s.articles.map((a) => a.id))

async function coverageQuality(): Promise<void> {
  await withLibrary(async (lib) => {
    const core = openCore(lib)
    try {
      // The folder as a user picks it (metadata files read beside their articles), in calls of 50
      // sub-folders as the UI uploads, Stories kept up to date after each call.
      const folders = [...new Set(walk(coverageDir).map((p) => dirname(p)))]
      const results: Results = []
      const kept = await ms(async () => {
        for (let i = 0; i < folders.length; i += 50) {
          results.push(...(await importPaths(core, folders.slice(i, i + 50))))
          await core.service['stories.list']({})
        }
      })
      const group = new Map(results.filter((r) => r.articleId && r.status === 'imported').map((r) => [r.articleId!, groupOf(r.name)]))
      await relatedQuality(core, group)
      const incremental = pairwise(await storyIds(core), group)
      const scratch = pairwise(await core.service.search.stories(), group)
      const fmt = (x: { p: number; r: number }): string => `precision ${x.p.toFixed(2)}  recall ${x.r.toFixed(2)}`
      console.log(`stories on the same articles (pairwise, against the known groups):`)
      console.log(`  kept in the library (imported in ${Math.ceil(folders.length / 50)} calls)  ${fmt(incremental)}  (${(kept.ms / 1000).toFixed(1)} s with the imports)`)
      console.log(`  grouped from scratch                       ${fmt(scratch)}`)
    } finally {
      await core.close()
    }
  })
}

async function relatedQuality(core: Core, group: Map<number, string>): Promise<void> {
  let hit = 0
  let empty = 0
  const t = await ms(async () => {
    for (const id of group.keys()) {
      const { items } = await core.service['articles.related']({ id, limit: 5 })
      if (items.length === 0) empty++
      else if (group.get(items[0]!.id) === group.get(id)) hit++
    }
  })
  const n = group.size
  const cos = tfidfBaseline(core, [...group.keys()], group)
  console.log(`related coverage on ${n} coverage articles (${new Set(group.values()).size} same-story groups):`)
  console.log(`  parallax    recall@1 ${((hit / n) * 100).toFixed(1)}%  empty ${((empty / n) * 100).toFixed(1)}%  ${(t.ms / n).toFixed(1)} ms/article`)
  console.log(`  baseline    recall@1 ${((cos / n) * 100).toFixed(1)}%  (plain TF-IDF cosine over all texts, no date window, never empty)`)
}

/** The top article by TF-IDF cosine over the whole corpus, per article: how often it is the same story. */
function tfidfBaseline(core: Core, ids: number[], group: Map<number, string>): number {
  const texts = core.library.articles.texts(ids).map((a) => `${a.title}\n${a.text}`)
  const vectors = vectorize(texts.map(terms))
  let hit = 0
  for (let i = 0; i < ids.length; i++) {
    let best = -1
    let bestScore = -1
    for (let j = 0; j < ids.length; j++) {
      if (i === j) continue
      const s = cosine(vectors[i]!, vectors[j]!)
      if (s > bestScore) [best, bestScore] = [j, s]
    }
    if (best >= 0 && group.get(ids[best]!) === group.get(ids[i]!)) hit++
  }
  return hit
}

/** Stories at 3,000 articles: 2,000 grouped, 1,000 more arriving, then the first open after a restart. */
async function storiesAt3000(): Promise<void> {
  await withLibrary(async (lib) => {
    const coverage = walk(coverageDir)
    const bbc = walk(bbcDir).slice(0, 3000 - coverage.length)
    const base = [...coverage, ...bbc.slice(0, -1000)]
    let core = openCore(lib)
    await importPaths(core, base)
    const grouped = await ms(() => core.service['stories.list']({}))
    const added = await ms(() => importPaths(core, bbc.slice(-1000)))
    const update = await ms(() => core.service['stories.list']({}))
    const total = core.library.articles.count()
    const kept = (await storyIds(core)).map((g) => [...g].sort((a, b) => a - b).join()).sort()
    const scratch = (await core.service.search.stories()).filter((g) => g.length > 1).map((g) => [...g].sort((a, b) => a - b).join()).sort()
    const same = kept.filter((k) => scratch.includes(k)).length
    await core.close()
    core = openCore(lib)
    try {
      const first = await ms(() => core.service['stories.list']({}))
      const again = await ms(() => core.service['stories.list']({}))
      console.log(`stories at ${total} articles (coverage + BBC, ${first.value.items.length} stories of 2 or more):`)
      console.log(`  ${base.length} articles grouped (once, after import)   ${(grouped.ms / 1000).toFixed(1)} s`)
      console.log(`  1,000 more arrive: import ${(added.ms / 1000).toFixed(1)} s, stories brought up to date ${(update.ms / 1000).toFixed(1)} s (${(update.ms / 1000).toFixed(1)} ms per article; grouping all ${total} from scratch would take about ${((grouped.ms / base.length) * total / 1000).toFixed(1)} s)`)
      console.log(`  kept stories equal to a grouping from scratch: ${same} of ${kept.length} (${scratch.length} from scratch)`)
      console.log(`  first open after restart             ${first.ms.toFixed(0)} ms (CPU ${first.cpu.toFixed(0)} ms)  target ≤ 300 ms -> ${first.ms <= 300 ? 'met' : 'NOT met'}`)
      console.log(`  open again                           ${again.ms.toFixed(0)} ms (CPU ${again.cpu.toFixed(0)} ms)`)
    } finally {
      await core.close()
    }
  })
}

/** BENCH_STORIES_ONLY=coverage|3000|50000 runs one part. */
const only = process.env.BENCH_STORIES_ONLY
void (async () => {
  if (!only || only === 'coverage') await coverageQuality()
  if (!only || only === '3000') await storiesAt3000()
  if (!only || only === '50000') await storiesAt50k()
})()
