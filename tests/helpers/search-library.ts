/** A real library of fixture articles (name -> text of a .txt file), imported and searched in-process. */
import { afterEach, beforeEach } from 'vitest'
import { importBatch } from '../../src/main/core/services/import-batch'
import { InProcessSearch } from '../../src/main/core/search/service'
import { Library } from '../../src/main/core/store/library'
import { tmpDir } from './tmp'

export interface SearchFixture {
  lib: Library
  /** Fixture name -> article id. */
  ids: Record<string, number>
  search: InProcessSearch
  /** The hits' fixture names, in the order given. */
  names: (hits: { id: number }[]) => string[]
}

export async function openSearchFixture(articles: Record<string, string>): Promise<SearchFixture> {
  const lib = Library.open(tmpDir())
  const files = Object.entries(articles).map(([k, t]) => ({ name: `${k}.txt`, bytes: new TextEncoder().encode(t) }))
  const results = await importBatch(lib, files)
  const ids = Object.fromEntries(Object.keys(articles).map((k, i) => [k, results[i]!.articleId!]))
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]))
  return { lib, ids, search: new InProcessSearch(Library.connection(lib)), names: (hits) => hits.map((h) => byId[h.id]!) }
}

/** A fixture opened before each test of the calling describe block and closed after it; `ranked` names a query's hits, best first. */
export function useSearchFixture(articles: Record<string, string>): SearchFixture & { ranked: (q: string) => Promise<string[]> } {
  const f = {
    ranked: async (q: string): Promise<string[]> => {
      const res = await f.search.search({ q, limit: 50 })
      if (res.error) throw new Error(res.error)
      return f.names(res.hits)
    }
  } as SearchFixture & { ranked: (q: string) => Promise<string[]> }
  beforeEach(async () => {
    Object.assign(f, await openSearchFixture(articles))
  })
  afterEach(() => f.lib.close())
  return f
}
