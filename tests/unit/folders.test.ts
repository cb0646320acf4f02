/**
 * Folders as people have them, on a generated mixed folder: metadata files beside articles,
 * the folder's README and LICENSE, a group.json that is no article, dotted outlets, dates in
 * several languages, HTML entities, outlets named differently, topic sub-folders.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportResult } from '../../src/shared/contract'
import { belongTogether } from '../../src/shared/import-pairs'
import { collectSources, importBatch, type BatchOptions } from '../../src/main/core/services/import-batch'
import { Library } from '../../src/main/core/store/library'
import { outletKey } from '../../src/main/core/store/outlet-aliases'
import { CLI } from '../helpers/paths'
import { tmpDir } from '../helpers/tmp'

const body = (topic: string): string =>
  `The ${topic} plan was approved by the council on a close vote after a long debate.\n\nOfficials said the ${topic} work would start next spring and last two years.`

/** A folder like the ones users bring: returns its path. */
function mixedFolder(): string {
  const root = join(tmpDir(), 'clippings')
  const story = join(root, 'harbour-story')
  mkdirSync(story, { recursive: true })
  mkdirSync(join(root, 'tech'))
  writeFileSync(join(root, 'README.md'), '# About these clippings\n\nCollected for the harbour project; one folder per story.')
  writeFileSync(join(root, 'LICENSE'), 'All rights reserved by the outlets.')
  writeFileSync(join(story, 'SOURCE.txt'), 'Where these came from\n\nA crawl of three outlets in October 2021.')
  writeFileSync(join(story, 'group.json'), JSON.stringify({ id: 'harbour', event: 'Harbour plan', text: 'full article bodies', members: [{ file: '1_nyt.txt' }] }))
  // A sidecar with the same base name; its fields win over the text's date line.
  writeFileSync(join(story, '1_nyt.txt'), `Harbour &#163;1.8m plan approved\n\nOctober 5, 2021 — New York Times\n\n${body('harbour')}`)
  writeFileSync(
    join(story, '1_nyt.json'),
    JSON.stringify({ outlet: 'The New York Times', url: 'https://www.nytimes.com/2021/10/05/harbour.html', date: '2021-10-04', title: 'Harbour &#163;1.8m plan approved', author: 'Ana Lopez', full_text: true })
  )
  // Dotted outlets in the date line, no sidecar.
  writeFileSync(join(story, '2_usnews.txt'), `Harbour vote passes\n\nOctober 5, 2021 — U.S. News & World Report\n\n${body('ferry')}`)
  // A YAML sidecar, and a `name.ext.json` one.
  writeFileSync(join(story, '3_blaze.md'), `# Council backs harbour\n\n${body('quay')}`)
  writeFileSync(join(story, '3_blaze.yaml'), 'outlet: TheBlaze.com\ndate: 2021-10-06\nlanguage: en\n')
  writeFileSync(join(story, '4_gao.txt'), `Review of harbour costs\n\n${body('review')}`)
  writeFileSync(join(story, '4_gao.txt.json'), JSON.stringify({ publisher: 'Govt. Accountability Office', published: 'October 7, 2021' }))
  // A broken sidecar fails on its own; its article still imports.
  writeFileSync(join(story, '5_post.txt'), `Harbour plan in doubt\n\n25 ноября 2025 г. | Коммерсантъ\n\n${body('budget')}`)
  writeFileSync(join(story, '5_post.json'), '{"outlet": "Daily Post",')
  // An outlet spelt without "The" merges with the one spelt with it.
  writeFileSync(join(root, 'tech', 'nyt-tech.txt'), `Harbour sensors installed\n\nOctober 9, 2021 — NEW YORK TIMES\n\n${body('sensor')}`)
  writeFileSync(join(root, 'tech', 'undated.txt'), `Harbour wifi plan\n\n${body('wifi')}`)
  return root
}

async function importFolder(lib: Library, root: string, options: BatchOptions = {}): Promise<Record<string, ImportResult>> {
  const { sources, problems } = await collectSources([root])
  const results = [...problems, ...(await importBatch(lib, sources, options))]
  expect(results).toHaveLength(sources.length + problems.length)
  return Object.fromEntries(results.map((r) => [r.name.slice(root.length + 1), r]))
}

