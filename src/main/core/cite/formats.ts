/**
 * Articles as citations, every format made by Citation.js from the same CSL-JSON items: CSL-JSON
 * itself, BibTeX and RIS as Zotero writes them, and references formatted by citeproc-js with the
 * APA 7th edition style (bundled with Citation.js) and the Chicago 17th edition author-date style
 * (resources/csl/, CC BY-SA 3.0). Nothing here reaches the network: only CSL-JSON goes in.
 */
import type { Cite as CiteClass, CslItem } from '@citation-js/core'
import chicagoAuthorDate from '../../../../resources/csl/chicago-author-date.csl?raw'
import type { CitationFormat } from '../../../shared/contract/citations'
import { citationJs } from '../platform/citation-js'

const CHICAGO = 'chicago-author-date'
const STYLES: Record<'apa' | 'chicago', string> = { apa: 'apa', chicago: CHICAGO }

type CslConfig = { styles: { has(name: string): boolean; add(name: string, xml: string): void } }
type Cite = typeof CiteClass

export async function formatCitations(items: CslItem[], format: CitationFormat): Promise<string> {
  const { Cite, plugins } = await citationJs()
  const csl = plugins.config.get('@csl') as CslConfig
  if (!csl.styles.has(CHICAGO)) csl.styles.add(CHICAGO, chicagoAuthorDate)
  switch (format) {
    case 'csl-json':
      return `${JSON.stringify(items, null, 2)}\n`
    case 'bibtex':
      return bibtex(Cite, items)
    case 'ris':
      return ris(Cite, items)
    default:
      return new Cite(items).format('bibliography', { format: 'text', template: STYLES[format], lang: 'en-US' })
  }
}

type BibEntry = { type: string; label: string; properties: Record<string, string> }

/**
 * BibTeX as Zotero exports it: Citation.js's BibTeX entry (`@article` with `journal`, `year`,
 * `month` for a newspaper or magazine article; `@misc` for a web page) plus the BibLaTeX fields
 * Zotero adds and biber reads (`date`, `urldate`, `language`); classic BibTeX ignores those.
 */
function bibtex(Cite: Cite, items: CslItem[]): string {
  const cite = new Cite(items)
  const classic = cite.format('bibtex', { format: 'object' }) as unknown as BibEntry[]
  const latex = cite.format('biblatex', { format: 'object' }) as unknown as BibEntry[]
  return classic
    .map((entry, i) => {
      const extra = latex[i]?.properties ?? {}
      const fields: Record<string, string> = { ...entry.properties }
      for (const f of ['date', 'urldate', 'language']) if (extra[f]) fields[f] = extra[f]
      const body = Object.entries(fields).map(([k, v]) => `\t${k} = {${v}},`)
      return `@${entry.type}{${entry.label},\n${body.join('\n')}\n}\n`
    })
    .join('\n')
}

/**
 * RIS as Zotero, Mendeley and EndNote write a newspaper article: `TY  - NEWS` with AU, DA, PY,
 * T2, UR, Y2 and LA. Citation.js follows the RIS specification, where a NEWS record's AU is the
 * "reporter" and DA is not its date, so a newspaper article is written with the magazine mapping
 * (the same tags) and typed NEWS.
 */
function ris(Cite: Cite, items: CslItem[]): string {
  return items
    .map((item) => {
      const news = item.type === 'article-newspaper'
      const text = new Cite([news ? { ...item, type: 'article-magazine' } : item]).format('ris', { spec: 'mixed' })
      return news ? text.replace(/^TY {2}- MGZN$/m, 'TY  - NEWS') : text
    })
    .join('\n')
    .concat('\n')
}
