/**
 * Human-readable output of the commands. Every text that came from an imported file (titles,
 * outlets, names, snippets, sentences, file names) goes through `terminalSafe` (alias `t`).
 */
import type { ArticleSummary, ImportResult, Result } from '../../shared/contract'
import { print, terminalSafe as t } from './output'

const id6 = (id: number): string => String(id).padStart(6)
const meta = (...parts: (string | null | undefined | false)[]): string => t(parts.filter(Boolean).join(', '))

export function printImportResult(r: ImportResult): void {
  if (r.status === 'imported') print(`imported   #${r.articleId}  ${t(r.title ?? '')}${r.version ? `  (${t(r.reason ?? '')})` : ''}`)
  else print(`${r.status.padEnd(10)} ${t(r.name)}: ${t(r.reason ?? '')}`)
}

export function printImportTotals(results: ImportResult[]): void {
  const count = (s: ImportResult['status']): number => results.filter((r) => r.status === s).length
  const metadata = count('metadata') ? `; ${count('metadata')} metadata file(s) read into their articles` : ''
  print(`\n${count('imported')} imported, ${count('duplicate')} duplicate, ${count('skipped')} skipped, ${count('failed')} failed${metadata}`)
}

/** One line per version, oldest first: number, publication date, import time, headline. */
export function printVersions(items: Result<'articles.versions'>['items']): void {
  for (const v of items) {
    const when = meta(v.publishedAt && `published ${v.publishedAt}`, `imported ${v.importedAt.slice(0, 16).replace('T', ' ')}`, v.current && 'current')
    print(`${String(v.number).padStart(4)}  ${t(v.title)}  (${when})`)
  }
}

export function printList(items: ArticleSummary[], total: number): void {
  if (items.length === 0) return print('The library is empty. Import articles with: parallax import <files or folders>')
  for (const a of items) {
    const m = meta(a.outlet, a.publishedAt?.slice(0, 10))
    print(`${id6(a.id)}  ${t(a.title)}${m ? `  (${m})` : ''}`)
  }
  if (items.length < total) print(`… ${total - items.length} more (use --limit)`)
}

export function printArticle(a: Result<'articles.get'>): void {
  const byline = t([a.outlet, a.author, a.publishedAt].filter(Boolean).join(' · ')) || '(no byline)'
  const ocr = a.ocrConfidence === null ? '' : ` · text from OCR (confidence ${Math.round(a.ocrConfidence)}%)`
  print(`${t(a.title)}\n${byline}\nSource: ${t(a.sourceName)} · ${a.wordCount} words${ocr}\n\n${t(a.text, true)}`)
}

export function printHits(res: Result<'search.query'>, tty: boolean): void {
  if (res.total === 0) return print('No results.')
  for (const h of res.hits) {
    const m = meta(h.outlet, h.publishedAt?.slice(0, 10))
    // Matched words in bold on a terminal, in [brackets] otherwise.
    let snippet = ''
    let at = 0
    for (const [s, e] of h.snippet.highlights) {
      const word = t(h.snippet.text.slice(s, e))
      snippet += t(h.snippet.text.slice(at, s)) + (tty ? `\x1b[1m${word}\x1b[22m` : `[${word}]`)
      at = e
    }
    snippet += t(h.snippet.text.slice(at))
    print(`${id6(h.id)}  ${t(h.title)}${m ? `  (${m})` : ''}\n        ${snippet}`)
  }
  print(`\n${res.total} result${res.total === 1 ? '' : 's'}`)
}

export function printRelated(items: Result<'articles.related'>['items']): void {
  if (items.length === 0) return print('No related coverage found.')
  for (const r of items) print(`${id6(r.id)}  ${t(r.title)}  (${meta(r.outlet, r.publishedAt?.slice(0, 10), r.nearDuplicate && 'near-duplicate')})`)
}

export function printStories(items: Result<'stories.list'>['items']): void {
  if (items.length === 0) return print('No stories yet: no two articles cover the same event.')
  for (const st of items) {
    print(`${t(st.title)}  (${[st.from, st.to].filter(Boolean).join(' to ') || 'undated'}; ${t(st.outlets.join(', ')) || 'unknown outlets'})`)
    for (const a of st.articles) print(`  ${id6(a.id)}  ${t(a.title)}${a.outlet ? `  (${t(a.outlet)})` : ''}`)
  }
}

export function printComparison(c: Result<'compare.run'>): void {
  const name = (i: number): string => `[${i + 1}] ${t(c.articles[i]!.outlet ?? `#${c.articles[i]!.id}`)}`
  c.articles.forEach((a, i) => {
    const shares = a.sharedWith.map((s, j) => (i === j ? null : `${Math.round(s * 100)}% in ${name(j)}`)).filter(Boolean)
    print(`${name(i)} ${t(a.title)} — ${a.words} words; ${shares.join(', ')}; ${a.adds} sentence(s) only here`)
  })
  print('\nAlignment (same = verbatim, ~ = reworded):')
  for (const p of c.pairs) {
    const left = p.sentencesA.map((i) => c.articles[p.a]!.sentences[i]!.text).join(' ')
    print(`  ${p.alignment === 'same' ? '=' : '~'} ${name(p.a)} ${p.sentencesA.map((i) => i + 1).join('+')} <-> ${name(p.b)} ${p.sentencesB.map((i) => i + 1).join('+')} (${p.similarity.toFixed(2)}): ${t(left.slice(0, 90))}`)
    if (p.alignment === 'reworded') print(`      ${t(p.diff.map((d) => (d.op === '=' ? d.text : d.op === '+' ? `{+${d.text}+}` : `[-${d.text}-]`)).join('').slice(0, 300))}`)
  }
  print('\nOnly here:')
  c.articles.forEach((a, i) => a.sentences.filter((s) => s.alignment === 'only').forEach((s) => print(`  ${name(i)} ${s.index + 1}: ${t(s.text.slice(0, 120))}`)))
  print('\nQuotes:')
  for (const q of c.quotes) {
    print(`  “${t(q.text.slice(0, 100))}”`)
    for (const k of q.carriers) print(`      ${name(k.article)} ${k.verbatim ? 'verbatim' : 'ALTERED'}${k.speaker ? `, ${t(k.speaker)}` : ''}`)
  }
  print('\nNames, numbers and dates that differ in aligned sentences:')
  for (const ch of c.changes) print(`  ${ch.kind}: ${name(ch.a)} ${JSON.stringify(ch.inA)}  vs  ${name(ch.b)} ${JSON.stringify(ch.inB)}`)
}

/**
 * JSON output (`--json`): pretty for one document, one line per record for streams. JSON escapes
 * C0 controls itself; DEL and C1 (which can appear only inside strings) are escaped here too.
 */
/** A command's answer: JSON with --json, else the human form. Returns the exit code (0). */
export function printResult<T>(json: boolean, value: T, human: (value: T) => void): number {
  if (json) printJson(value)
  else human(value)
  return 0
}

export function printJson(value: unknown, oneLine = false): void {
  const json = oneLine ? JSON.stringify(value) : JSON.stringify(value, null, 2)
  print(json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}
