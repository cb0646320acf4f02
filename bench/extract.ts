/**
 * `npm run bench -- extract`: main-text extraction on ../shared/corpus/extraction-eval (trafilatura's
 * evaluation pages and snippet metric). Parallax's HTML importer beside plain @mozilla/readability on
 * the same pages in the same run: precision, recall and F1 on the whole set and on its two halves
 * (even-numbered pages were used while developing the heuristics, odd-numbered ones were held out),
 * pages without text, time per page, and byline and date accuracy on hand-checked pages
 * (bench/extract-labels.json). Bundled to out/main/bench-extract.js.
 */
import { Readability } from '@mozilla/readability'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { decodeHtml, parseHtmlArticle } from '../src/main/core/importers/html'
import { parseDocument, preStrip } from '../src/main/core/importers/html-text'
import { prf, scorePage, sum, type Confusion, type Snippets } from './extract-score'

const ROOT = resolve(__dirname, '../..')
const EVAL = resolve(ROOT, '../shared/corpus/extraction-eval')

interface Extracted {
  text: string | null
  author: string | null
  date: string | null
  ms: number
}

type Extractor = (html: string) => Omit<Extracted, 'ms'>

const parallax: Extractor = (html) => {
  try {
    const a = parseHtmlArticle(html)
    return { text: `${a.title}\n${a.text}`, author: a.author, date: a.publishedAt }
  } catch {
    return { text: null, author: null, date: null }
  }
}

const readability: Extractor = (html) => {
  try {
    const a = new Readability(parseDocument(preStrip(html)) as unknown as Document).parse()
    const text = a?.textContent?.trim() ? `${a.title ?? ''}\n${a.textContent}` : null
    return { text, author: a?.byline ?? null, date: a?.publishedTime ?? null }
  } catch {
    return { text: null, author: null, date: null }
  }
}

function run(extract: Extractor, html: string): Extracted {
  const t = process.hrtime.bigint()
  const r = extract(html)
  return { ...r, ms: Number(process.hrtime.bigint() - t) / 1e6 }
}

interface Labels {
  [page: string]: { author: string | null; date: string | null }
}

/** A byline counts when every hand-checked name appears in it; a date when the day matches. */
function metaAccuracy(labels: Labels, results: Map<string, Extracted>): { author: string; date: string } {
  let authorOk = 0
  let dateOk = 0
  const names = Object.keys(labels).filter((n) => results.has(n))
  for (const n of names) {
    const want = labels[n]!
    const got = results.get(n)!
    const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ')
    if (want.author === null ? got.author === null : want.author.split(';').every((a) => got.author && norm(got.author).includes(norm(a.trim())))) authorOk++
    if (want.date === null ? got.date === null : got.date?.slice(0, 10) === want.date) dateOk++
  }
  return { author: `${authorOk}/${names.length}`, date: `${dateOk}/${names.length}` }
}

function line(label: string, c: Confusion): string {
  const { p, r, f } = prf(c)
  return `${label.padEnd(30)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F ${f.toFixed(3)}`
}

function report(name: string, evaldata: Record<string, Snippets>, pages: string[], results: Map<string, Extracted>, labels: Labels): void {
  const score = (subset: string[]): Confusion => sum(subset.map((p) => scorePage(evaldata[p]!, results.get(p)!.text)))
  const ms = pages.map((p) => results.get(p)!.ms).sort((a, b) => a - b)
  const empty = pages.filter((p) => !results.get(p)!.text)
  const meta = metaAccuracy(labels, results)
  console.log(`  ${name}`)
  console.log(`    ${line('all pages', score(pages))}`)
  console.log(`    ${line('development half (even)', score(pages.filter((_, i) => i % 2 === 0)))}`)
  console.log(`    ${line('held-out half (odd)', score(pages.filter((_, i) => i % 2 === 1)))}`)
  console.log(`    pages without text ${empty.length}${empty.length ? ` (${empty.slice(0, 6).join(', ')}${empty.length > 6 ? ', …' : ''})` : ''}`)
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length
  console.log(`    time per page: mean ${mean.toFixed(1)} ms, median ${ms[ms.length >> 1]!.toFixed(1)} ms, slowest ${ms.at(-1)!.toFixed(0)} ms`)
  console.log(`    byline ${meta.author}, date ${meta.date} right on the hand-checked pages`)
}

function main(): void {
  if (!existsSync(join(EVAL, 'eval.json'))) {
    console.log(`extract: SKIPPED, corpus absent (${EVAL} not found)`)
    return
  }
  const evaldata = JSON.parse(readFileSync(join(EVAL, 'eval.json'), 'utf8')) as Record<string, Snippets>
  const labels = JSON.parse(readFileSync(join(ROOT, 'bench/extract-labels.json'), 'utf8')).pages as Labels
  const only = process.env.PARALLAX_EXTRACT_ONLY
  const pages = Object.keys(evaldata).sort().filter((p) => !only || p.includes(only))
  const extractors: [string, Extractor][] = [['Parallax', parallax], ['plain Readability (@mozilla/readability)', readability]]
  console.log(`extract: ${pages.length} pages of ${EVAL} (title + text, trafilatura's snippet metric)`)
  for (const [name, extract] of extractors) {
    const results = new Map<string, Extracted>()
    for (const p of pages) results.set(p, run(extract, decodeHtml(readFileSync(join(EVAL, 'pages', `${p}.html`))).text))
    report(name, evaldata, pages, results, labels)
    const dump = process.env.PARALLAX_EXTRACT_DUMP
    if (dump && name === 'Parallax') writeFileSync(dump, JSON.stringify(Object.fromEntries([...results].map(([k, v]) => [k, v.text]))))
  }
  console.log('  published, all 990 pages (not this subset): trafilatura 2.2 F 0.924, magic-html 0.889, justext 0.862, readability-lxml 0.826')
}

main()
