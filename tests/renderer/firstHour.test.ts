/** The import summary's groups and text, and the Stories view's filter. */
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/shared/contract'
import { plural } from '../../src/renderer/src/format'
import { groupResults, resultNote, summaryGroups, summaryLine, summaryText } from '../../src/renderer/src/components/importSummary'
import { filterStories, NO_FILTER, type Story } from '../../src/renderer/src/views/storyFilter'

const result = (name: string, status: ImportResult['status'], reason: string | null = null): ImportResult => ({ name, status, reason, articleId: status === 'failed' || status === 'skipped' ? null : 1, title: null, nearDuplicates: [] })

const RESULTS = [
  result('a.txt', 'imported'),
  result('a.json', 'metadata', 'metadata for a.txt: outlet, date'),
  result('b.json', 'metadata', 'metadata for b.txt: date'),
  result('README.md', 'skipped', "the folder's documentation"),
  result('group.json', 'skipped', 'holds no article text: no text field'),
  result('x.txt', 'failed', 'binary file: named .txt but it is a PDF document'),
  result('y.txt', 'failed', 'binary file: named .txt but it is a PNG image'),
  result('z.pdf', 'failed', 'PDF is password-protected')
]

describe('import summary', () => {
  it('counts first, then groups real failures first by the kind of reason, metadata files apart', () => {
    expect(summaryLine(RESULTS, plural)).toBe('1 article imported, 2 metadata files, 2 skipped, 3 failed')
    const groups = groupResults(RESULTS, ['failed', 'skipped', 'metadata'])
    expect(groups.map((g) => [g.status, g.kind, g.results.length])).toEqual([
      ['failed', 'binary file', 2],
      ['failed', 'PDF is password-protected', 1],
      ['skipped', 'holds no article text', 1],
      ['skipped', "the folder's documentation", 1],
      ['metadata', 'read into the article beside it', 2]
    ])
  })

  it('copies as text with every file under its group', () => {
    const text = summaryText(RESULTS, plural)
    expect(text).toContain('failed — binary file (2)\n  x.txt: binary file: named .txt but it is a PDF document')
    expect(text).toContain('metadata — read into the article beside it (2)\n  a.json: metadata for a.txt: outlet, date')
    expect(text).not.toContain('a.txt\n')
  })

  it('lists the new versions of stored articles, which the summary line counts apart, with what changed', () => {
    const version: ImportResult = { ...result('348.txt', 'imported'), articleId: 981, version: { number: 2, change: 'headline' } }
    const results = [...RESULTS, version]
    expect(summaryLine(results, plural)).toBe('1 article imported, 1 new version, 2 metadata files, 2 skipped, 3 failed')
    const groups = summaryGroups(results)
    expect(groups.at(-1)).toEqual({ status: 'imported', kind: 'new version of an article', results: [version] })
    // A new article is not listed: only what the user may need to look at.
    expect(groups.flatMap((g) => g.results.map((r) => r.name))).not.toContain('a.txt')
    expect(resultNote(version)).toBe('version 2, headline changed')
    expect(summaryText(results, plural)).toContain('imported — new version of an article (1)\n  348.txt: version 2, headline changed')
  })

  it('says a batch of new versions only as that, not as "0 articles imported"', () => {
    const version = (n: number): ImportResult => ({ ...result(`${n}.txt`, 'imported'), articleId: n, version: { number: 2, change: 'text' } })
    expect(summaryLine([version(1)], plural)).toBe('1 new version of a stored article')
    expect(summaryLine([version(1), version(2), result('d.txt', 'duplicate')], plural)).toBe('2 new versions of stored articles, 1 duplicate')
    expect(summaryLine([result('d.txt', 'duplicate')], plural)).toBe('0 articles imported, 1 duplicate')
  })
})

const story = (title: string, from: string | null, outlets: string[]): Story => ({
  title,
  from,
  to: from,
  outlets,
  articles: outlets.map((o, i) => ({ id: i + 1, title: `${title} ${i}`, outlet: o, publishedAt: from }))
})

describe('stories filter', () => {
  const items = [story('Harbour bridge vote', '2025-03-03', ['Kestrel Courier', 'Harbour Post']), story('Chess final', '2025-03-20', ['Island Times', 'Quay Times']), story('Café opens', null, ['Quay Times', 'Harbour Post'])]
  const titles = (f: Partial<typeof NO_FILTER>): string[] => filterStories(items, { ...NO_FILTER, ...f }).map((s) => s.title)

  it('lists undated stories apart, and filters by words, outlet and dates', () => {
    expect(titles({})).toEqual(['Harbour bridge vote', 'Chess final'])
    expect(titles({ undated: true })).toEqual(['Café opens'])
    expect(titles({ words: 'cafe', undated: true })).toEqual(['Café opens'])
    expect(titles({ words: 'harbour post' })).toEqual(['Harbour bridge vote'])
    expect(titles({ outlet: 'Quay Times' })).toEqual(['Chess final'])
    expect(titles({ from: '2025-03-10' })).toEqual(['Chess final'])
    expect(titles({ to: '2025-03-10' })).toEqual(['Harbour bridge vote'])
  })
})

describe('counts in words', () => {
  it('writes one number format and the right plural ("230 stories", "1 story", "3 days")', () => {
    expect(plural(230, 'story')).toBe('230 stories')
    expect(plural(1, 'story')).toBe('1 story')
    expect(plural(3, 'day')).toBe('3 days')
    expect(plural(2979, 'article')).toBe('2,979 articles')
  })
})
