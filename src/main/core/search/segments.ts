/**
 * Search segments in the library database. An immutable Lunr index per segment; every article
 * has a row in search_docs, pointing at the segment that covers it, or at none (pending). The
 * row is written in the same transaction as the article, so the library and its index never
 * disagree: a pending article is searched from memory until a segment covers it.
 */
import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import lunr from 'lunr'
import { configureBuilder, indexText } from './tokenize'

export interface IndexDoc {
  id: number
  title: string
  text: string
  author: string | null
  outlet: string | null
  /** The article's notes: their bodies and quotes. */
  notes: string | null
  tags: string | null
}

export interface SegmentRow {
  id: number
  doc_count: number
  data: string
  checksum: string
}

export function buildIndex(docs: IndexDoc[]): lunr.Index {
  return lunr(function () {
    configureBuilder(this)
    this.ref('id')
    this.field('title', { boost: 3 })
    this.field('text')
    this.field('author')
    this.field('outlet')
    this.field('tag')
    this.field('notes')
    for (const d of docs) {
      this.add({
        id: String(d.id),
        title: indexText(d.title),
        text: indexText(d.text),
        author: indexText(d.author),
        outlet: indexText(d.outlet),
        tag: indexText(d.tags),
        notes: indexText(d.notes)
      })
    }
  })
}

export function checksum(data: string): string {
  return createHash('sha256').update(data).digest('hex')
}

const DOC_COLUMNS = `a.id, a.title, a.text, a.author, a.outlet,
  (SELECT group_concat(n.body || ' ' || n.exact, ' ') FROM notes n WHERE n.article_id = a.id) AS notes,
  (SELECT group_concat(t.tag, ' ') FROM article_tags t WHERE t.article_id = a.id) AS tags`

export function loadDocs(db: Database.Database, ids: number[]): IndexDoc[] {
  const stmt = db.prepare(`SELECT ${DOC_COLUMNS} FROM articles a WHERE a.id = ?`)
  return ids.map((id) => stmt.get(id) as IndexDoc | undefined).filter((d): d is IndexDoc => !!d)
}

export function pendingIds(db: Database.Database, limit = -1): number[] {
  return db.prepare('SELECT article_id FROM search_docs WHERE segment_id IS NULL ORDER BY article_id LIMIT ?').pluck().all(limit) as number[]
}

/**
 * Builds a segment from the given articles and stores it, pointing their rows at it, and
 * removes the segments it replaces, all in one transaction. Articles deleted meanwhile are
 * simply not pointed at it (their rows are gone).
 */
export function writeSegment(db: Database.Database, docs: IndexDoc[], replaces: number[] = []): number {
  const data = JSON.stringify(buildIndex(docs))
  return db
    .transaction(() => {
      const id = Number(
        db
          .prepare('INSERT INTO search_segments (doc_count, data, checksum, created_at) VALUES (?, ?, ?, ?)')
          .run(docs.length, data, checksum(data), new Date().toISOString()).lastInsertRowid
      )
      const point = db.prepare('UPDATE search_docs SET segment_id = ? WHERE article_id = ?')
      for (const d of docs) point.run(id, d.id)
      const drop = db.prepare('DELETE FROM search_segments WHERE id = ?')
      for (const old of replaces) drop.run(old)
      return id
    })
    .immediate()
}

/** Checks counts and checksums; a broken segment's articles go back to pending to be rebuilt. */
export function verifyAndRepair(db: Database.Database): { repaired: number; missingRows: number } {
  let repaired = 0
  const segments = db.prepare('SELECT id, doc_count, checksum, data FROM search_segments').all() as SegmentRow[]
  for (const s of segments) {
    const covered = (db.prepare('SELECT count(*) AS n FROM search_docs WHERE segment_id = ?').get(s.id) as { n: number }).n
    let ok = checksum(s.data) === s.checksum && covered <= s.doc_count
    if (ok) {
      try {
        JSON.parse(s.data)
      } catch {
        ok = false
      }
    }
    if (!ok) {
      db.transaction(() => {
        db.prepare('UPDATE search_docs SET segment_id = NULL WHERE segment_id = ?').run(s.id)
        db.prepare('DELETE FROM search_segments WHERE id = ?').run(s.id)
      })()
      repaired++
    }
  }
  // Articles without a row (e.g. a library touched by another tool) become pending.
  const missingRows = db.prepare('INSERT OR IGNORE INTO search_docs (article_id, segment_id) SELECT id, NULL FROM articles').run().changes
  return { repaired, missingRows }
}

const MAX_SEGMENTS = 4
const BUILD_BATCH = 20_000

/**
 * Keeps the index in shape, one step at a time: pending articles become a new segment; too
 * many segments are merged (Lunr cannot merge indexes, so the merged segment is rebuilt from the
 * stored texts). Returns whether it did anything, so a caller can loop until it is idle.
 */
export function maintainStep(db: Database.Database): 'built' | 'merged' | 'idle' {
  const pending = pendingIds(db, BUILD_BATCH)
  if (pending.length > 0) {
    writeSegment(db, loadDocs(db, pending))
    return 'built'
  }
  const segs = db.prepare('SELECT id, doc_count FROM search_segments ORDER BY doc_count DESC').all() as { id: number; doc_count: number }[]
  if (segs.length <= MAX_SEGMENTS) return 'idle'
  // Merge the small ones; merge the largest too only when it is not much bigger than the rest.
  const [largest, ...rest] = segs
  const restDocs = rest.reduce((n, s) => n + s.doc_count, 0)
  const victims = largest!.doc_count > 4 * restDocs ? rest : segs
  const ids = db
    .prepare(`SELECT article_id FROM search_docs WHERE segment_id IN (${victims.map(() => '?').join(',')}) ORDER BY article_id`)
    .pluck()
    .all(...victims.map((v) => v.id)) as number[]
  writeSegment(db, loadDocs(db, ids), victims.map((v) => v.id))
  return 'merged'
}

export function maintain(db: Database.Database): void {
  while (maintainStep(db) !== 'idle') {
    /* one step at a time, each in its own transaction */
  }
}
