/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds read into plain items with fast-xml-parser. Entity
 * declarations are refused before parsing (a feed never needs one; they are how "billion laughs"
 * expands a small file into gigabytes), and item bodies are kept as the raw text between their
 * tags, so the HTML in them (escaped, in CDATA, or Atom's inline XHTML) is read by the HTML reader.
 */
import { decodeXML } from 'entities'
import type { X2jOptions, XMLParser, XMLValidator } from 'fast-xml-parser'
import { ImportFailure } from './types'
import type { Feed, FeedItem } from './feed-types'

const BODY_TAGS = ['content:encoded', 'content', 'description', 'summary']

/** Made on first use: most commands never read a feed. */
let parser: XMLParser | undefined
let validator: typeof XMLValidator

async function loadParser(): Promise<XMLParser> {
  const fxp = await import('fast-xml-parser')
  validator = fxp.XMLValidator
  return new fxp.XMLParser(OPTIONS)
}

const OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 0 },
  stopNodes: BODY_TAGS.map((t) => `*.${t}`),
  isArray: (name: string) => ['item', 'entry', 'link', 'author', 'dc:creator'].includes(name),
  maxNestedTags: 200
}

type Node = Record<string, unknown>

export async function readXmlFeed(whole: string, maxItems: number): Promise<Feed> {
  const root = /<(rss|feed|rdf:RDF)\b/.exec(whole)
  if (!root) throw new ImportFailure('not a feed: no <rss>, <feed> (Atom) or <rdf:RDF> element')
  if (/<!ENTITY/i.test(whole.slice(0, root.index))) throw new ImportFailure('refused: the feed declares XML entities (<!ENTITY>), which a feed never needs (entity expansion attack?)')
  const { xml, total } = firstItems(whole, maxItems, root[1]!)
  parser ??= await loadParser()
  const valid = validator.validate(xml)
  if (valid !== true) throw new ImportFailure(xmlProblem(valid.err))
  let doc: Node
  try {
    doc = parser.parse(xml) as Node
  } catch (err) {
    throw new ImportFailure(`invalid XML: ${(err as Error).message.split('\n')[0]}`)
  }
  const rss = doc.rss as Node | undefined
  const rdf = doc['rdf:RDF'] as Node | undefined
  const atom = doc.feed as Node | undefined
  const channel = (rss?.channel ?? rdf?.channel ?? atom ?? {}) as Node
  const items = ((rss ? channel.item : rdf ? rdf.item : atom?.entry) ?? []) as Node[]
  return {
    title: text(channel.title),
    language: text(channel.language) ?? text((atom ?? {})['@xml:lang']),
    items: items.map(atom ? atomItem : rssItem),
    total
  }
}

/** Where each kind of feed closes after its last item. */
const CLOSING: Record<string, string> = { rss: '</channel></rss>', feed: '</feed>', 'rdf:RDF': '</rdf:RDF>' }

/**
 * The feed cut after its `max`-th item and closed again, so a giant feed is parsed only as far as
 * it is read (a linear scan for the items' end tags), and how many items the whole file has.
 */
function firstItems(xml: string, max: number, root: string): { xml: string; total: number } {
  let total = 0
  let cut = xml.length
  for (const m of xml.matchAll(/<\/(?:item|entry)\s*>/g)) {
    if (++total === max) cut = m.index + m[0].length
  }
  return total > max ? { xml: xml.slice(0, cut) + CLOSING[root]!, total } : { xml, total }
}

/** The validator's complaint in words: unclosed elements at the end mean the file was cut short. */
function xmlProblem(err: { msg: string; line: number }): string {
  const open = /^Invalid '\[(.*)\]' found/s.exec(err.msg)
  if (!open) return `invalid XML on line ${err.line}: ${err.msg.replace(/\s+/g, ' ').slice(0, 200)}`
  const tags = [...open[1]!.matchAll(/"([^"]{1,60})"/g)].map((m) => `<${m[1]}>`)
  return `invalid XML: the file ends inside ${tags.slice(0, 8).join(' ')} (truncated file?)`
}

function rssItem(item: Node): FeedItem {
  return {
    title: text(item.title),
    link: text(first(item.link)) ?? permalink(item.guid),
    date: text(item.pubDate) ?? text(item['dc:date']),
    // RSS's own <author> is an e-mail address, the name in brackets after it: `desk@x.example (Ana Ruiz)`.
    author: names(item['dc:creator']) ?? names(item.author)?.replace(/^\S+@\S+\s*\((.+)\)$/, '$1').replace(/^\S+@\S+$/, '') ?? null,
    html: body(item['content:encoded']),
    summary: body(item.description)
  }
}

function atomItem(entry: Node): FeedItem {
  const links = (entry.link ?? []) as Node[]
  const link = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0]
  return {
    title: text(entry.title),
    link: text(link?.['@href']),
    date: text(entry.published) ?? text(entry.updated),
    author: names(((entry.author ?? []) as Node[]).map((a) => a.name)),
    html: body(entry.content),
    summary: body(entry.summary)
  }
}

/** A value's text: a string, or an element's text beside its attributes. */
function text(v: unknown): string | null {
  const s = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as Node)['#text'] : null
  return typeof s === 'string' && s.trim() ? s.trim() : null
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v
}

function names(v: unknown): string | null {
  const all = ([] as unknown[]).concat(v ?? []).map(text).filter((s): s is string => !!s)
  return all.length ? all.join(', ') : null
}

/** An RSS guid is the item's address only when it says so (or does not say otherwise). */
function permalink(guid: unknown): string | null {
  const value = text(guid)
  const isLink = !(guid && typeof guid === 'object' && (guid as Node)['@isPermaLink'] === 'false')
  return value && isLink && /^https?:\/\//i.test(value) ? value : null
}

/**
 * An item body as HTML. Kept raw by the parser, so: CDATA sections are HTML as they stand, the
 * rest is escaped HTML (entities decoded once here), except Atom's `type="xhtml"`, which is markup.
 */
function body(v: unknown): string | null {
  const raw = text(v)
  if (!raw) return null
  const xhtml = !!v && typeof v === 'object' && (v as Node)['@type'] === 'xhtml'
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : xhtml ? part : decodeXML(part)))
    .join('')
}
