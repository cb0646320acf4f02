/**
 * A comparison as a report a researcher can attach: Markdown or a self-contained HTML page
 * (inline CSS, no script). Every text that came from an article is escaped: the HTML page is
 * built only with the `html` template (which escapes every interpolation), and Markdown passes
 * article text through `markdownText`, so no renderer turns an article's `<meta>`, `<base>`,
 * `<form>` or link into markup. The page carries its own print stylesheet (A4, no breaks inside
 * an item, the overview on its own pages), so printed to PDF it reads as a document.
 */
import type { Comparison } from '../../../shared/contract'
import { markdownText as md } from '../export/markdown-escape'
import { html, htmlToString, type TrustedHtml } from '../export/safe-html'
import { overviewHtml, overviewMarkdown } from './report-overview'

type DiffPart = Comparison['pairs'][number]['diff'][number]

/**
 * The report's own policy: nothing loads, nothing submits, no <base>, no navigation (where the
 * browser knows navigate-to). Escaping is what keeps article text inert; this is the second wall.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; navigate-to 'none'"

const STYLE = html`body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}td,th{border:1px solid #ccc;padding:4px 8px}
table{border-collapse:collapse}ins{background:#d5f5d5;text-decoration:none}del{background:#fbd5d5}
.overview{border-bottom:2px solid #ccc;padding-bottom:1em}.warning{border-left:4px solid #b3261e;padding:4px 10px;background:#fdf0ef}
@page{size:A4;margin:16mm 14mm}
@media print{body{font-size:10.5pt;max-width:none;margin:0;padding:0}h1,h2,h3{break-after:avoid}li,tr,blockquote{break-inside:avoid}
table{width:100%}a{color:inherit}ins,del,.warning{-webkit-print-color-adjust:exact;print-color-adjust:exact}.overview{break-after:page}}`

const pct = (x: number): string => `${Math.round(x * 100)}%`

export function comparisonReport(c: Comparison, format: 'markdown' | 'html'): { fileName: string; mime: string; content: string } {
  const base = `comparison-${c.articles.map((a) => a.id).join('-')}`
  if (format === 'markdown') return { fileName: `${base}.md`, mime: 'text/markdown', content: markdown(c) }
  return { fileName: `${base}.html`, mime: 'text/html', content: htmlToString(htmlReport(c)) }
}

/** An article's name in the report, as plain (unescaped) text. */
function label(c: Comparison, i: number): string {
  const a = c.articles[i]!
  return `${a.outlet ?? `Article ${i + 1}`} (#${a.id})`
}

function diffMarkdown(parts: DiffPart[]): string {
  return parts
    .map((p) => (p.op === '=' ? md(p.text) : p.op === '+' ? `**+${md(p.text.trim())}+** ` : `~~${md(p.text.trim())}~~ `))
    .join('')
    .trim()
}

function markdown(c: Comparison): string {
  const L = (i: number): string => md(label(c, i))
  // The overview (articles with sources and times, timeline, findings) first, then the full alignment.
  const out: string[] = ['# Coverage comparison', '', ...overviewMarkdown(c)]
  out.push('## Shared text', '', `| | ${c.articles.map((_, i) => L(i)).join(' | ')} |`, `|---|${c.articles.map(() => '---').join('|')}|`)
  c.articles.forEach((a, i) => out.push(`| ${L(i)} | ${a.sharedWith.map((s, j) => (i === j ? '—' : pct(s))).join(' | ')} |`))
  out.push('', 'Share of the row article’s words whose sentences have a counterpart in the column article.', '')
  out.push('## What each article adds', '')
  c.articles.forEach((a, i) => {
    const only = a.sentences.filter((s) => s.alignment === 'only')
    out.push(`### ${L(i)}: ${only.length} sentence${only.length === 1 ? '' : 's'} no other article has`, '')
    only.forEach((s) => out.push(`- ${md(s.text)}`))
    out.push('')
  })
  out.push('## Reworded passages', '')
  for (const p of c.pairs.filter((x) => x.alignment === 'reworded')) out.push(`- ${L(p.a)} → ${L(p.b)}: ${diffMarkdown(p.diff)}`)
  out.push('', '## Quotes', '')
  for (const q of c.quotes) {
    out.push(`- “${md(q.text)}”`)
    for (const k of q.carriers) out.push(`  - ${L(k.article)}: ${k.verbatim ? 'verbatim' : `altered: ${diffMarkdown(k.diff)}`}; speaker: ${md(k.speaker ?? 'not named')}`)
  }
  out.push('', '## Names, numbers and dates changed or dropped', '')
  const quoted = (xs: string[]): string => xs.map((x) => `“${md(x)}”`).join(', ') || 'nothing'
  for (const ch of c.changes) {
    out.push(`- ${ch.kind}: ${L(ch.a)} has ${quoted(ch.inA)}, ${L(ch.b)} has ${quoted(ch.inB)} (sentences ${ch.sentenceA + 1} / ${ch.sentenceB + 1})`)
  }
  return out.join('\n') + '\n'
}

function diffHtml(parts: DiffPart[]): TrustedHtml {
  return html`${parts.map((p) => (p.op === '=' ? p.text : p.op === '+' ? html`<ins>${p.text}</ins>` : html`<del>${p.text}</del>`))}`
}

function htmlReport(c: Comparison): TrustedHtml {
  const L = (i: number): string => label(c, i)
  const rows = c.articles.map((a, i) => html`<tr><th>${L(i)}</th>${a.sharedWith.map((s, j) => html`<td>${i === j ? '—' : pct(s)}</td>`)}</tr>`)
  const adds = c.articles.map(
    (a, i) => html`<h3>${L(i)}</h3><ul>${a.sentences.filter((s) => s.alignment === 'only').map((s) => html`<li>${s.text}</li>`)}</ul>`
  )
  const reworded = c.pairs.filter((p) => p.alignment === 'reworded').map((p) => html`<li><b>${L(p.a)} → ${L(p.b)}</b>: ${diffHtml(p.diff)}</li>`)
  const carrier = (k: Comparison['quotes'][number]['carriers'][number]): TrustedHtml =>
    html`<li>${L(k.article)}: ${k.verbatim ? 'verbatim' : html`altered: ${diffHtml(k.diff)}`}; speaker: ${k.speaker ?? 'not named'}</li>`
  const quotes = c.quotes.map((q) => html`<li>“${q.text}”<ul>${q.carriers.map(carrier)}</ul></li>`)
  const changes = c.changes.map((ch) => html`<li>${ch.kind}: ${L(ch.a)} has ${ch.inA.join(', ') || 'nothing'}; ${L(ch.b)} has ${ch.inB.join(', ') || 'nothing'}</li>`)
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}"><meta name="referrer" content="no-referrer"><title>Coverage comparison</title>
<style>${STYLE}</style></head><body>
<h1>Coverage comparison</h1>${overviewHtml(c)}
<h2>Shared text</h2><table><tr><th></th>${c.articles.map((_, i) => html`<th>${L(i)}</th>`)}</tr>${rows}</table>
<h2>What each article adds</h2>${adds}<h2>Reworded passages</h2><ul>${reworded}</ul><h2>Quotes</h2><ul>${quotes}</ul><h2>Names, numbers and dates changed or dropped</h2><ul>${changes}</ul></body></html>
`
}
