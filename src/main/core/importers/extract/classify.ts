/**
 * Paragraph classes after jusText (Pomikálek 2011): a paragraph is good when it is long and has
 * few links, bad when it is mostly links or a stock phrase of page furniture, and a short one
 * takes the class of the good or bad text around it. Used both to clean what Readability returns
 * and, when Readability finds too little, to read the main text from the whole page.
 */
import { linkDensity, type Paragraph } from './paragraphs'

type Kind = 'good' | 'bad' | 'short'

/**
 * Whole-paragraph stock phrases of page furniture in the languages of the corpus Parallax meets
 * most (English, German, French, Spanish, Polish, Portuguese): share and print tools, advertising
 * labels, "read more" links, tag lists, copyright lines and photo credits.
 */
const FURNITURE = new RegExp(
  '^(?:' +
    [
      '(?:share|teilen|partager|compartir|udostępnij|compartilhar|drucken|print|imprimer|imprimir|drukuj|tweet|e-?mail|whatsapp|facebook|twitter|linkedin|pinterest|xing)(?: (?:this|on|via|article|artikel|page|seite))*[:.!]?',
      '(?:advertisement|anzeige|werbung|reklama|publicidad|publicité|annonce|sponsored|gesponsert)(?: [-–—:].*)?',
      '(?:read more|weiterlesen|mehr lesen|lire la suite|leer más|czytaj (?:więcej|dalej)|więcej|mehr|more|zurück|back|top|nach oben|dowiedz się więcej)\\W*',
      '(?:tags?|schlagworte?|schlagwörter|themen|topics|kategorien?|categor(?:y|ies)|autor(?:en|in)?|authors?|źródło|quelle|source|fotos?|bilder?|images?|photos?|credits?)\\s*[:|].{0,120}',
      '(?:©|\\(c\\)|copyright)\\s.{0,200}',
      '.{0,120}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone)\\.?',
      '(?:foto|photo|bild|image|zdjęcie|fot\\.)\\s*:.{0,120}'
    ].join('|') +
    ')$',
  'i'
)

/** A line that is only a date (and time), perhaps after a short label: "Stand: 05. Februar 2020, 10:15 Uhr". */
const DATE_LINE = /^(?:[\p{L} ]{0,24}[:|,]?\s*)?(?:\d{1,2}\.?\s*(?:\d{1,2}\.|\p{L}{3,12}\.?)\s*\d{2,4}|\p{L}{3,12}\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})(?:,?\s*(?:um\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?)?\W*$/iu

export function isFurniture(text: string): boolean {
  return text.length < 240 && (FURNITURE.test(text) || (text.length < 60 && DATE_LINE.test(text)))
}

function kindOf(p: Paragraph): Kind {
  if (isFurniture(p.text)) return 'bad'
  const ld = linkDensity(p)
  if (ld > 0.5) return 'bad'
  if (p.text.length >= 70 && ld < 0.25) return 'good'
  return 'short'
}

/** Short paragraphs take the class of their nearest classed neighbours: good between goods. */
function resolveShort(kinds: Kind[], paragraphs: Paragraph[]): boolean[] {
  const keep = kinds.map((k) => k === 'good')
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== 'short') continue
    let prev: Kind | undefined
    for (let j = i - 1; j >= 0 && !prev; j--) if (kinds[j] !== 'short') prev = kinds[j]
    let next: Kind | undefined
    for (let j = i + 1; j < kinds.length && !next; j++) if (kinds[j] !== 'short') next = kinds[j]
    const heading = /^H[1-6]$/.test(paragraphs[i]!.tag)
    // A heading belongs to the text that follows it; other short lines to the text around them.
    keep[i] = heading ? next === 'good' : prev === 'good' && next === 'good'
  }
  return keep
}

/** The main text of a page whose paragraphs are given in document order. */
export function classifyParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const kinds = paragraphs.map(kindOf)
  const keep = resolveShort(kinds, paragraphs)
  return cutAtTail(paragraphs.filter((_, i) => keep[i]))
}

/**
 * The heading or prompt that opens a comment section ("Comments", "27 commentaires", "Leave a
 * reply", "Kommentieren"): what follows it is readers' talk and the page's furniture after it.
 */
const COMMENTS = /^(?:\d+\s+)?(?:comments?|kommentare?|kommentieren|leserkommentare|komentarze?|commentaires?|comentarios?|comentários?|leave a (?:reply|comment)|write a comment|add a comment|post a comment|schreibe einen kommentar|kommentar schreiben|dodaj komentarz|laisser un commentaire|deja un comentario)\W{0,3}(?:\(\d+\))?$/i

/** The heading of a "read also" box of other stories ("Auch interessant", "Related posts"). */
const READ_ALSO = /^(?:schon gelesen|auch interessant|lesen sie auch|das könnte sie auch interessieren|weitere (?:artikel|beiträge)|related(?: posts| articles| stories)?|read also|also read|see also|you may also like|more stories|czytaj (?:także|też)|zobacz (?:także|też)|à lire aussi|lire aussi|lee también|leia também|veja também)\W{0,3}$/i

/**
 * Paragraphs up to the page's tail: a comment section that starts in the second half of the
 * text, or a "read also" box in its last fifth. A comment heading earlier than that is the
 * page's subject (a forum thread, a discussion page); a "read also" earlier is an aside inside
 * the article, and the article goes on after it.
 */
export function cutAtTail(paragraphs: Paragraph[]): Paragraph[] {
  const total = paragraphs.reduce((n, p) => n + p.text.length, 0)
  let seen = 0
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    const tail = p.text.length < 40 && ((seen >= total * 0.5 && COMMENTS.test(p.text)) || (seen >= total * 0.8 && READ_ALSO.test(p.text)))
    if (tail) return paragraphs.slice(0, i)
    seen += p.text.length
  }
  return paragraphs
}

/**
 * What Readability kept, cleaned: furniture lines and link lists go, and so do the short lines
 * after the last good paragraph (sign-offs, "read more" teasers, dates, tags). Short lines inside
 * the article stay: there they are subheads, list items and datelines more often than boilerplate.
 */
export function cleanArticleParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const isLinkList = (p: Paragraph | undefined): boolean => !!p && linkDensity(p) > 0.5 && p.text.length < 400
  // A heading over a link list ("Read also", "More on this") goes with its list.
  const kept = cutAtTail(paragraphs).filter((p, i) => !isFurniture(p.text) && !isLinkList(p) && !(/^H[1-6]$/.test(p.tag) && isLinkList(paragraphs[i + 1])))
  const kinds = kept.map(kindOf)
  // Table cells at the end are the article's own data (a spec sheet, a results table).
  const last = kinds.findLastIndex((k, i) => k === 'good' || kept[i]!.tag === 'TD' || kept[i]!.tag === 'TH')
  return last < 0 ? kept : kept.slice(0, last + 1)
}

/** Characters of good prose (long, few links) among the paragraphs: how much article they hold. */
export function proseLength(paragraphs: Paragraph[]): number {
  return paragraphs.reduce((n, p) => n + (kindOf(p) === 'good' ? p.text.length : 0), 0)
}
