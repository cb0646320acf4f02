/**
 * The search box's query language, parsed into clauses. Malformed input gets a clear message
 * (QuerySyntaxError), never an exception from Lunr's own parser, which is not used.
 *
 *   words            ranked; any may match
 *   "exact phrase"   the words, adjacent and in order (checked from the positions, phrases.ts)
 *   +required        must match          -excluded   must not match
 *   field:term       title, author, outlet, tag, notes (also field:"a phrase", field:pre*)
 *                    outlet:, author: and tag: written without + or - filter when the query has
 *                    words to rank (see markFilters); title: and notes: always rank
 *   prefix*          at least 3 characters before the star
 *   fuzzy~1          up to 1 (or 2) edits away
 */
import { isStopWord, normalize, stem, tokenize } from '../text/tokenize'

export const FIELDS = ['title', 'text', 'author', 'outlet', 'tag', 'notes'] as const
export type Field = (typeof FIELDS)[number]
const QUERYABLE_FIELDS: readonly string[] = ['title', 'author', 'outlet', 'tag', 'notes']

/** Fields that describe an article rather than say what it is about: written beside words to rank, they filter. */
const FILTER_FIELDS: readonly string[] = ['outlet', 'author', 'tag']

/** `filter`: the article must match, but the term does not rank (a facet written in the query). */
export type Presence = 'optional' | 'required' | 'excluded' | 'filter'

export interface Clause {
  kind: 'word' | 'prefix' | 'fuzzy' | 'phrase'
  /** As typed (for phrases: the words between the quotes). */
  raw: string
  /** Index terms: stemmed words (word, phrase), a normalised prefix, or a normalised fuzzy word. */
  terms: string[]
  field: Field | null
  presence: Presence
  distance: number
}

export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QuerySyntaxError'
  }
}

const MAX_QUERY = 1000
const MAX_CLAUSES = 32

export function parseQuery(input: string): Clause[] {
  if (input.length > MAX_QUERY) throw new QuerySyntaxError(`The query is too long (over ${MAX_QUERY} characters).`)
  const clauses: Clause[] = []
  const re = /\s*([+-]?)(?:([A-Za-z]+):)?(?:"([^"]*)("?)|([^\s"]+))/gy
  let pos = 0
  const rest = input.trim()
  while (pos < rest.length) {
    re.lastIndex = pos
    const m = re.exec(rest)
    if (!m) throw new QuerySyntaxError(`Cannot read the query from “${rest.slice(pos, pos + 20)}”.`)
    pos = re.lastIndex
    const [, sign, fieldName, phrase, closing, word] = m
    const presence: Presence = sign === '+' ? 'required' : sign === '-' ? 'excluded' : 'optional'
    let field: Field | null = null
    if (fieldName) {
      const f = fieldName.toLowerCase()
      if (!QUERYABLE_FIELDS.includes(f)) throw new QuerySyntaxError(`Unknown field “${fieldName}:”. Use title:, author:, outlet:, tag: or notes:.`)
      field = f as Field
    }
    if (phrase !== undefined) {
      if (closing !== '"') throw new QuerySyntaxError('A quotation mark is not closed.')
      const terms = tokenize(phrase).map((t) => t.term)
      if (terms.length === 0) continue
      clauses.push({ kind: terms.length === 1 ? 'word' : 'phrase', raw: phrase.trim(), terms, field, presence, distance: 0 })
      continue
    }
    clauses.push(readWord(word!, field, presence))
    if (clauses.length > MAX_CLAUSES) throw new QuerySyntaxError(`Too many search terms (at most ${MAX_CLAUSES}).`)
  }
  const positive = clauses.filter((c) => c.presence !== 'excluded')
  if (clauses.length > 0 && positive.length === 0) throw new QuerySyntaxError('Add at least one word to look for besides the excluded ones.')
  return markFilters(clauses)
}

/**
 * `outlet:fox vaccine` means Fox articles about vaccines, not Fox or vaccine articles: when the
 * query has a word to rank by (a positive term outside outlet:, author: and tag: that is not only
 * stop words), its outlet:, author: and tag: terms written without + or - become filters, wherever
 * they stand. Several of the same field are alternatives (outlet:fox outlet:cnn), different fields
 * all apply. Alone (`outlet:fox`) they rank as before; `+outlet:fox` and `-outlet:fox` keep Lunr's meaning.
 */
function markFilters(clauses: Clause[]): Clause[] {
  const isFilterField = (c: Clause): boolean => c.field !== null && FILTER_FIELDS.includes(c.field)
  const ranks = clauses.some((c) => c.presence !== 'excluded' && !isFilterField(c) && !c.terms.every(isStopWord))
  if (!ranks) return clauses
  return clauses.map((c) => (c.presence === 'optional' && isFilterField(c) ? { ...c, presence: 'filter' } : c))
}

function readWord(word: string, field: Field | null, presence: Presence): Clause {
  if (word.startsWith('*')) throw new QuerySyntaxError(`“${word}”: a star can only end a word (prefix*), not start it.`)
  const fuzzy = /^(.*?)~(\d)?$/.exec(word)
  if (fuzzy) {
    const distance = Number(fuzzy[2] ?? 1)
    if (distance < 1 || distance > 2) throw new QuerySyntaxError(`“${word}”: fuzzy search allows ~1 or ~2 edits.`)
    const term = normalize(fuzzy[1]!.replace(/[^\p{L}\p{N}\p{M}'’.]/gu, ''))
    if (term.length < 3) throw new QuerySyntaxError(`“${word}”: fuzzy search needs a word of at least 3 letters.`)
    // Compared with the stemmed index terms, so stemmed too (goverment -> gover ~ govern).
    return { kind: 'fuzzy', raw: word, terms: [stem(term)], field, presence, distance }
  }
  if (word.endsWith('*')) {
    const stemless = normalize(word.slice(0, -1).replace(/[^\p{L}\p{N}\p{M}'’.]/gu, ''))
    if (Array.from(stemless).length < 3) throw new QuerySyntaxError(`“${word}”: prefix search needs at least 3 letters before the star.`)
    if (word.slice(0, -1).includes('*')) throw new QuerySyntaxError(`“${word}”: only one star, at the end of a word.`)
    return { kind: 'prefix', raw: word, terms: [stemless], field, presence, distance: 0 }
  }
  const terms = tokenize(word).map((t) => t.term)
  if (terms.length === 0) throw new QuerySyntaxError(`“${word}” has no letters or digits to search for.`)
  // Punctuation inside a word (e-mail, state-of-the-art) makes it a phrase of its parts.
  if (terms.length > 1) return { kind: 'phrase', raw: word, terms, field, presence, distance: 0 }
  return { kind: 'word', raw: word, terms, field, presence, distance: 0 }
}

/** Whether a clause only holds stop words (then it ranks nothing on its own). */
export function onlyStopWords(c: Clause): boolean {
  return c.kind === 'word' && c.terms.every(isStopWord)
}
