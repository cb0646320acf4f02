/**
 * Postings collected from documents, in memory: the pending articles' index, and one batch of a
 * segment being built, with each term's positions. Terms are the search pipeline's (indexTerms),
 * which are what Lunr's tokenizer keeps of indexText (they are lower case and hold no spaces or
 * hyphens), so the terms, frequencies and field lengths are the ones a Lunr index of the same
 * documents holds (the tests hold them to one).
 */
import { FIELDS } from './query'
import { decodePostings, FIELD_COUNT, VarintWriter, type TermPostings } from './postings'
import type { IndexDoc } from './persistence'
import { splitPositions, writePlaces, type TermPositions } from './positions'
import { indexTerms } from '../text/tokenize'

/**
 * One field's entries of a term, delta-encoded as they arrive (articles come in ascending order):
 * postings in `w`, positions in `p` (see positions.ts). `doc` and `at` gather the current
 * article's places (position, stop word before, stop word after) before they are written.
 */
interface FieldEntries {
  w: VarintWriter
  p: VarintWriter
  last: number
  n: number
  doc: number
  at: number[]
  /** How much of `at` is this article's. */
  k: number
}

/** The fields' texts of a document, in FIELDS order. */
function fieldTexts(d: IndexDoc): (string | null)[] {
  const byName: Record<(typeof FIELDS)[number], string | null> = { title: d.title, text: d.text, author: d.author, outlet: d.outlet, tag: d.tags, notes: d.notes }
  return FIELDS.map((f) => byName[f])
}

/** A term's postings and positions as stored, and its df. */
export interface EncodedTerm {
  df: number
  data: Uint8Array
  positions: Uint8Array
}

/** An article's entry in a term's field: postings (doc gap, tf, field length), then its places (positions.ts). */
function write(e: FieldEntries, doc: number, length: number): void {
  e.w.push(doc - e.last)
  e.w.push(e.k / 3)
  e.w.push(length)
  writePlaces(e.p, e.at, e.k)
  e.last = doc
  e.n++
}

export class PostingsBuilder {
  private readonly terms = new Map<string, (FieldEntries | undefined)[]>()
  docCount = 0
  /** Sum of each field's length over the documents (Lunr's average field length is this over docCount). */
  readonly lengths: number[] = new Array(FIELD_COUNT).fill(0)
  readonly ids: number[] = []
  private lastId = -1

  /** Adds a document; documents must come in ascending id order. */
  add(d: IndexDoc): void {
    if (d.id <= this.lastId) throw new Error(`Documents must be added in ascending order (${d.id} after ${this.lastId}).`)
    this.lastId = d.id
    this.ids.push(d.id)
    this.docCount++
    fieldTexts(d).forEach((text, f) => {
      if (!text) return
      // One map look-up per word: each term's entry gathers this article's positions, written at the end.
      const touched: FieldEntries[] = []
      const length = indexTerms(text, (term, position, before, after) => {
        const e = this.entry(term, f)
        if (e.doc !== d.id) {
          e.doc = d.id
          e.k = 0
          touched.push(e)
        }
        // Overwritten in place, article after article (truncating an array costs more).
        e.at[e.k++] = position
        e.at[e.k++] = before
        e.at[e.k++] = after
      })
      this.lengths[f]! += length
      for (const e of touched) write(e, d.id, length)
    })
  }

  private entry(term: string, f: number): FieldEntries {
    let fields = this.terms.get(term)
    if (!fields) this.terms.set(term, (fields = new Array(FIELD_COUNT).fill(undefined)))
    return (fields[f] ??= { w: new VarintWriter(), p: new VarintWriter(), last: 0, n: 0, doc: -1, at: [], k: 0 })
  }

  get size(): number {
    return this.terms.size
  }

  /** The terms, in any order. */
  keys(): IterableIterator<string> {
    return this.terms.keys()
  }

  /** A term's postings as stored (see postings.ts), and its df. */
  encoded(term: string): EncodedTerm | undefined {
    const fields = this.terms.get(term)
    if (!fields) return undefined
    const out = new VarintWriter()
    const positions = new VarintWriter()
    let df = 0
    fields.forEach((e, f) => {
      if (!e) return
      out.push(f)
      out.push(e.n)
      out.append(e.w.bytes())
      positions.append(e.p.bytes())
      df += e.n
    })
    return { df, data: out.bytes(), positions: positions.bytes() }
  }

  /** A term's positions, along its postings. */
  positions(term: string): TermPositions | undefined {
    const enc = this.encoded(term)
    return enc && splitPositions(enc.positions, decodePostings(enc.data))
  }

  postings(term: string): TermPostings | undefined {
    const enc = this.encoded(term)
    return enc && decodePostings(enc.data)
  }
}
