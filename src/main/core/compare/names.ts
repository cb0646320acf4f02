/**
 * Proper names as news prose writes them, without an NLP pass: runs of capitalised words and
 * initials (`Ronald S. Johnson`, `Nancy Pelosi of California`), stripped of the titles and posts
 * in front of them (`Senate Minority Leader Chuck Schumer` -> `Chuck Schumer`), and told apart as
 * person, organisation or place by their words. Used to find who speaks a quote.
 */

export type NameKind = 'person' | 'organization' | 'place'

export interface Name {
  text: string
  kind: NameKind
  /** A title or post stood before it (Mr., Sen., Attorney General). */
  titled: boolean
}

/** Words that head a name as a title or post, never as the name itself. */
const TITLES = new Set(
  (
    'Mr Mrs Ms Miss Dr Sen Sens Rep Reps Gov Gen Lt Col Capt Sgt Adm Maj Prof Rev Hon Atty Supt Det Insp ' +
    'President Vice Speaker Senator Senators Representative Congressman Congresswoman Governor Mayor Secretary Attorney ' +
    'General Judge Justice Chief Chairman Chairwoman Chair Leader Majority Minority Whip Deputy Director Press ' +
    'Treasury Interior Defense Homeland Ambassador Minister Prime Commissioner Sheriff Officer Detective Captain Former ' +
    'U.S. US House Senate Democratic Republican Democrat Republicans Democrats GOP Federal State Assistant Spokesman ' +
    'Spokeswoman Spokesperson Executive Council Party Incoming Outgoing Then Acting Interim First Lady Pope King Queen Prince Sir ' +
    'Councillor Councilor Councilman Councilwoman Alderman Chancellor Premier Lord Lady Baroness Baron Dame Bishop Archbishop Cardinal Rabbi Imam Coach'
  ).split(' ')
)

/** Titles that name a person's post (`Secretary`), as against words that also name bodies (`House`, `Senate`). */
const PERSON_POSTS = new Set(
  'Secretary Spokesman Spokeswoman Spokesperson Director Chairman Chairwoman Leader President Speaker Senator Representative Rep Sen Gov Governor Mayor Minister Commissioner Ambassador Chief Officer Attorney General Judge Justice Mr Mrs Ms Dr Councillor Chancellor Premier Sheriff Captain Capt'.split(' ')
)

/** Words that make a name an organisation. */
const ORG_WORDS =
  /\b(?:Club|Committee|Security|Affairs|Relations|Services|Resources|Intelligence|Centers?|Building|Memorial|Hall|Museum|Hospital|Service|Group|Association|Network|Party|Council|Union|Department|Agency|Post|Times|News|Journal|Foundation|Institute|Campaign|Office|Bureau|Commission|Court|Congress|Administration|Coalition|Center|Centre|Project|Company|Corporation|Inc|Corp|Ltd|University|College|School|Church|Bank|Fund|Board|Caucus|Alliance|Federation|Organization|Organisation|Ministry|Police|Army|Navy|Force|Guard|Patrol|Society|Trust|Press|Tribune|Herald|Broadcasting|Media|Radio|Television|Magazine|Review|WikiLeaks|Hotline|Twitter|Facebook|Google|Apple|White House|Kremlin|Pentagon)\b/

const PLACES = new Set(
  (
    'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas ' +
    'Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon ' +
    'Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming America Americas Mexico Canada Russia Ukraine China Iran ' +
    'Iraq Israel Syria Libya Afghanistan Pakistan India Japan Korea Germany France Britain England Scotland Wales Ireland Europe Africa Asia ' +
    'Zimbabwe Cuba Venezuela Brazil Italy Spain Poland Turkey Egypt Gaza London Paris Moscow Beijing Kyiv Kiev Berlin Brussels Chicago Boston ' +
    'Denver Detroit Atlanta Miami Dallas Houston Phoenix Manhattan Brooklyn Hollywood Iowa Hampshire Jersey York Carolina Dakota Orleans ' +
    'Bridgeport Hartford Ferguson Orlando Mesa Hope Lincoln Tripoli Benghazi'
  ).split(' ')
)

/** Capitalised words and initials, with the particles names carry; `of` only before another capital. */
const RUN = /(?:\b[A-Z][\p{L}'’.-]*|\b[A-Z]\.)(?:\s+(?:(?:de|van|von|bin|al|da|del|la|le|of|for|and|&)\s+)?(?:[A-Z][\p{L}'’.-]*|[A-Z]\.))*/gu
const NOT_NAMES = new Set(
  ('The A An But And Or So In On At It Its This That These Those He She They We I You His Her Their Our My When While After Before As If Since Asked Speaking Rather Earlier Later Last Next Then Still Yet However Meanwhile Also Even Only Now Here There What Who Why How ' +
    'According To For With From By Of Which Whose Among Under Over Despite Though Although During Until Unless Because Without Into Through Like Unlike Both Each Every All Some Many Most No Not One Two Three Another Other ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec').split(' ')
)

function trimRun(words: string[], org: boolean): string[] {
  const w = [...words]
  while (w.length && (NOT_NAMES.has(w[0]!) || (!org && isTitle(w[0]!)))) w.shift()
  while (w.length && ['and', 'of', '&', 'de', 'van', 'von', 'al'].includes(w.at(-1)!)) w.pop()
  return w
}

