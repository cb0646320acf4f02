/**
 * The head of a comparison report: the articles with their sources and publication times, the
 * timeline and who repeats whom, then the overview's findings (what each alone reports, facts that
 * disagree, quotes, framing). The same sentences as the comparison view (shared/compare-text).
 * Markdown passes article text through `markdownText`; HTML is built only with the `html` template.
 */
import { articleLabels, copyingSentence, timelineOffset } from '../../../shared/compare-text'
import type { Comparison } from '../../../shared/contract'
import { markdownAutolink, markdownText as md } from '../export/markdown-escape'
import { html, type TrustedHtml } from '../export/safe-html'

/** Findings listed per kind in a report (the full lists follow in the report's later sections). */
const TOP = 5

const pct = (x: number): string => `${Math.round(x * 100)}%`
const quoted = (xs: string[]): string => xs.map((x) => `“${x}”`).join(', ')

/** The overview as plain-text lines, each a finding: shared by both formats. */
function findings(c: Comparison, labels: string[]): { onlyHere: string[][]; facts: { line: string; a: string; b: string }[]; quotes: string[]; framing: string[][] } {
  const o = c.overview
  const names = (xs: number[]): string => xs.map((i) => labels[i]).join(', ')
  return {
    onlyHere: c.articles.map((_, a) => o.onlyHere.filter((x) => x.article === a).slice(0, 3).map((x) => x.text)),
    facts: o.disagreements.slice(0, TOP).map((d) => ({ line: `${d.kind}: ${labels[d.a]} has ${quoted(d.inA)}, ${labels[d.b]} has ${quoted(d.inB)}`, a: `${labels[d.a]}: ${d.textA}`, b: `${labels[d.b]}: ${d.textB}` })),
    quotes: o.quotes
      .filter((q) => q.status === 'altered' || (q.status === 'shared' && q.missingFrom.length > 0))
      .slice(0, TOP)
      .map((q) => `“${c.quotes[q.quote]!.text}” ${q.status === 'altered' ? 'altered' : 'verbatim'} in ${names(q.carriers)}${q.missingFrom.length ? `; not in ${names(q.missingFrom)}` : ''}`),
    framing: o.articles.map((x) => [
      `headline adds [${x.headline.adds.join(', ')}]${x.headline.drops.length ? `, drops [${x.headline.drops.join(', ')}]` : ''}`,
      `own words: ${x.loaded.filter((w) => w.category !== 'neutral-attribution').map((w) => `${w.term} (${w.category})`).join(', ') || 'no loaded words'}`,
      `names first: ${x.namesFirst.slice(0, 3).join(', ') || '—'}; most: ${x.namesMost.slice(0, 3).map((n) => `${n.text} (${n.count})`).join(', ') || '—'}`
    ])
  }
}

function quoteCounts(c: Comparison): string {
  const n = (s: string): number => c.overview.quotes.filter((q) => q.status === s).length
  return `${c.quotes.length} quote${c.quotes.length === 1 ? '' : 's'}: ${n('shared')} carried verbatim by several, ${n('altered')} altered, ${n('only')} in one article only.`
}

const UNRELATED = 'These articles do not seem to cover the same story: they share almost no text and few names.'

export function overviewMarkdown(c: Comparison): string[] {
  const labels = articleLabels(c)
  const cell = (s: string): string => md(s).replace(/\|/g, '\\|')
  const f = findings(c, labels)
  const out = ['## Overview', '']
  if (c.overview.unrelated) out.push(`> **${UNRELATED}**`, '')
  out.push('| Outlet | Published | Headline | Length | Found elsewhere | Source |', '|---|---|---|---|---|---|')
  c.overview.articles.forEach((o) => {
    const a = c.articles[o.article]!
    out.push(`| ${cell(labels[o.article]!)} | ${cell(a.publishedAt ?? 'no date')} | ${cell(a.title)} | ${a.words} words | ${pct(o.shared)} | ${a.url ? markdownAutolink(a.url) : '—'} |`)
  })
  out.push('', '### Timeline', '')
  const firstHasTime = c.overview.timeline[0]?.hasTime ?? false
  c.overview.timeline.forEach((t, k) => out.push(`- ${timelineOffset(t, firstHasTime, k)}: ${md(labels[t.article]!)}${t.publishedAt ? `, ${md(t.publishedAt)}` : ''}`))
  c.overview.copying.forEach((k) => out.push(`- **${md(copyingSentence(k, labels))}.**`))
  if (c.overview.copying.length === 0) out.push('- No two articles share a long passage (25 words or more).')
  out.push('', '### Only here', '')
  f.onlyHere.forEach((xs, a) => xs.length && out.push(`- ${md(labels[a]!)} alone reports:`, ...xs.map((x) => `  - ${md(x)}`)))
  out.push('', `### Facts that disagree (${c.overview.disagreements.length})`, '')
  f.facts.forEach((x) => out.push(`- ${md(x.line)}`, `  - ${md(x.a)}`, `  - ${md(x.b)}`))
  out.push('', '### Quotes', '', quoteCounts(c), '')
  f.quotes.forEach((q) => out.push(`- ${md(q)}`))
  out.push('', '### Framing', '')
  f.framing.forEach((xs, a) => out.push(`- ${md(labels[a]!)}: ${xs.map(md).join('; ')}`))
  return [...out, '']
}

export function overviewHtml(c: Comparison): TrustedHtml {
  const labels = articleLabels(c)
  const f = findings(c, labels)
  const firstHasTime = c.overview.timeline[0]?.hasTime ?? false
  const rows = c.overview.articles.map((o) => {
    const a = c.articles[o.article]!
    return html`<tr><th>${labels[o.article]}</th><td>${a.publishedAt ?? 'no date'}</td><td>${a.title}</td><td>${a.words} words</td><td>${pct(o.shared)}</td><td>${a.url ?? '—'}</td></tr>`
  })
  const timeline = c.overview.timeline.map((t, k) => html`<li>${timelineOffset(t, firstHasTime, k)}: ${labels[t.article]}${t.publishedAt ? `, ${t.publishedAt}` : ''}</li>`)
  const copying = c.overview.copying.length ? c.overview.copying.map((k) => html`<li><b>${copyingSentence(k, labels)}.</b></li>`) : html`<li>No two articles share a long passage (25 words or more).</li>`
  const onlyHere = f.onlyHere.map((xs, a) => xs.length > 0 && html`<li>${labels[a]} alone reports:<ul>${xs.map((x) => html`<li>${x}</li>`)}</ul></li>`)
  const facts = f.facts.map((x) => html`<li>${x.line}<ul><li>${x.a}</li><li>${x.b}</li></ul></li>`)
  const framing = f.framing.map((xs, a) => html`<li><b>${labels[a]}</b>: ${xs.join('; ')}</li>`)
  return html`<section class="overview"><h2>Overview</h2>${c.overview.unrelated ? html`<p class="warning"><b>${UNRELATED}</b></p>` : ''}
<table><tr><th>Outlet</th><th>Published</th><th>Headline</th><th>Length</th><th>Found elsewhere</th><th>Source</th></tr>${rows}</table>
<h3>Timeline</h3><ul>${timeline}${copying}</ul><h3>Only here</h3><ul>${onlyHere}</ul>
<h3>Facts that disagree (${c.overview.disagreements.length})</h3><ul>${facts}</ul>
<h3>Quotes</h3><p>${quoteCounts(c)}</p><ul>${f.quotes.map((q) => html`<li>${q}</li>`)}</ul><h3>Framing</h3><ul>${framing}</ul></section>`
}