describe('importing a folder as people have it', () => {
  it('reads metadata files into their articles and skips what is not an article', async () => {
    const root = mixedFolder()
    const lib = Library.open(tmpDir())
    try {
      const r = await importFolder(lib, root)
      const status = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.status]))
      expect(status).toEqual({
        'README.md': 'skipped',
        LICENSE: 'skipped',
        'harbour-story/SOURCE.txt': 'skipped',
        'harbour-story/group.json': 'skipped',
        'harbour-story/1_nyt.txt': 'imported',
        'harbour-story/1_nyt.json': 'metadata',
        'harbour-story/2_usnews.txt': 'imported',
        'harbour-story/3_blaze.md': 'imported',
        'harbour-story/3_blaze.yaml': 'metadata',
        'harbour-story/4_gao.txt': 'imported',
        'harbour-story/4_gao.txt.json': 'metadata',
        'harbour-story/5_post.txt': 'imported',
        'harbour-story/5_post.json': 'failed',
        'tech/nyt-tech.txt': 'imported',
        'tech/undated.txt': 'imported'
      })
      expect(r['README.md']!.reason).toBe("the folder's documentation, not an article (pick it by name to import it)")
      expect(r['harbour-story/group.json']!.reason).toMatch(/^holds no article text/)
      expect(r['harbour-story/1_nyt.json']).toMatchObject({ articleId: r['harbour-story/1_nyt.txt']!.articleId, reason: 'metadata for 1_nyt.txt: title, url, outlet, date, author' })
      expect(r['harbour-story/5_post.json']!.reason).toMatch(/^metadata for 5_post\.txt could not be read: invalid JSON/)

      const get = (name: string) => lib.articles.get(r[name]!.articleId!)!
      expect(get('harbour-story/1_nyt.txt')).toMatchObject({
        title: 'Harbour £1.8m plan approved',
        outlet: 'The New York Times',
        publishedAt: '2021-10-04',
        author: 'Ana Lopez',
        url: 'https://www.nytimes.com/2021/10/05/harbour.html'
      })
      // The date line left the text.
      expect(get('harbour-story/1_nyt.txt').text).toMatch(/^The harbour plan/)
      expect(get('harbour-story/2_usnews.txt')).toMatchObject({ outlet: 'U.S. News & World Report', publishedAt: '2021-10-05' })
      expect(get('harbour-story/3_blaze.md')).toMatchObject({ outlet: 'TheBlaze.com', publishedAt: '2021-10-06', language: 'en' })
      expect(get('harbour-story/4_gao.txt')).toMatchObject({ outlet: 'Govt. Accountability Office', publishedAt: '2021-10-07' })
      expect(get('harbour-story/5_post.txt')).toMatchObject({ outlet: 'Коммерсантъ', publishedAt: '2025-11-25' })
      expect(get('harbour-story/5_post.txt').text).toMatch(/^The budget plan/)
      // Same outlet, other spelling: stored under the name already in the library.
      expect(get('tech/nyt-tech.txt').outlet).toBe('The New York Times')
      // A topic folder is not an outlet.
      expect(get('tech/undated.txt').outlet).toBeNull()
    } finally {
      lib.close()
    }
  })

  it('imports a README picked by name, and reports metadata again without applying it twice', async () => {
    const root = mixedFolder()
    const lib = Library.open(tmpDir())
    try {
      const [readme] = await importBatch(lib, [{ name: join(root, 'README.md'), path: join(root, 'README.md') }])
      expect(readme).toMatchObject({ status: 'imported', title: 'About these clippings' })
      await importFolder(lib, root)
      const again = await importFolder(lib, root)
      expect(again['harbour-story/1_nyt.txt']!.status).toBe('duplicate')
      expect(again['harbour-story/1_nyt.json']).toMatchObject({ status: 'metadata', articleId: again['harbour-story/1_nyt.txt']!.articleId })
      expect(again['harbour-story/1_nyt.json']!.reason).toMatch(/already in the library as #\d+ \(not applied again\)/)
    } finally {
      lib.close()
    }
  })

  it('sets the outlet of files that do not name one, for the whole folder or from sub-folder names', async () => {
    const root = mixedFolder()
    const byName = Library.open(tmpDir())
    const bySub = Library.open(tmpDir())
    try {
      const named = await importFolder(byName, root, { folderOutlet: { from: 'name', name: 'Harbour Desk' } })
      expect(byName.articles.get(named['tech/undated.txt']!.articleId!)!.outlet).toBe('Harbour Desk')
      // A file that names its outlet keeps it.
      expect(byName.articles.get(named['harbour-story/2_usnews.txt']!.articleId!)!.outlet).toBe('U.S. News & World Report')
      const sub = await importFolder(bySub, root, { folderOutlet: { from: 'subfolders' } })
      expect(bySub.articles.get(sub['tech/undated.txt']!.articleId!)!.outlet).toBe('tech')
    } finally {
      byName.close()
      bySub.close()
    }
  })
})