function kindOf(text: string): NameKind {
  if (ORG_WORDS.test(text) || /^[A-Z]{2,}$/.test(text) || /^(?:[A-Z]\.){2,}$/.test(text)) return 'organization'
  const words = text.split(/\s+/)
  if (words.every((w) => PLACES.has(w) || w === 'New' || w === 'North' || w === 'South' || w === 'West' || w === 'City' || w === 'of')) return 'place'
  return 'person'
}

/**
 * The names in a span of prose, in order. A title inside a run cuts it (`Treasury Secretary Jacob Lew`:
 * Jacob Lew); `Pelosi of California` is Pelosi; an organisation keeps its words (`Fish and Wildlife Service`).
 */
export function namesIn(text: string): Name[] {
  const out: Name[] = []
  for (const m of text.replace(/[“”"«»„]/g, ' ').matchAll(RUN)) {
    const raw = m[0].replace(/['’]s$/u, '').replace(/[.,]$/, (d) => (/\b[A-Z]\.$/.test(m[0]) ? d : ''))
    // `White House Press Secretary Sarah Sanders`: a person after a post inside an organisation's run.
    const words = raw.split(/\s+/)
    const post = words.findLastIndex((w) => PERSON_POSTS.has(w.replace(/\.$/, '')))
    if (post >= 0 && post < words.length - 1 && !ORG_WORDS.test(words.slice(post + 1).join(' ')) && words.slice(post + 1).every((w) => /^\p{Lu}/u.test(w))) {
      push(out, words.slice(post + 1).join(' '), true)
      continue
    }
    const org = ORG_WORDS.test(raw) || /^(?:[A-Z]{2,}|(?:[A-Z]\.){2,})$/.test(raw.split(/\s+/).at(-1)!)
    if (!org) {
      // A person: cut at `of` (Pelosi of California), and after the last title (Attorney General Jon Bruning).
      // Two people in one run (Trump and Zinke) are two names.
      for (const part of raw.split(/\s+(?:and|&)\s+/)) {
        const words = part.split(/\s+of\s+/)[0]!.split(/\s+/)
        const lastTitle = words.findLastIndex(isTitle)
        push(out, lastTitle >= 0 && lastTitle < words.length - 1 ? words.slice(lastTitle + 1).join(' ') : words.join(' '), lastTitle >= 0)
      }
    } else push(out, raw.replace(/^(?:The|A|An)\s+/, ''), false, true)
  }
  return out
}

const isTitle = (w: string): boolean => TITLES.has(w) || TITLES.has(w.replace(/\.$/, ''))

function push(out: Name[], raw: string, titled: boolean, org = false): void {
  const words = trimRun(raw.split(/\s+/).filter(Boolean), org)
  if (!words.length || (!org && words.every(isTitle))) return
  const text = words.join(' ')
  // A party-and-state code (R-Ohio, D-N.Y.) or a lone initial is no name.
  if (/^[RDI]-/.test(text) || /^[A-Z]\.?$/.test(text)) return
  const dropped = raw.split(/\s+/).filter(Boolean).slice(0, -words.length || undefined)
  out.push({ text, kind: kindOf(text), titled: titled || dropped.some(isTitle) })
}

/** Lower-case words that may stand before a name as its post (`press secretary Alyssa Farah`). */
const POSTS = new Set(
  'the a an former then top senior press secretary spokesman spokeswoman spokesperson deputy officer director chairman chairwoman leader attorney lawyer aide adviser official chief executive president minister presidential candidate congressional state federal national local county city party campaign communications policy host columnist commentator activist founder co-founder veteran longtime incoming outgoing acting interim'.split(
    ' '
  )
)

/**
 * The name that opens a phrase: only titles, posts and articles may stand before it, so
 * `Sen. John Cornyn` and `press secretary Alyssa Farah` open with a name, `said Vice President Biden` does not.
 */
export function leadingName(phrase: string): Name | null {
  const p = phrase.replace(/\([^)]*\)/g, ' ').trim()
  const first = namesIn(p)[0]
  if (!first) return null
  const at = p.indexOf(first.text.split(' ')[0]!)
  const before = p.slice(0, at).split(/\s+/).filter(Boolean)
  return before.every((w) => isTitle(w) || POSTS.has(w.toLowerCase()) || (/^\p{Lu}/u.test(w) && !NOT_NAMES.has(w))) ? first : null
}

/**
 * A name found by the NLP pass, completed to its whole span in the text and stripped of titles:
 * `Senate Democratic Leader Chuck` (cut before the surname) is `Chuck Schumer`. Null when nothing
 * but titles is left (`President`).
 */
export function completeName(text: string, raw: string): string | null {
  const name = raw.replace(/['’]s\b.*$/u, '')
  if (!name) return null
  const at = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').exec(text)
  if (!at) return namesIn(name)[0]?.text ?? null
  const before = /(?:(?:[A-Z][\p{L}'’.-]*|[A-Z]\.)\s+)*$/u.exec(text.slice(Math.max(0, at.index - 80), at.index))?.[0] ?? ''
  const after = /^(?:\s+(?:[A-Z][\p{L}'’-]*|[A-Z]\.))*/u.exec(text.slice(at.index + name.length))?.[0] ?? ''
  const span = before + text.slice(at.index, at.index + name.length) + after
  const last = name.split(/\s+/).at(-1)!.replace(/['’]s$/, '')
  const found = namesIn(span)
  return (found.find((n) => n.text.split(' ').includes(last)) ?? found.find((n) => name.includes(n.text)))?.text ?? null
}
