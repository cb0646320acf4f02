/**
 * `npm run bench -- stories`: related coverage quality on the coverage corpus (recall@1: the top
 * related article is from the same story; empty rate: no related article at all) beside a plain
 * TF-IDF cosine over the same texts, and the time to open Stories at 3,000 articles (coverage +
 * BBC): the first open (a full grouping), an open after 50 more articles arrive (incremental) and
 * an open with nothing changed. Bundled to out/main/bench-stories.js; runs the core in-process.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { walk } from './corpus'
import { openCore, type Core } from '../src/main/core/index'
import { cosine, terms, vectorize } from '../src/main/core/compare/similarity'

const [coverageDir, bbcDir] = process.argv.slice(2) as [string, string]

/** Article file -> its same-story group (the folder), from the corpus layout. */
function groupOf(path: string): string {
  return basename(dirname(path))
}

async function importPaths(core: Core, paths: string[]): Promise<{ name: string; articleId: number | null; status: string }[]> {
  return (await core.service['import.paths']({ jobId: 'bench', paths })).results
}

async function ms<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = process.hrtime.bigint()
  const value = await fn()
  return { value, ms: Number(process.hrtime.bigint() - t) / 1e6 }
}

async function relatedQuality(): Promise<void> {
  const lib = mkdtempSync(join(tmpdir(), 'parallax-bench-stories-'))
  const core = openCore(lib)
  try {
    // The folder as a user picks it: metadata files read beside their articles, README and group.json skipped.
    const results = (await importPaths(core, [coverageDir])).filter((r) => r.articleId && r.status === 'imported')
    const group = new Map(results.map((r) => [r.articleId!, groupOf(r.name)]))
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
  } finally {
    await core.close()
    rmSync(lib, { recursive: true, force: true })
  }
}

/** The top article by TF-IDF cosine over the whole corpus, per article: how often it is the same story. */
function tfidfBaseline(core: Core, ids: number[], group: Map<number, string>): number {
  const texts = ids.map((id) => {
    const a = core.library.articles.get(id)!
    return `${a.title}\n${a.text}`
  })
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

async function storiesOpen(): Promise<void> {
  const lib = mkdtempSync(join(tmpdir(), 'parallax-bench-stories-'))
  const core = openCore(lib)
  try {
    const coverage = walk(coverageDir)
    const bbc = walk(bbcDir).slice(0, 3000 - coverage.length + 50)
    await importPaths(core, [...coverage, ...bbc.slice(0, -50)])
    const total = core.library.articles.count()
    const open = () => ms(() => core.service['stories.list']({}))
    const first = await open()
    await importPaths(core, bbc.slice(-50))
    const after = await open()
    const again = await open()
    console.log(`stories at ${total} articles (coverage + BBC, ${first.value.items.length} stories of 2 or more):`)
    console.log(`  first open (full grouping)        ${first.ms.toFixed(0)} ms`)
    console.log(`  open after 50 more arrive          ${after.ms.toFixed(0)} ms  (${(after.ms / first.ms).toFixed(2)}x the first)`)
    console.log(`  open with nothing changed          ${again.ms.toFixed(0)} ms  (${(again.ms / first.ms).toFixed(2)}x); target ≤ 300 ms -> ${Math.max(after.ms, again.ms) <= 300 ? 'met' : 'NOT met'}`)
  } finally {
    await core.close()
    rmSync(lib, { recursive: true, force: true })
  }
}

void relatedQuality().then(() => (process.env.BENCH_STORIES_ONLY_RELATED ? undefined : storiesOpen()))
