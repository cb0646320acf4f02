/**
 * Who speaks a quote, from the attribution patterns of news prose:
 * - after the quote: `…,” Kallas said`, `…,” said Sen. Steve Gallardo`, `…,” Pelosi and Schumer said in a
 *   joint statement`, `…,” he told Fox News`, `…,” the attorney said`;
 * - before it, in the same sentence: `Kallas said: “…”`, `He added, “…”`, `Trump wrote on Twitter that “…”`,
 *   `Clinton called the massacre an “…”`, the subject of the nearest verb of speech;
 * - a sentence that is only a quote continues the speaker of the sentence before it.
 * Pronouns (`he`, `they`) and posts (`the president`, `the group`) are resolved to the person,
 * group or organisation last in focus; `the letter` and `it` name nobody.
 */
import { leadingName, namesIn, type Name } from './names'

const SPEECH =
  'said|says|say|told|tells|telling|added|adds|adding|wrote|writes|writing|tweeted|tweets|posted|stated|states|argued|argues|arguing|explained|noted|notes|noting|insisted|insisting|asked|asks|warned|warns|warning|declared|declaring|claimed|claims|claiming|replied|continued|recalled|acknowledged|urged|urges|called|calls|calling|saying|vowed|vows|pledged|pledges|praised|praising|predicted|lamented|conceded|admitted|admits|announced|suggested|described|describes|describing|accused|attacked|slammed|blasted|dismissed|criticized|criticised|complained|promised|promise|promises|threatened|threatening|responded|reads|read|went on|according to|invoked|proclaiming|questioned|decried|decrying|referred to|mocked|joked|quipped|cautioned|emphasized|stressed|countered|boasted|reported|reports|informed|asserted|remarked|charged|testified|retorted|shot back|fired back|announces|retweeted|bragged|brags|bragging|accusing|accuses'
/** A verb of speech as a whole word (longest form first: `called for` before `called`). */
const SPEECH_SOURCE = `\\b(?:${SPEECH.split('|').sort((a, b) => b.length - a.length).join('|')})\\b`
export const SPEECH_VERB = new RegExp(SPEECH_SOURCE)
const SPEECH_WORD = new RegExp(`^(?:${SPEECH})$`)
/** Verbs of speech in a text, but not passive ones (`he was attacked`): their subject does not speak. */
const speechVerbs = (text: string): RegExpExecArray[] =>
  [...text.matchAll(new RegExp(SPEECH_SOURCE, 'g'))].filter((m) => !/\b(?:was|were|been|being|is|are|be|get|got)\s+$/.test(text.slice(0, m.index)))

const PERSON_NOUNS =
  /^(?:president|senator|congressman|congresswoman|lawmaker|representative|governor|mayor|attorney|lawyer|chairman|chairwoman|chair|leader|speaker|spokesman|spokeswoman|spokesperson|secretary|official|candidate|director|minister|judge|justice|sheriff|officer|aide|adviser|advisor|woman|man|mother|father|host|commentator|analyst|ambassador|former|vice|first|democrat|republican|executive|chief|professor|expert|author|activist|businessman|billionaire|comedian|justice|prosecutor|diplomat)\b/
const DOCUMENTS = /^(?:statement|statements|letter|report|note|release|post|tweet|memo|email|message|transcript|filing|ad|advertisement)$/
const ORG_NOUNS = /^(?:group|committee|organization|organisation|company|campaign|agency|department|office|union|network|club|association|party|firm|administration|board|council|coalition|outlet|newspaper|paper|channel|magazine|website|caucus|team)\b/

export interface Focus {
  /** The person last in focus, for `he`, `she`, `the president`. */
  person: string | null
  /** People in focus, latest last: `he` skips a woman the text calls Ms. Coulter. */
  recent: string[]
  /** Surnames the text gives Mr. or Ms./Mrs. */
  gender: Map<string, 'm' | 'f'>
  /** Posts given in apposition (`Dana Holt, the company's chief executive`): `the executive` is Holt. */
  posts: Map<string, string>
  /** The organisation last named, for `the group`. */
  org: string | null
  /** The people last speaking together, for `they`. */
  group: string | null
  /** Who spoke last, for a sentence that only continues a quote. */
  speaker: string | null
  /** Full names by surname: `Schiff` is shown as `Adam B. Schiff` once the article has named him in full. */
  known: Map<string, string>
  /** Words the article writes in lower case: a capitalised one of them opening a sentence is no name (Members, Armed). */
  common: Set<string>
  /** Capitalised words the article writes inside sentences too: a lone surname is one of them, `Hundreds` is not. */
  inner: Set<string>
}

