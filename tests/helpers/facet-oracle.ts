/**
 * The library table's facets computed the plain way, in JS from the library's raw rows, by the
 * contract's definition: each facet over the articles matching every filter but its own. The
 * reference the fast paths (summary tables, one grouped pass) are checked against.
 */
import type { FacetsResult } from '../../src/shared/library-page'
import type { StoreFilters } from '../../src/main/core/store/library-filter'
import type { Connection } from '../../src/main/core/store/connection'

interface RawArticle {
  id: number
  outlet: string | null
  language: string | null
  published_at: string | null
}
type Own = 'outlet' | 'language' | 'tag' | 'collection' | 'dates' | 'hasNotes' | 'none'

const bytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))

export function oracleFacets(db: Connection, f: StoreFilters): Omit<FacetsResult, 'error'> {
  const articles = db.prepare('SELECT id, outlet, language, published_at FROM articles').all() as RawArticle[]
  const tags = db.prepare('SELECT article_id AS id, tag FROM article_tags').all() as { id: number; tag: string }[]
  const members = db.prepare('SELECT article_id AS id, collection_id AS c FROM collection_articles').all() as { id: number; c: number }[]
  const noted = new Set(db.prepare('SELECT article_id FROM notes').pluck().all() as number[])
  const collections = db.prepare('SELECT id, name FROM collections').all() as { id: number; name: string }[]
  const tagsOf = group(tags.map((t) => [t.id, t.tag]))
  const inColl = group(members.map((m) => [m.id, m.c]))
  const ids = f.ids ? new Set(f.ids) : null
  const keep = (a: RawArticle, own: Own): boolean =>
    (own === 'outlet' || f.outlet === undefined || a.outlet === f.outlet) &&
    (own === 'language' || f.language === undefined || a.language === f.language) &&
    (own === 'tag' || f.tag === undefined || (tagsOf.get(a.id) ?? []).includes(f.tag)) &&
    (own === 'collection' || f.collection === undefined || (inColl.get(a.id) ?? []).includes(f.collection)) &&
    (own === 'dates' || f.from === undefined || (a.published_at !== null && bytes(a.published_at, f.from) >= 0)) &&
    (own === 'dates' || f.to === undefined || (a.published_at !== null && bytes(a.published_at, `${f.to}~`) <= 0)) &&
    (own === 'hasNotes' || f.hasNotes === undefined || noted.has(a.id) === f.hasNotes) &&
    (ids === null || ids.has(a.id))
  const over = (own: Own): RawArticle[] => articles.filter((a) => keep(a, own))
  const months = count(over('dates').map((a) => a.published_at?.slice(0, 7) ?? null))
  const monthList = [...months].sort(([a], [b]) => bytes(a, b)).map(([name, n]) => ({ name, count: n }))
  const years = count(monthList.flatMap((m) => Array<string>(m.count).fill(m.name.slice(0, 4))))
  const notedOver = over('hasNotes')
  const byColl = count(over('collection').flatMap((a) => (inColl.get(a.id) ?? []).map(String)))
  return {
    total: over('none').length,
    outlets: top(count(over('outlet').map((a) => a.outlet))),
    languages: top(count(over('language').map((a) => a.language))),
    tags: top(count(over('tag').flatMap((a) => tagsOf.get(a.id) ?? []))),
    collections: collections
      .sort((a, b) => bytes(a.name.toLowerCase(), b.name.toLowerCase()) || a.id - b.id)
      .map((c) => ({ ...c, count: byColl.get(String(c.id)) ?? 0 })),
    hasNotes: { with: notedOver.filter((a) => noted.has(a.id)).length, without: notedOver.filter((a) => !noted.has(a.id)).length },
    dates: monthList.length <= 48 ? { unit: 'month', buckets: monthList } : { unit: 'year', buckets: [...years].map(([name, n]) => ({ name, count: n })) }
  }
}

function group<K, V>(pairs: [K, V][]): Map<K, V[]> {
  const m = new Map<K, V[]>()
  for (const [k, v] of pairs) m.set(k, [...(m.get(k) ?? []), v])
  return m
}

function count(values: (string | null)[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const v of values) if (v !== null) m.set(v, (m.get(v) ?? 0) + 1)
  return m
}

const top = (m: Map<string, number>): { name: string; count: number }[] =>
  [...m]
    .sort(([a, x], [b, y]) => y - x || bytes(a, b))
    .slice(0, 200)
    .map(([name, n]) => ({ name, count: n }))
