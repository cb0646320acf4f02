/**
 * Postings collected from documents, in memory: the pending articles' index, and one batch of a
 * segment being built. Terms come from Lunr's own pipeline as the segment builder configured it
 * (indexText, then Lunr's tokenizer: lower case, split on white space and hyphens), so the terms,
 * frequencies and field lengths are the ones a Lunr index of the same documents holds.
 */
import { FIELDS } from './query'
import { decodePostings, FIELD_COUNT, VarintWriter, type TermPostings } from './postings'
import type { IndexDoc } from './persistence'
import { indexText } from '../text/tokenize'

/** One field's entries of a term, delta-encoded as they arrive (articles come in ascending order). */
interface FieldEntries {
  w: VarintWriter
  last: number
  n: number
}

/** The fields' texts of a document, in FIELDS order. */
function fieldTexts(d: IndexDoc): (string | null)[] {
  const byName: Record<(typeof FIELDS)[number], string | null> = { title: d.title, text: d.text, author: d.author, outlet: d.outlet, tag: d.tags, notes: d.notes }
  return FIELDS.map((f) => byName[f])
}

/** Lunr's tokenizer over the pipeline's output (lunr.tokenizer: toLowerCase, split on /[\s-]+/). */
export function lunrTerms(text: string | null): string[] {
  return indexText(text)
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
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
      const terms = lunrTerms(text)
      this.lengths[f]! += terms.length
      const tf = new Map<string, number>()
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1)
      for (const [t, n] of tf) this.entry(t, f).push(d.id, n, terms.length)
    })
  }

  private entry(term: string, f: number): { push(doc: number, tf: number, len: number): void } {
    let fields = this.terms.get(term)
    if (!fields) this.terms.set(term, (fields = new Array(FIELD_COUNT).fill(undefined)))
    const e = (fields[f] ??= { w: new VarintWriter(), last: 0, n: 0 })
    return {
      push(doc, tf, len) {
        e.w.push(doc - e.last)
        e.w.push(tf)
        e.w.push(len)
        e.last = doc
        e.n++
      }
    }
  }

  get size(): number {
    return this.terms.size
  }

  /** The terms, in any order. */
  keys(): IterableIterator<string> {
    return this.terms.keys()
  }

  /** A term's postings as stored (see postings.ts), and its df. */
  encoded(term: string): { df: number; data: Uint8Array } | undefined {
    const fields = this.terms.get(term)
    if (!fields) return undefined
    const out = new VarintWriter()
    let df = 0
    fields.forEach((e, f) => {
      if (!e) return
      out.push(f)
      out.push(e.n)
      out.append(e.w.bytes())
      df += e.n
    })
    return { df, data: out.bytes() }
  }

  postings(term: string): TermPostings | undefined {
    const enc = this.encoded(term)
    return enc && decodePostings(enc.data)
  }
}
