/**
 * The search benchmarks' shared parts: the query mix (Parallax's query beside its FTS5 form), the
 * BBC corpus replicated to any size (new ids, paragraphs shuffled, so no two copies are the same
 * text), and the figures' formatting.
 */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { walk } from './corpus'

export const QUERIES: { kind: string; parallax: string; fts: string }[] = [
  { kind: 'one word', parallax: 'economy', fts: 'economy' },
  { kind: 'one word', parallax: 'election', fts: 'election' },
  { kind: 'two words', parallax: 'mobile phone', fts: 'mobile OR phone' },
  { kind: 'two words', parallax: 'oil prices', fts: 'oil OR prices' },
  { kind: 'phrase', parallax: '"prime minister"', fts: '"prime minister"' },
  { kind: 'phrase', parallax: '"interest rates"', fts: '"interest rates"' },
  { kind: 'rare term', parallax: 'cochilco', fts: 'cochilco' },
  { kind: 'rare term', parallax: 'kilroy', fts: 'kilroy' },
  { kind: 'prefix', parallax: 'elect*', fts: 'elect*' },
  { kind: 'prefix', parallax: 'champ*', fts: 'champ*' },
  { kind: 'fuzzy', parallax: 'goverment~1', fts: 'government' },
  { kind: 'field', parallax: 'title:apple', fts: 'title:apple' }
]

/**
 * Rounds of the query mix. 20 rounds give 240 latencies, so the p95 is not decided by the three
 * slowest of 60 (one GC pause or a neighbour on a shared machine moved it by 1.5x between runs).
 */
export const ROUNDS = 20

/** A deterministic shuffle, so every run measures the same texts. */
export function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** The corpus's articles: a title and paragraphs each. */
export function corpusBase(dir: string): { title: string; paras: string[] }[] {
  return walk(dir).map((f) => {
    const [title, ...paras] = readFileSync(f, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
    return { title: title!, paras }
  })
}

/** Article i of the replicated corpus (copies get a numbered title and shuffled paragraphs). */
export function replica(base: { title: string; paras: string[] }[], i: number): { title: string; text: string } {
  const b = base[i % base.length]!
  const copy = Math.floor(i / base.length)
  return { title: copy ? `${b.title} (${copy})` : b.title, text: (copy ? shuffle(b.paras, i) : b.paras).join('\n\n') }
}

export function corpus(dir: string, n: number): { title: string; text: string }[] {
  const base = corpusBase(dir)
  return Array.from({ length: n }, (_, i) => replica(base, i))
}

export const ms = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6
export const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
export const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`
export const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1))

export function latencies(run: (q: (typeof QUERIES)[number]) => unknown, rounds: number): number[] {
  const out: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t = process.hrtime.bigint()
      run(q)
      out.push(ms(t))
    }
  }
  return out
}


/** SQLite FTS5's side of the mix, from the fts.sqlite beside the library: open and first answer, then the rounds. */
export function ftsMix(dir: string): { db: Database.Database; ftsFirstMs: number; ftsLat: number[] } {
  const t = process.hrtime.bigint()
  const db = new Database(join(dir, 'fts.sqlite'), { readonly: true })
  const ftsQuery = db.prepare("SELECT rowid, snippet(f, 1, '[', ']', '…', 24) AS s FROM f WHERE f MATCH ? ORDER BY bm25(f, 3.0, 1.0) LIMIT 20")
  ftsQuery.all('economy')
  const ftsFirstMs = ms(t)
  latencies((q) => ftsQuery.all(q.fts), 2)
  return { db, ftsFirstMs, ftsLat: latencies((q) => ftsQuery.all(q.fts), ROUNDS) }
}
