/** Near-duplicate links: MinHash signatures, their LSH bands, and the links found through them. */
import type { NearDuplicate } from '../../../shared/contract'
import { BANDS, bandHashes, NEAR_DUPLICATE_THRESHOLD, similarity } from '../dedupe/minhash'
import type { Connection, Statement } from './connection'

export class NearDuplicates {
  private readonly candidates: Statement
  private readonly link: Statement
  private readonly addSignature: Statement
  private readonly addBands: Statement
  private readonly linked: Statement
  private forgetStmt?: Statement[]

  constructor(private readonly db: Connection) {
    // One statement for all bands (each a primary-key lookup), not one per band: a bulk import runs it per article.
    const bands = Array.from({ length: BANDS }, (_, b) => `(${b}, ?)`).join(', ')
    this.candidates = db.prepare(
      `SELECT s.article_id AS id, s.sig, a.title, a.outlet FROM article_signatures s JOIN articles a ON a.id = s.article_id
       WHERE s.article_id IN (SELECT article_id FROM article_bands WHERE (band, hash) IN (VALUES ${bands}))`
    )
    this.link = db.prepare('INSERT OR REPLACE INTO article_links (a, b, kind, similarity) VALUES (?, ?, ?, ?)')
    this.addSignature = db.prepare('INSERT INTO article_signatures (article_id, sig) VALUES (?, ?)')
    this.addBands = db.prepare(`INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES ${Array.from({ length: BANDS }, (_, b) => `(${b}, ?, @id)`).join(', ')}`)
    this.linked = db.prepare(
      `SELECT a.id, a.title, a.outlet, l.similarity FROM article_links l
       JOIN articles a ON a.id = CASE WHEN l.a = @id THEN l.b ELSE l.a END
       WHERE l.a = @id OR l.b = @id ORDER BY l.similarity DESC`
    )
  }

  /** Stores a new article's signature and links it to the near-duplicates already stored; most similar first. */
  linkNew(id: number, sig: Uint32Array): NearDuplicate[] {
    const bands = bandHashes(sig)
    const found: NearDuplicate[] = []
    for (const row of this.candidates.all(...bands) as { id: number; sig: Buffer; title: string; outlet: string | null }[]) {
      if (row.id === id) continue
      const sim = similarity(sig, new Uint32Array(row.sig.buffer.slice(row.sig.byteOffset, row.sig.byteOffset + row.sig.byteLength)))
      if (sim < NEAR_DUPLICATE_THRESHOLD) continue
      this.link.run(Math.min(id, row.id), Math.max(id, row.id), 'near-duplicate', sim)
      found.push({ id: row.id, title: row.title, outlet: row.outlet, similarity: sim })
    }
    this.addSignature.run(id, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength))
    this.addBands.run(...bands, { id })
    return found.sort((x, y) => y.similarity - x.similarity)
  }

  /** Drops an article's signature and links (its text changed: a new version is linked afresh). */
  forget(id: number): void {
    this.forgetStmt ??= ['article_signatures WHERE article_id', 'article_bands WHERE article_id', 'article_links WHERE a = @id OR b']
      .map((t) => this.db.prepare(`DELETE FROM ${t} = @id`))
    for (const s of this.forgetStmt) s.run({ id })
  }

  of(id: number): NearDuplicate[] {
    return this.linked.all({ id }) as NearDuplicate[]
  }
}