describe('hostile metadata files', () => {
  it('refuses a YAML file that expands without bound, and still imports its article', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`)
    const lib = Library.open(tmpDir())
    try {
      const results = await importBatch(lib, [
        { name: 'f/story.txt', bytes: Buffer.from(`Harbour story\n\n${body('harbour')}`) },
        { name: 'f/story.yaml', bytes: Buffer.from(`${levels.join('\n')}\noutlet: Bomb Weekly\n`) }
      ])
      expect(results.map((r) => r.status)).toEqual(['imported', 'failed'])
      expect(results[1]!.reason).toMatch(/^metadata for story\.txt could not be read: invalid YAML: .*alias/i)
      expect(lib.articles.get(results[0]!.articleId!)!.outlet).toBeNull()
    } finally {
      lib.close()
    }
  })
})

describe('batch files', () => {
  it('are never described by a same-named JSON file (controls.tsv with controls.json)', async () => {
    const lib = Library.open(tmpDir())
    try {
      const results = await importBatch(lib, [
        { name: 'x/export.tsv', bytes: Buffer.from(`title\ttext\nHarbour\t${body('harbour').replace(/\n/g, ' ')}\n`) },
        { name: 'x/export.json', bytes: Buffer.from(JSON.stringify([{ title: 'Ferry', text: body('ferry') }])) }
      ])
      expect(results.map((r) => [r.name, r.status])).toEqual([
        ['x/export.tsv (row 2)', 'imported'],
        ['x/export.json (record 1)', 'imported']
      ])
    } finally {
      lib.close()
    }
  })
})

describe('pairing across upload calls', () => {
  it('tells the caller which neighbouring files must go in the same call', () => {
    expect(belongTogether('clips/story/1_nyt.json', 'clips/story/1_nyt.txt')).toBe(true)
    expect(belongTogether('clips/story/4_gao.txt', 'clips/story/4_gao.txt.json')).toBe(true)
    expect(belongTogether('clips/a/1.json', 'clips/b/1.txt')).toBe(false)
    expect(belongTogether('clips/story/1_nyt.txt', 'clips/story/2_post.txt')).toBe(false)
  })
})

describe('outlet names', () => {
  it('share a key across case, punctuation and a leading article', () => {
    expect(outletKey('The New York Times')).toBe(outletKey('new york times'))
    expect(outletKey('U.S. News & World Report')).toBe(outletKey('US News and World Report'.replace(' and ', ' & ')))
    expect(outletKey('Le Monde')).toBe(outletKey('Monde'))
    expect(outletKey('Reuters')).not.toBe(outletKey('Reuters Health'))
  })

  it('follow the alias list on import and when it changes, renaming stored articles', async () => {
    const lib = Library.open(tmpDir())
    try {
      const file = (name: string, outlet: string) => ({ name: `${name}.txt`, bytes: Buffer.from(`${name} story\n\nMarch 1, 2025 — ${outlet}\n\n${body(name)}`) })
      await importBatch(lib, [file('a', 'New York Times'), file('b', 'The New York Times'), file('c', 'NYT')])
      const db = Library.connection(lib)
      const outlets = () => db.prepare('SELECT outlet, COUNT(*) AS n FROM articles GROUP BY outlet ORDER BY outlet').all()
      expect(outlets()).toEqual([{ outlet: 'NYT', n: 1 }, { outlet: 'New York Times', n: 2 }])

      const aliases = [{ alias: 'NYT', outlet: 'The New York Times' }]
      expect(lib.outlets.setAliases(aliases)).toBe(3)
      expect(lib.outlets.aliases()).toEqual(aliases)
      expect(outlets()).toEqual([{ outlet: 'The New York Times', n: 3 }])
      // Renamed articles wait for the search index again.
      expect(db.prepare('SELECT COUNT(*) FROM search_docs WHERE segment_id IS NULL').pluck().get()).toBe(3)
      await importBatch(lib, [file('d', 'N.Y.T.')])
      expect(outlets()).toEqual([{ outlet: 'The New York Times', n: 4 }])
      expect(lib.outlets.resolver().resolve('THE NEW-YORK TIMES')).toBe('The New York Times')
    } finally {
      lib.close()
    }
  })

  it('keep each outlet\'s stored spelling in memory across import calls, following edits, deletes and the most used spelling', async () => {
    const lib = Library.open(tmpDir())
    try {
      const file = (name: string, outlet: string) => ({ name: `${name}.txt`, bytes: Buffer.from(`${name} story\n\nMarch 1, 2025 — ${outlet}\n\n${body(name)}`) })
      const stored = (title: string) => Library.connection(lib).prepare('SELECT outlet FROM articles WHERE title = ?').pluck().get(`${title} story`)
      const idOf = (title: string) => Library.connection(lib).prepare('SELECT id FROM articles WHERE title = ?').pluck().get(`${title} story`) as number
      await importBatch(lib, [file('a', 'Harbour Times')])
      // A later call learns nothing from the library: the spelling the first call stored.
      await importBatch(lib, [file('b', 'HARBOUR TIMES'), file('c', 'Quay Post')])
      expect([stored('b'), stored('c')]).toEqual(['Harbour Times', 'Quay Post'])
      // Edited: the library's spelling is now the edited one.
      for (const t of ['a', 'b']) lib.articles.update(idOf(t), { outlet: 'The Harbour Times' })
      await importBatch(lib, [file('d', 'Harbour TIMES')])
      expect(stored('d')).toBe('The Harbour Times')
      // Deleted: a name no longer in use is not imposed on the next article.
      lib.articles.delete([idOf('c')])
      await importBatch(lib, [file('e', 'QUAY POST')])
      expect(stored('e')).toBe('QUAY POST')
      // Another spelling stored beside it (as an archive restores it) and now the most used: it wins.
      const prepared = (name: string) => ({ title: `${name} story`, author: null, outlet: 'Quay post', publishedAt: null, url: null, language: 'en', text: body(name), wordCount: 40, contentHash: name, warnings: [], sourceName: `${name}.txt`, sourceFormat: 'txt' as const })
      for (const n of ['f', 'g']) lib.articles.insert(prepared(n))
      expect(lib.outlets.resolver().resolve('quay-post')).toBe('Quay post')
    } finally {
      lib.close()
    }
  })
})

describe('parallax import options', () => {
  it('--outlet names the outlet for the whole folder; --outlet-from-folders cannot be given with it', () => {
    const root = mixedFolder()
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'import', root, '--json', ...args], { encoding: 'utf8', env: { ...process.env, PARALLAX_LIBRARY: '' } })
    const outletOf = (lib: string) => {
      const db = Library.open(lib)
      try {
        return Library.connection(db).prepare("SELECT outlet FROM articles WHERE title = 'Harbour wifi plan'").pluck().get()
      } finally {
        db.close()
      }
    }
    const a = tmpDir()
    const named = run('--library', a, '--outlet', 'Harbour Desk')
    const lines = named.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string })
    expect(lines.filter((l) => l.status === 'metadata')).toHaveLength(3)
    expect(outletOf(a)).toBe('Harbour Desk')
    const both = run('--library', tmpDir(), '--outlet', 'X', '--outlet-from-folders')
    expect(both.status).toBe(2)
    expect(both.stderr).toMatch(/exclude each other/)
  })
})
