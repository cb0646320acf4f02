/** Comparison reports open with the overview: sources, times, timeline, copying and findings, escaped. */
import { describe, expect, it } from 'vitest'
import { compareArticles, type CompareInput } from '../../src/main/core/compare'
import { comparisonReport } from '../../src/main/core/compare/report'

const wire = [
  'Fishermen in the northern bay landed the smallest cod catch in forty years this season, the regional fisheries office reported on Monday.',
  'The office counted 1,240 tonnes of cod, down from 3,100 tonnes a decade ago, and blamed warmer water that pushes the fish further north each summer.',
  'The cooperative will ask the ministry for a support fund of 2 million euros when its board meets in Lisbon next month.'
]
const input = (id: number, outlet: string, publishedAt: string, url: string, paragraphs: string[]): CompareInput => ({
  id,
  title: `Cod <script>alert(${id})</script> catch`,
  outlet,
  publishedAt,
  url,
  text: paragraphs.join('\n\n')
})
const c = compareArticles([
  input(1, 'Northbay Wire', '2025-03-03T08:00:00Z', 'https://wire.example/cod', wire),
  input(2, 'Coast <b>Daily</b>', '2025-03-03T22:00:00Z', 'https://coast.example/cod?a=1&b=<x>', [wire[0]!, wire[1]!, wire[2]!.replace('2 million', '5 million'), 'Mayor Jonas Berg slammed the ministry.'])
])

describe('comparison report overview', () => {
  it('starts the Markdown report with the overview: sources, publication times, timeline, copying, facts', () => {
    const md = comparisonReport(c, 'markdown').content
    const overview = md.slice(0, md.indexOf('## Shared text'))
    expect(overview).toMatch(/^# Coverage comparison\n\n## Overview\n/)
    expect(overview).toContain('| Northbay Wire | 2025-03-03T08:00:00Z | Cod &lt;script&gt;alert(1)&lt;/script&gt; catch | ')
    expect(overview).toContain('<https://wire.example/cod>')
    expect(overview).toContain('<https://coast.example/cod?a=1&b=%3Cx%3E>')
    expect(overview).toContain('- first: Northbay Wire, 2025-03-03T08:00:00Z\n- +14 h: Coast &lt;b&gt;Daily&lt;/b&gt;, 2025-03-03T22:00:00Z')
    expect(overview).toMatch(/\*\*Coast &lt;b&gt;Daily&lt;\/b&gt; repeats 3 paragraphs \(\d+ words\) of Northbay Wire verbatim or lightly reworded, published 14 h later\.\*\*/)
    expect(overview).toContain('number: Northbay Wire has “2 million”, Coast &lt;b&gt;Daily&lt;/b&gt; has “5 million”')
    expect(overview).toContain('Mayor Jonas Berg slammed the ministry.')
    expect(overview).not.toMatch(/<script|<b>/)
  })

  it('starts the HTML report with the same overview, every text escaped', () => {
    const page = comparisonReport(c, 'html').content
    const overview = page.slice(page.indexOf('<section class="overview">'), page.indexOf('</section>'))
    expect(page.indexOf('<section class="overview">')).toBeLessThan(page.indexOf('<h2>Shared text</h2>'))
    expect(overview).toContain('<td>https://coast.example/cod?a=1&amp;b=&lt;x&gt;</td>')
    expect(overview).toContain('<li>+14 h: Coast &lt;b&gt;Daily&lt;/b&gt;, 2025-03-03T22:00:00Z</li>')
    expect(overview).toMatch(/<li><b>Coast &lt;b&gt;Daily&lt;\/b&gt; repeats 3 paragraphs/)
    expect(page).not.toMatch(/<script|<b>Daily/)
  })

  it('puts the unrelated warning first when the articles share nothing', () => {
    const apart = compareArticles([
      input(1, 'Northbay Wire', '2025-03-03', 'https://wire.example/cod', wire),
      input(2, 'Upland Gazette', '2025-02-20', 'https://upland.example/prize', ['The Hillcrest allotment society took first place at the county show for its leeks and parsnips.', 'Members spent three years improving the clay soil with compost.'])
    ])
    expect(apart.overview.unrelated).toBe(true)
    expect(comparisonReport(apart, 'markdown').content).toContain('## Overview\n\n> **These articles do not seem to cover the same story')
    expect(comparisonReport(apart, 'html').content).toContain('<h2>Overview</h2><p class="warning"><b>These articles do not seem to cover the same story')
    expect(comparisonReport(c, 'markdown').content).not.toContain('do not seem to cover')
  })
})
