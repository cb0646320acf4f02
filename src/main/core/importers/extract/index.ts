/**
 * The main text of a saved web page: Mozilla Readability on a page cleaned of boilerplate first
 * (./boilerplate), its result cleaned of furniture lines and link lists (./classify), and a
 * jusText-style paragraph classifier over the whole page when Readability returns too little or
 * nothing. Works on a linkedom DOM: nothing is rendered, no script runs, nothing is fetched.
 */
import { Readability } from '@mozilla/readability'
import { parseDocument } from '../html-text'
import { removeBoilerplate } from './boilerplate'
import { classifyParagraphs, cleanArticleParagraphs, proseLength } from './classify'
import { findLead } from './lead'
import { domParagraphs, type Paragraph } from './paragraphs'
import type { DomDocument } from '../dom'

export interface MainText {
  paragraphs: string[]
  byline: string | null
  siteName: string | null
  /** How the text was found, for the import's warnings. */
  method: 'readability' | 'classifier' | 'every paragraph' | 'none'
}

const length = (ps: Paragraph[]): number => ps.reduce((n, p) => n + p.text.length, 0)

/** A byline as the page marks it, read before the cleaning removes author boxes. */
function findByline(doc: DomDocument): string | null {
  const el = doc.querySelector('[rel="author"], [itemprop="author"], [class~="byline"], [class~="author"]')
  const text = el?.textContent?.replace(/\s+/g, ' ').trim()
  return text && text.length < 100 ? text : null
}

function readabilityParagraphs(doc: DomDocument): { paragraphs: Paragraph[]; byline: string | null; siteName: string | null } {
  try {
    // Readability is typed against the browser's Document; linkedom's document is what it runs on.
    const article = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse()
    const content = article?.content ? parseDocument(article.content) : null
    const root = content ? (content.body ?? content.documentElement) : null
    return { paragraphs: root ? cleanArticleParagraphs(domParagraphs(root)) : [], byline: article?.byline ?? null, siteName: article?.siteName ?? null }
  } catch {
    // Readability gives up on some odd documents; the classifier still reads them.
    return { paragraphs: [], byline: null, siteName: null }
  }
}

const textOf = (doc: DomDocument): number => ((doc.body ?? doc.documentElement)?.textContent ?? '').replace(/\s+/g, ' ').length

/**
 * Reads a page down to the article's paragraphs. `parse` gives a fresh DOM of the page (the
 * work modifies it). When the cleaning leaves almost nothing of a page that has text, the page's
 * names lie (a forum whose posts are all classed "comment") and the uncleaned page is read.
 */
export function extractMainText(parse: () => DomDocument): MainText {
  const main = chooseMainText(parse)
  const lead = main.lead
  const joined = main.paragraphs.join(' ').replace(/\s+/g, ' ')
  const paragraphs = lead && !joined.includes(lead.slice(0, 80)) ? [lead, ...main.paragraphs] : main.paragraphs
  return { paragraphs, byline: main.byline, siteName: main.siteName, method: main.method }
}

function chooseMainText(parse: () => DomDocument): MainText & { lead: string | null } {
  let doc = parse()
  const byline = findByline(doc)
  const lead = findLead(doc)
  const before = textOf(doc)
  removeBoilerplate(doc)
  if (textOf(doc) < 500 && before > 2000) doc = parse()
  const body = doc.body ?? doc.documentElement
  const all = body ? domParagraphs(body) : []
  const classified = classifyParagraphs(all)
  const read = readabilityParagraphs(doc)
  const base = { byline: byline ?? read.byline, siteName: read.siteName, lead }
  // Readability settles on one container; when that holds under half of the prose the classifier
  // finds, it took a box beside the article (a table, a teaser list, or nothing): the classifier wins.
  if (length(read.paragraphs) >= 80 && proseLength(read.paragraphs) >= 0.5 * proseLength(classified)) {
    return { ...base, paragraphs: read.paragraphs.map((p) => p.text), method: 'readability' }
  }
  if (length(classified) >= 80) return { ...base, paragraphs: classified.map((p) => p.text), method: 'classifier' }
  const rest = [read.paragraphs, classified, all].find((ps) => ps.length > 0) ?? []
  return { ...base, paragraphs: rest.map((p) => p.text), method: rest.length ? 'every paragraph' : 'none' }
}