export function newFocus(text: string): Focus {
  const common = new Set(text.match(/(?<![.!?]\s)\b\p{Ll}[\p{L}'’-]+/gu) ?? [])
  const gender = new Map<string, 'm' | 'f'>()
  for (const m of text.matchAll(/\b(Mr|Mrs|Ms|Miss)\.?((?:\s+(?:[A-Z]\.|[A-Z][\p{L}'’-]+))+)/gu)) gender.set(m[2]!.trim().split(/\s+/).at(-1)!, m[1] === 'Mr' ? 'm' : 'f')
  const inner = new Set([...text.matchAll(/(?<=[\p{Ll},]\s+)\p{Lu}[\p{L}'’-]+/gu)].map((m) => m[0]))
  return { person: null, recent: [], gender, posts: new Map(), org: null, group: null, speaker: null, known: new Map(), common, inner }
}

/** Puts a person in focus. */
export function setPerson(focus: Focus, name: string): void {
  focus.person = name
  focus.recent = [...focus.recent.filter((n) => n !== name).slice(-5), name]
}

/** `he` or `she`: the latest person in focus not known to be of the other gender. */
function byPronoun(focus: Focus, pronoun: 'he' | 'she'): string | null {
  const other = pronoun === 'he' ? 'f' : 'm'
  return focus.recent.findLast((n) => focus.gender.get(n.split(' ').at(-1)!) !== other) ?? null
}

/** Whether a name found in prose can be a speaker: no place, no common word standing alone at a sentence start. */
function plausible(n: Name | null | undefined, focus: Focus): n is Name {
  if (!n || n.kind === 'place') return false
  const word = n.text.toLowerCase()
  if (n.kind !== 'person' || n.text.includes(' ') || n.titled || focus.known.has(n.text)) return true
  return focus.inner.has(n.text) && !focus.common.has(word) && !focus.common.has(word.replace(/s$/, ''))
}

/** A name in full when the article gave it so before. */
function full(n: Name, focus: Focus): string {
  return n.kind === 'person' && !n.text.includes(' ') ? (focus.known.get(n.text) ?? n.text) : n.text
}

/** What a subject phrase is: names, a pronoun, a post (`the president`, `the group`, `the letter`), or no subject. */
type Subject = { names: Name[] } | { pronoun: string } | { post: string } | undefined

const OPENERS = /^(?:and|but|when|while|as|then|so|because|although|though|where|who|which|that|after|before|since|if|to which|in which|despite|with|without|by|in|on|at|for|from|during|according to|also)\s+/i
/** Where a noun phrase ends: a preposition, a relative word or a verb form. */
const NP_END = /^(?:for|of|at|to|in|on|with|from|by|about|who|which|that|addressed|sent|posted|issued|released|[a-z]+ed|[a-z]+ing)$/

function classify(phrase: string, focus: Focus, lastName = false, nearVerb = false): Subject {
  let p = phrase.replace(/\([^)]*\)/g, ' ').replace(/^[^\p{L}]+/u, '').replace(/\s+/g, ' ').trim()
  for (let k = 0; k < 3 && OPENERS.test(p); k++) p = p.replace(OPENERS, '')
  const pronoun = /^(he|she|they|it|i|we)\b/i.exec(p)?.[1]?.toLowerCase()
  if (pronoun) return { pronoun }
  const det = /^(?:the|a|an|one|another|his|her|their|its)\s+(.*)$/i.exec(p)
  if (det) {
    const words = det[1]!.split(' ')
    const np: string[] = []
    for (const w of words) {
      if (np.length >= 5 || SPEECH_WORD.test(w) || (NP_END.test(w) && (np.length > 0 || !/(?:ed|ing)$/.test(w)))) break
      np.push(w)
    }
    const inNp = namesIn(np.join(' ')).filter((n) => plausible(n, focus))
    const head = np.at(-1)?.replace(/['’]s$|[^\p{L}]+$/gu, '').toLowerCase() ?? ''
    // `a Pelosi aide`, `a White House official`: someone unnamed, not the name before the post.
    if (inNp.length && /^\p{Ll}/u.test(np.at(-1)!) && PERSON_NOUNS.test(head)) return { post: 'someone unnamed' }
    if (inNp.length) return { names: [inNp.at(-1)!] }
    // `a spokesperson for the U.S. Fish and Wildlife Service`: the organisation speaks.
    const rest = words.slice(np.length).join(' ')
    // `a statement from Senate Majority Leader Harry Reid's office`: its author speaks.
    const of = /^(?:for|of|at|from|by)\s+(.*)$/.exec(rest)
    const source = of ? namesIn(of[1]!.split(/[,;]/)[0]!).find((n) => plausible(n, focus)) : undefined
    if (source && ((PERSON_NOUNS.test(head) && source.kind === 'organization') || DOCUMENTS.test(head))) return { names: [source] }
    return { post: head }
  }
  // `City Hall deputy press officer Lena Moss said`: the name next to the verb, not the organisation before it.
  const nearest = namesIn(p).filter((n) => plausible(n, focus)).at(-1)
  if (nearVerb && nearest?.kind === 'person' && /^\s*(?:\w+ly|also|then|later|again|too|now|herself|himself)?\s*$/.test(p.slice(p.lastIndexOf(nearest.text.split(' ').at(-1)!) + nearest.text.split(' ').at(-1)!.length)) && !/\band\b/.test(p)) return { names: [nearest] }
  const parts = p.split(/\s+(?:and|&)\s+(?=[A-Z])/)
  // `said Pence press secretary Alyssa Farah`: after the verb, the name nearest the end of the phrase.
  const named = parts.map((part) => (lastName ? (namesIn(part).filter((n) => plausible(n, focus)).at(-1) ?? null) : leadingName(part)))
  if (named.every((n) => plausible(n, focus))) return { names: named }
  return undefined
}

function resolve(subject: Subject, focus: Focus): string | null | undefined {
  if (!subject) return undefined
  if ('names' in subject) return subject.names.map((n) => full(n, focus)).join(' and ')
  if ('pronoun' in subject) return subject.pronoun === 'he' || subject.pronoun === 'she' ? byPronoun(focus, subject.pronoun) : subject.pronoun === 'they' ? focus.group : null
  if (focus.posts.has(subject.post)) return focus.posts.get(subject.post)!
  if (PERSON_NOUNS.test(subject.post)) return focus.person
  if (ORG_NOUNS.test(subject.post)) return focus.org
  return null
}

/** The phrase up to the first comma, semicolon or sentence-ending dot (not the dot of `Sen.` or `S.`). */
function firstSegment(text: string): string {
  const m = /[,;:]|(?<!\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|[A-Z]))\.(?:\s|$)/.exec(text)
  return m ? text.slice(0, m.index) : text
}

/** The attribution right after a quote: `, X said …` or `, said X …`, before any other quote or clause. */
export function speakerAfter(after: string, focus: Focus): string | null | undefined {
  const span = after.split(/[“"«„]/)[0]!.slice(0, 220)
  const rest = span.replace(/^[\s,;:—–-]*/, '')
  const v = speechVerbs(rest)[0]
  if (!v) return undefined
  const subject = rest.slice(0, v.index)
  if (subject.trim() === '') {
    // Verb first: `said Human Rights Campaign President Chad Griffin, …`; `according to` names a source.
    const object = firstSegment(rest.slice(v.index + v[0].length)).split(/\s(?:in|on|at|during|after|before|while|when|who|that|to|about|from|as|speaking)\s/)[0]!
    return resolve(classify(object, focus, true), focus)
  }
  if (/[.!?]\s/.test(subject.replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|[A-Z])\./g, '')) || subject.split(/\s+/).length > 30) return undefined
  // Subject first: `Elliott, the director of …, said`; `the committee's chairman, Representative Trey Gowdy, wrote`.
  if (/^(?:on|in|at|to|for|of|out|from|with|by|about|over|into|then|and then)\s/i.test(subject)) return undefined
  const segments = subject.split(',')
  const head = classify(segments[0]!, focus, false, segments.length === 1)
  if (head && 'post' in head && segments[1]) {
    const apposed = leadingName(segments[1].trim())
    if (plausible(apposed, focus)) return full(apposed, focus)
  }
  return resolve(head, focus)
}

/** Words that open a clause inside a segment: its subject follows them. */
const CLAUSE = /\b(?:that|which|who|when|after|before|because|while|though|although|since|until|if)\b/

/**
 * The subject of the nearest verb of speech before a quote in its sentence (`masked`: the text before
 * the quote, earlier quotes blanked out). The words next to the verb may be a pronoun or a post;
 * `Dmitry Bam, a professor at …, said` is Bam: a segment opened by a name wins over an apposition.
 */
export function speakerBefore(masked: string, focus: Focus): string | null | undefined {
  const verbs = speechVerbs(masked)
  const v = verbs.at(-1)
  if (!v) return undefined
  if (v[0] === 'according to') return resolve(classify(firstSegment(masked.slice(v.index + v[0].length)), focus), focus)
  const segments = masked.slice(0, v.index).split(/[,;:]/)
  // The clause of the verb: after the last `that`, `which`, `after` … in the segment next to it.
  const segment = segments.pop()!
  const direct = classify(segment.split(CLAUSE).at(-1)!, focus, false, true) ?? classify(segment, focus)
  if (direct && (!('post' in direct) || focus.posts.has(direct.post))) return resolve(direct, focus)
  // `an alleged poll said`: a thing, not a person, is the subject.
  if (direct && !PERSON_NOUNS.test(direct.post)) return resolve(direct, focus)
  for (const s of segments.reverse()) {
    // The clause after `after`, `because` … first (`The meeting came after Boehner chided Obama`).
    const clause = classify(s.split(CLAUSE).at(-1)!, focus)
    if (clause && !('post' in clause)) return resolve(clause, focus)
    // An apposition (`a professor at the University of Maine`) is not the subject.
    if (/^[^\p{L}]*(?:the|a|an)\s/iu.test(s)) continue
    const c = classify(s, focus)
    if (c && !('post' in c)) return resolve(c, focus)
  }
  return resolve(direct, focus)
}

/** After a sentence: who it puts in focus (its subject), and the people it names in full. */
export function updateFocus(focus: Focus, masked: string, subject: boolean): void {
  for (const n of namesIn(masked)) {
    const words = n.text.split(' ')
    if (n.kind === 'person' && words.length > 1) focus.known.set(words.at(-1)!, n.text)
  }
  // `Name, the … post,`: the post names that person later.
  const parts = masked.split(/[,;:]/)
  parts.forEach((part, i) => {
    const n = leadingName(part.replace(/^[^\p{L}]+/u, ''))
    const appo = /^\s*(?:the|a|an)\s+(.*)$/i.exec(parts[i + 1] ?? '')
    if (!n || n.kind !== 'person' || !appo) return
    const head = appo[1]!.split(/\s+(?:of|at|for|in|on|with|from|to|who|which)\s+/)[0]!.split(/\s+/).at(-1)!.toLowerCase()
    if (/^\p{Ll}+$/u.test(head)) focus.posts.set(head, full(n, focus))
  })
  if (!subject) return
  // The subject opens the sentence, or follows one opening phrase (`On Monday, Mr. Priebus said`).
  const segments = masked.split(/[,;:]/).map((x) => x.replace(/^[^\p{L}]+/u, '').replace(OPENERS, ''))
  const opening = [segments[0], segments[1]].map((x) => (x ? leadingName(x) : null)).find((n) => plausible(n, focus))
  // No person opens the sentence: the first person it names in full or with a title is in focus.
  const person = opening ?? namesIn(masked).find((n) => n.kind === 'person' && (n.titled || n.text.includes(' ')) && plausible(n, focus))
  if (person?.kind === 'person') setPerson(focus, full(person, focus))
  if (opening?.kind === 'organization') focus.org = opening.text
}

/**
 * Before a sentence's quotes: a person opening it (`Mr. Trump began his remarks …, saying that he was
 * “…”`) is who its pronouns mean; not a possessive (`Mrs. Clinton's “…,” the chairman wrote`).
 */
export function focusOnOpener(focus: Focus, beforeFirstQuote: string): void {
  const n = leadingName(beforeFirstQuote.replace(/^[^\p{L}]+/u, ''))
  if (!n || n.kind !== 'person' || !plausible(n, focus)) return
  const last = n.text.split(' ').at(-1)!
  if (new RegExp(`${last}['’]s\\b`, 'u').test(beforeFirstQuote)) return
  setPerson(focus, full(n, focus))
}

/** After a quote's speaker is known: later pronouns and posts point to it. */
export function noteSpeaker(focus: Focus, speaker: string | null): void {
  focus.speaker = speaker
  if (!speaker) return
  if (speaker.includes(' and ')) focus.group = speaker
  else if (namesIn(speaker)[0]?.kind === 'organization') focus.org = speaker
  else setPerson(focus, speaker)
}
