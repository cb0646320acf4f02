/**
 * Exports never turn an article's text into markup: the `html` template escapes every
 * interpolation, and the notes and collection Markdown exports escape `<`, `>` and `&` from
 * articles (titles, bylines, quoted passages, URLs) while keeping the user's own note Markdown.
 */
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import { dispatch } from '../../src/main/core/dispatch'
import { html, htmlToString } from '../../src/main/core/export/safe-html'
import { markdownAutolink, markdownText } from '../../src/main/core/export/markdown-escape'
import { tmpDir } from '../helpers/tmp'

const PAYLOAD = `<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/leak"> & <form action="x"><button>Go</button></form>`

describe('the html template', () => {
  it('escapes every interpolated text, in nested fragments and lists too, and keeps its own markup', () => {
    const items = ['<b>one</b>', 'two & three']
    const page = html`<ul title="${'"quoted" \'x\''}">${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${false}${3}`
    expect(htmlToString(page)).toBe(
      '<ul title="&quot;quoted&quot; \'x\'"><li>&lt;b&gt;one&lt;/b&gt;</li><li>two &amp; three</li></ul>3'
    )
    // A string that looks like a fragment is still a string.
    expect(htmlToString(html`${{ toString: () => '<i>' } as unknown as string}`)).toBe('&lt;i&gt;')
  })

  it('Markdown helpers: entities for <, > and &; URLs that cannot leave their autolink', () => {
    expect(markdownText(PAYLOAD)).not.toMatch(/[<>]/)
    expect(markdownText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d')
    expect(markdownAutolink('https://x.example/a b><script>')).toBe('<https://x.example/a%20b%3E%3Cscript%3E>')
  })
})

async function callCore(core: Core, method: string, args: unknown): Promise<any> {
  const envelope = await dispatch(core.service, method, args)
  if (envelope.ok) return envelope.result
  throw new Error(`${method}: ${envelope.error.message}`)
}

describe('notes and collection exports with markup in the article', () => {
  it('escape the article text and keep the note body as the user wrote it', async () => {
    const core = openCore(tmpDir())
    const call = (m: string, a: unknown): Promise<any> => callCore(core, m, a)
    try {
      const body = `Officials posted ${PAYLOAD} on the door.`
      const text = `Notice <base href="http://127.0.0.1:9/"> posted\n\nMarch 3, 2025 — Courier <a href=x>\n\n${body}`
      const { results } = await call('import.files', { jobId: 'x', files: [{ name: 'n.txt', data: Buffer.from(text).toString('base64') }] })
      const id = results[0].articleId
      const article = await call('articles.get', { id })
      const start = article.text.indexOf('<meta')
      await call('notes.create', { articleId: id, start, end: article.text.indexOf('on the door'), color: 'yellow', body: 'Check **this** <u>now</u>' })
      const col = await call('collections.create', { name: 'Notices' })
      await call('collections.add', { id: col.id, articleIds: [id] })

      const notes = (await call('notes.export', { articleId: id })).content as string
      const collection = (await call('collections.export', { id: col.id, format: 'markdown' })).content as string
      for (const md of [notes, collection]) {
        expect(md).toContain('&lt;meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/leak"&gt; &amp; &lt;form')
        expect(md).toContain('&lt;base href=')
        // Only the user's own note body may carry markup.
        expect(md.replace('Check **this** <u>now</u>', '')).not.toMatch(/<(?!https?:)/)
        expect(md).toContain('Check **this** <u>now</u>')
      }
      expect(collection).toContain('Courier &lt;a href=x&gt;')
    } finally {
      await core.close()
    }
  })
})
