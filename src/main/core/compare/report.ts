/**
 * A comparison as a report a researcher can attach: Markdown or a self-contained HTML page
 * (inline CSS, no script, every text escaped).
 */
import type { Comparison } from '../../../shared/contract'

const pct = (x: number): string => `${Math.round(x * 100)}%`

export function comparisonReport(c: Comparison, format: 'markdown' | 'html'): { fileName: string; mime: string; content: string } {
  const md = markdown(c)
  const base = `comparison-${c.articles.map((a) => a.id).join('-')}`
  if (format === 'markdown') return { fileName: `${base}.md`, mime: 'text/markdown', content: md }
  return { fileName: `${base}.html`, mime: 'text/html', content: html(c) }
}

function label(c: Comparison, i: number): string {
  const a = c.articles[i]!
  return `${a.outlet ?? `Article ${i + 1}`} (#${a.id})`
}

function diffText(parts: { op: string; text: string }[], md: boolean): string {
  return parts.map((p) => (p.op === '=' ? p.text : p.op === '+' ? (md ? `**+${p.text.trim()}+** ` : `<ins>${esc(p.text)}</ins>`) : md ? `~~${p.text.trim()}~~ ` : `<del>${esc(p.text)}</del>`)).join('')
}

function markdown(c: Comparison): string {
  const out: string[] = ['# Coverage comparison', '']
  c.articles.forEach((a, i) => out.push(`${i + 1}. **${a.title}** — ${a.outlet ?? 'unknown outlet'}${a.publishedAt ? `, ${a.publishedAt.slice(0, 10)}` : ''} (${a.words} words)`))
  out.push('', '## Shared text', '', `| | ${c.articles.map((_, i) => label(c, i)).join(' | ')} |`, `|---|${c.articles.map(() => '---').join('|')}|`)
  c.articles.forEach((a, i) => out.push(`| ${label(c, i)} | ${a.sharedWith.map((s, j) => (i === j ? '—' : pct(s))).join(' | ')} |`))
  out.push('', 'Share of the row article’s words whose sentences have a counterpart in the column article.', '')
  out.push('## What each article adds', '')
  c.articles.forEach((a, i) => {
    const only = a.sentences.filter((s) => s.cls === 'only')
    out.push(`### ${label(c, i)}: ${only.length} sentence${only.length === 1 ? '' : 's'} no other article has`, '')
    only.forEach((s) => out.push(`- ${s.text}`))
    out.push('')
  })
  out.push('## Reworded passages', '')
  for (const p of c.pairs.filter((x) => x.cls === 'reworded')) out.push(`- ${label(c, p.a)} → ${label(c, p.b)}: ${diffText(p.diff, true).trim()}`)
  out.push('', '## Quotes', '')
  for (const q of c.quotes) {
    out.push(`- “${q.text}”`)
    for (const k of q.carriers) out.push(`  - ${label(c, k.article)}: ${k.verbatim ? 'verbatim' : `altered: ${diffText(k.diff, true).trim()}`}; speaker: ${k.speaker ?? 'not named'}`)
  }
  out.push('', '## Names, numbers and dates changed or dropped', '')
  for (const ch of c.changes) {
    out.push(`- ${ch.kind}: ${label(c, ch.a)} has ${ch.inA.map((x) => `“${x}”`).join(', ') || 'nothing'}, ${label(c, ch.b)} has ${ch.inB.map((x) => `“${x}”`).join(', ') || 'nothing'} (sentences ${ch.sentenceA + 1} / ${ch.sentenceB + 1})`)
  }
  return out.join('\n') + '\n'
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

function html(c: Comparison): string {
  const rows = c.articles.map((a, i) => `<tr><th>${esc(label(c, i))}</th>${a.sharedWith.map((s, j) => `<td>${i === j ? '—' : pct(s)}</td>`).join('')}</tr>`).join('')
  const adds = c.articles
    .map((a, i) => `<h3>${esc(label(c, i))}</h3><ul>${a.sentences.filter((s) => s.cls === 'only').map((s) => `<li>${esc(s.text)}</li>`).join('')}</ul>`)
    .join('')
  const reworded = c.pairs.filter((p) => p.cls === 'reworded').map((p) => `<li><b>${esc(label(c, p.a))} → ${esc(label(c, p.b))}</b>: ${diffText(p.diff, false)}</li>`).join('')
  const quotes = c.quotes
    .map((q) => `<li>“${esc(q.text)}”<ul>${q.carriers.map((k) => `<li>${esc(label(c, k.article))}: ${k.verbatim ? 'verbatim' : `altered: ${diffText(k.diff, false)}`}; speaker: ${esc(k.speaker ?? 'not named')}</li>`).join('')}</ul></li>`)
    .join('')
  const changes = c.changes
    .map((ch) => `<li>${ch.kind}: ${esc(label(c, ch.a))} has ${esc(ch.inA.join(', ') || 'nothing')}; ${esc(label(c, ch.b))} has ${esc(ch.inB.join(', ') || 'nothing')}</li>`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Coverage comparison</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}td,th{border:1px solid #ccc;padding:4px 8px}table{border-collapse:collapse}ins{background:#d5f5d5;text-decoration:none}del{background:#fbd5d5}</style></head><body>
<h1>Coverage comparison</h1><ol>${c.articles.map((a) => `<li><b>${esc(a.title)}</b> — ${esc(a.outlet ?? 'unknown outlet')}${a.publishedAt ? `, ${esc(a.publishedAt.slice(0, 10))}` : ''}</li>`).join('')}</ol>
<h2>Shared text</h2><table><tr><th></th>${c.articles.map((_, i) => `<th>${esc(label(c, i))}</th>`).join('')}</tr>${rows}</table>
<h2>What each article adds</h2>${adds}<h2>Reworded passages</h2><ul>${reworded}</ul><h2>Quotes</h2><ul>${quotes}</ul><h2>Names, numbers and dates changed or dropped</h2><ul>${changes}</ul></body></html>
`
}
