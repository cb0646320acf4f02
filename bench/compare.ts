/**
 * `npm run bench -- compare`: comparing two 1,500-word articles and six, beside a naive baseline
 * measured in the same run (every sentence of every article against every sentence of every
 * other, by word-set Jaccard, no vectors). Articles are built from the BBC corpus: one story and
 * rewrites of it (sentences dropped, reordered and shortened), like real coverage of one event.
 * Bundled to out/main/bench-compare.js.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { walk } from './corpus'
import { articleEntities, compareArticles, type CompareInput } from '../src/main/core/compare'
import { splitSentences } from '../src/main/core/compare/sentences'
import { ParserPool } from '../src/main/core/workers/parse-pool'
import { entityPrecision, speakerAccuracy } from './compare-quality'


function rng(seed: number): () => number {
  let s = seed
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32)
}

/** A 1,500-word story from consecutive corpus articles, then rewrites of it. */
function stories(corpusDir: string, count: number): CompareInput[] {
  const files = walk(join(corpusDir, 'politics'))
  let text = ''
  for (const f of files) {
    text += readFileSync(f, 'utf8').split(/\n\s*\n/).slice(1).join('\n\n') + '\n\n'
    if (text.split(/\s+/).length >= 1500) break
  }
  const base = text.split(/\s+/).slice(0, 1500).join(' ')
  const out: CompareInput[] = [{ id: 1, title: 'Original', outlet: 'Wire', publishedAt: null, text: base }]
  for (let k = 1; k < count; k++) {
    const r = rng(k * 7919)
    const sentences = splitSentences(base).map((s) => s.text)
    const rewritten = sentences
      .filter(() => r() > 0.15) // some left out
      .map((s) => (r() < 0.3 ? s.split(' ').filter(() => r() > 0.2).join(' ') : s)) // some reworded
      .sort(() => (r() < 0.1 ? -1 : 0)) // a few moved
    out.push({ id: k + 1, title: `Rewrite ${k}`, outlet: `Outlet ${k}`, publishedAt: null, text: rewritten.join(' ') })
  }
  return out
}

function naive(articles: CompareInput[]): number {
  const sets = articles.map((a) => splitSentences(a.text).map((s) => new Set(s.text.toLowerCase().split(/\W+/).filter(Boolean))))
  let links = 0
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      for (const x of sets[a]!) {
        for (const y of sets[b]!) {
          let inter = 0
          for (const w of x) if (y.has(w)) inter++
          if (inter / (x.size + y.size - inter || 1) > 0.5) links++
        }
      }
    }
  }
  return links
}

async function time(fn: () => unknown, rounds = 5): Promise<number> {
  await fn() // warm-up
  const xs: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint()
    await fn()
    xs.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  return xs.sort((a, b) => a - b)[Math.floor(rounds / 2)]!
}

const [corpusDir, coverageDir] = process.argv.slice(2)
if (corpusDir) void main(corpusDir).then(() => quality(coverageDir))

/** Speaker accuracy and names/numbers precision on the hand-labelled coverage texts. */
function quality(dir: string | undefined): void {
  if (!dir || !existsSync(dir)) {
    console.log(`compare quality: SKIPPED, coverage corpus absent (${dir ?? '../shared/corpus/coverage'} not found)`)
    return
  }
  const t = process.hrtime.bigint()
  const s = speakerAccuracy(dir)
  const h = speakerAccuracy(dir, 'coverage-speakers-heldout.tsv')
  const e = entityPrecision(dir)
  const pct = (x: number, n: number): string => `${((100 * x) / (n || 1)).toFixed(1)}%`
  console.log(`compare quality on ${dir} (labels in tests/fixtures/compare, ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms)`)
  console.log(`  speaker accuracy        ${pct(s.right, s.total)} (${s.right}/${s.total} quotes)   target 90%: ${s.right / s.total >= 0.9 ? 'met' : 'NOT met'}`)
  console.log(`  held-out speakers       ${pct(h.right, h.total)} (${h.right}/${h.total} quotes labelled after the rules were written)`)
  console.log(`  names/numbers precision ${pct(e.right, e.found)} (${e.right}/${e.found} found in ${e.sentences} labelled sentences are whole, real names or numbers)`)
  for (const m of [...s.misses, ...h.misses]) console.log(`    speaker miss: ${m.file}: “${m.quote}…” labelled ${m.want ?? '(none)'}, found ${m.got === undefined ? '(quote not found)' : (m.got ?? '(none)')}`)
  for (const w of e.wrong) console.log(`    not a whole name or number: ${w}`)
}

async function main(corpusDir: string): Promise<void> {
  // The app's path for a first comparison: each article's names, numbers and dates found in the
  // import worker pool (two threads, as in the app), in parallel, then the comparison itself.
  const pool = new ParserPool({ script: join(__dirname, 'import-worker.js'), size: 2 })
  // The app's workers are warm (they find entities for every article as it is imported): bring
  // these to the same state, past V8's warm-up of compromise, before timing.
  for (let i = 0; i < 8; i++) await Promise.all(stories(corpusDir, 2).map((a) => pool.entities(`${a.text} ${i}`)))
  const inApp = async (set: CompareInput[]): Promise<unknown> => {
    const entities = await Promise.all(set.map((a) => pool.entities(a.text)))
    return compareArticles(set.map((a, i) => ({ ...a, entities: entities[i] })))
  }
  const six = stories(corpusDir, 6)
  const two = six.slice(0, 2)
  const words = six.map((a) => a.text.split(/\s+/).length)
  console.log(`compare: articles of ${words.join(', ')} words (median of 5 runs after a warm-up)`)
  for (const [label, set, target] of [
    ['two articles', two, 100],
    ['six articles', six, 500]
  ] as const) {
    // First comparison of these articles: entities found by the NLP pass (in the app: in the worker
    // pool, in parallel; in one thread for reference). Later ones: entities stored with the article.
    const cold = await time(() => inApp(set))
    const oneThread = await time(() => compareArticles([...set]))
    const withEntities = set.map((a) => ({ ...a, entities: articleEntities(splitSentences(a.text)) }))
    const warm = await time(() => compareArticles(withEntities))
    const base = await time(() => naive([...set]))
    const c = compareArticles([...set])
    console.log(
      `  ${label.padEnd(13)} first ${cold.toFixed(1).padStart(6)} ms (one thread ${oneThread.toFixed(1)} ms), again ${warm.toFixed(1).padStart(6)} ms   naive all-pairs Jaccard ${base.toFixed(1).padStart(6)} ms   ` +
        `ratio ${(cold / base).toFixed(1)}x / ${(warm / base).toFixed(1)}x   (${c.pairs.length} aligned pairs, ${c.quotes.length} quotes, ${c.changes.length} changes)   ` +
        `target ${target} ms: first ${cold <= target ? 'met' : 'NOT met'}, again ${warm <= target ? 'met' : 'NOT met'}`
    )
  }
  await pool.close()
}
