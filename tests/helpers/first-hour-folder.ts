/**
 * Writes a folder as people have them, for the first-hour test: invented stories told by several
 * outlets (so Stories, related coverage and Compare have something true to find), in every way a
 * folder names an outlet or a date (a date/byline line with a dotted outlet, a sidecar JSON, Markdown
 * front matter, nothing but the sub-folder's name), undated articles, a German part, wire copies
 * (near-duplicates), one exact copy, a README and a group.json. Everything is generated here from
 * word lists; no corpus text. `expected` says what a correct import makes of it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** A tiny seeded generator, so every run writes the same folder. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const PLACES = ['Marrowby', 'Kestlehaven', 'Ostervik', 'Dunmere', 'Pellingford', 'Brackwater', 'Sallowmoor', 'Quenford', 'Harlstead', 'Thornwick', 'Ebbsgate', 'Lindqvarn', 'Caddonfoot', 'Wrenhallow', 'Fenmouth', 'Ardlecombe', 'Yarrowdale', 'Gorsebrook', 'Maplethorne', 'Ravensholm']
const FIRST = ['Ilse', 'Tomasz', 'Agnieszka', 'Oduya', 'Brennan', 'Mireille', 'Kasimir', 'Leontyne', 'Farouk', 'Solveig', 'Desmond', 'Yevgenia', 'Ottoline', 'Bartholomew', 'Ngozi', 'Rasmus']
const LAST = ['Varnhagen', 'Quillfeather', 'Okonkwo-Hale', 'Drummelow', 'Vasquez-Thorne', 'Lindgard', 'Abernethy', 'Pemberton-Roy', 'Strand', 'Ashcombe', 'Kowalczyk', 'Marchetti', 'Oyelaran', 'Fairbrother']
const EVENTS = [
  { what: 'ferry strike', verb: 'halted the ferry crossings', thing: 'ferry crews', place: 'harbour' },
  { what: 'bridge vote', verb: 'approved a new tidal bridge', thing: 'councillors', place: 'estuary' },
  { what: 'museum fire', verb: 'damaged the maritime museum', thing: 'firefighters', place: 'old quay' },
  { what: 'water shortage', verb: 'forced hosepipe limits', thing: 'water engineers', place: 'reservoir' },
  { what: 'hospital merger', verb: 'merged two hospital trusts', thing: 'nurses', place: 'infirmary' },
  { what: 'rail closure', verb: 'closed the coastal railway', thing: 'commuters', place: 'junction' },
  { what: 'school rebuild', verb: 'announced a school rebuild', thing: 'teachers', place: 'academy' },
  { what: 'storm damage', verb: 'tore roofs from the seafront', thing: 'residents', place: 'promenade' }
]
/** Outlets that name themselves in a date/byline line: the dotted ones that once broke it. */
const DATELINE_OUTLETS = ['U.S. News & World Report', 'FactCheck.org', 'Govt. Accountability Office', 'TheBlaze.com']
/** Outlets named only by a sidecar JSON, by front matter, or by their folder. */
const SIDECAR_OUTLET = 'Kestrel Courier'
const FRONT_MATTER_OUTLET = 'Island Times'
const FOLDER_OUTLET = 'Harbour Post'
const UNDATED_OUTLET = 'Quay Times'
const GERMAN_OUTLET = 'Der Hafenbote'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember']

export interface FirstHourFolder {
  root: string
  expected: {
    /** Files that are articles (each imported once, the exact copy as a duplicate). */
    articles: number
    duplicates: number
    metadata: number
    /** The README and the group.json. */
    skipped: number
    outlets: string[]
    languages: string[]
    /** A story every outlet covered, its distinctive name and its titles. */
    story: { person: string; place: string; titles: string[] }
    /** Titles of articles with no date anywhere. */
    undatedTitles: string[]
  }
}

interface Story {
  person: string
  place: string
  event: (typeof EVENTS)[number]
  day: Date
  number: number
}

function stories(count: number, rand: () => number): Story[] {
  return Array.from({ length: count }, (_, i) => ({
    person: `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`,
    place: `${PLACES[i % PLACES.length]}${i >= PLACES.length ? ' North' : ''}`,
    event: EVENTS[i % EVENTS.length]!,
    // Five days apart, so two stories never fall in one date window.
    day: new Date(Date.UTC(2024, 0, 3 + i * 5)),
    number: 20 + Math.floor(rand() * 900)
  }))
}

/** One outlet's telling of a story: the shared facts reworded by `variant`, plus lines of its own. */
function englishBody(s: Story, variant: number, rand: () => number): string[] {
  const { person, place, event, number } = s
  const facts = [
    [`Officials in ${place} said on Tuesday that the ${event.what} ${event.verb}, affecting about ${number} ${event.thing}.`, `The ${event.what} in ${place} ${event.verb} this week, with roughly ${number} ${event.thing} affected, officials said.`],
    [`${person}, who leads the ${place} council, called the situation "serious but manageable" and promised a full review.`, `"It is serious but manageable," said ${person}, the head of the ${place} council, who has promised a review.`],
    [`Crowds gathered near the ${event.place} as ${event.thing} waited for news from the council offices.`, `Near the ${event.place}, ${event.thing} gathered and waited for word from the council.`],
    [`${person} said a report on the ${event.what} would be published within ${2 + (number % 5)} weeks.`, `A report on the ${event.what} is due in ${2 + (number % 5)} weeks, according to ${person}.`]
  ]
  const own = [
    `Local shopkeepers on the ${event.place} said trade had fallen since the weekend.`,
    `Opposition members asked why the warning signs in ${place} were missed last winter.`,
    `A spokesperson for the regional authority declined to comment on the ${event.what}.`,
    `Residents of ${place} have started a petition that had gathered ${number * 3} signatures by Monday.`,
    `The last comparable event in ${place} happened more than a decade ago.`
  ]
  const lines = facts.map((f) => f[(variant + Math.floor(rand() * 2)) % 2]!)
  lines.push(own[variant % own.length]!, own[(variant + 2) % own.length]!)
  return lines
}

const englishDate = (d: Date): string => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`
const germanDate = (d: Date): string => `${d.getUTCDate()}. ${MONATE[d.getUTCMonth()]} ${d.getUTCFullYear()}`
const isoDay = (d: Date): string => d.toISOString().slice(0, 10)
const plusDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000)

function germanBody(s: Story, variant: number): string[] {
  const { person, place, number } = s
  return [
    `Die Behörden in ${place} haben am Dienstag bestätigt, dass der Fährverkehr wegen eines Streiks eingestellt wurde und etwa ${number} Pendler betroffen sind.`,
    `${person}, die Vorsitzende des Gemeinderats von ${place}, sprach von einer ernsten, aber beherrschbaren Lage und kündigte eine Untersuchung an.`,
    variant % 2 ? `Am Hafen warteten viele Menschen auf Nachrichten aus dem Rathaus, während die Geschäfte leer blieben.` : `Viele Menschen warteten am Hafen auf Neuigkeiten aus dem Rathaus, die Läden blieben dabei leer.`,
    `Ein Bericht über die Ursachen soll nach Angaben der Verwaltung in wenigen Wochen veröffentlicht werden.`,
    `Die Opposition fragt, warum die Warnungen aus dem vergangenen Winter nicht ernst genommen wurden.`
  ]
}

/** Writes the folder under `parent` and says what a correct import makes of it. */
export function writeFirstHourFolder(parent: string, storyCount = 40): FirstHourFolder {
  const rand = rng(11)
  const root = join(parent, 'first-hour')
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  let articles = 0
  let metadata = 0
  const undatedTitles: string[] = []
  const all = stories(storyCount, rand)
  const titleOf = (s: Story, k: number): string => [`${s.place} ${s.event.what}: ${s.person} promises review`, `${s.event.what[0]!.toUpperCase()}${s.event.what.slice(1)} hits ${s.place}`, `What the ${s.place} ${s.event.what} means for ${s.event.thing}`, `${s.person} under pressure after ${s.event.what}`, `${s.place} counts the cost of the ${s.event.what}`, `${s.place}: ${s.event.thing} wait for answers`][k % 6]!

  write('README.md', '# Clippings\n\nThis folder holds the articles gathered for the first-hour test. Each sub-folder is one way of saying where an article came from.\n')
  write('sidecars/group.json', JSON.stringify({ group: 'coastal towns', collected: '2024-05-01', count: storyCount }))
  const firstStoryTitles: string[] = []
  /** The first dateline piece of each story (the wire copies' source) and one folder piece (the exact copy's). */
  const datelineBodies: string[][] = []
  let copied = ''
  all.forEach((s, i) => {
    const slug = `story-${String(i).padStart(2, '0')}`
    const lines = [0, 1, 2, 3, 4].map((v) => englishBody(s, v, rand))
    datelineBodies.push(lines[0]!)
    const body = (v: number): string => lines[v]!.join('\n\n')
    // Two outlets by date/byline line (dotted names), then a sidecar JSON, front matter, a folder name.
    for (let k = 0; k < 2; k++) {
      const outlet = DATELINE_OUTLETS[(i + k) % DATELINE_OUTLETS.length]!
      const title = titleOf(s, k)
      write(`datelines/${slug}-${k}.txt`, `${title}\n\n${englishDate(plusDays(s.day, k))} — ${outlet}\n\n${body(k)}\n`)
      if (i === 0) firstStoryTitles.push(title)
      articles++
    }
    write(`sidecars/${slug}.txt`, `${titleOf(s, 2)}\n\n${body(2)}\n`)
    write(`sidecars/${slug}.json`, JSON.stringify({ title: titleOf(s, 2), source: SIDECAR_OUTLET, date: isoDay(plusDays(s.day, 1)), author: `${FIRST[(i + 3) % FIRST.length]} ${LAST[(i + 7) % LAST.length]}` }))
    write(`front-matter/${slug}.md`, `---\ntitle: ${titleOf(s, 3)}\noutlet: ${FRONT_MATTER_OUTLET}\ndate: ${isoDay(s.day)}\n---\n\n${body(3)}\n`)
    const folderPiece = `${titleOf(s, 4)}\n\nBy ${FIRST[(i + 5) % FIRST.length]} ${LAST[(i + 2) % LAST.length]} | ${englishDate(plusDays(s.day, 2))}\n\n${body(4)}\n`
    write(`${FOLDER_OUTLET}/2024/${slug}.txt`, folderPiece)
    if (i === 0) copied = folderPiece
    if (i === 0) firstStoryTitles.push(titleOf(s, 2), titleOf(s, 3), titleOf(s, 4))
    articles += 3
    metadata++
  })
  // Undated pieces: no date anywhere, the outlet only from the folder's name; each says something of its own.
  const LETTER_LINES = [
    (p: string): string => `The ${p} library should open on Sunday afternoons, when working families can use it.`,
    (p: string): string => `Cyclists in ${p} deserve a lane that does not end at the roundabout without warning.`,
    (p: string): string => `Whoever planted the tulips along the ${p} canal deserves a medal from the town.`,
    (p: string): string => `Parking fees near the ${p} clinic punish the sick and their visitors alike.`,
    (p: string): string => `The choir that sang at the ${p} market hall reminded me why I moved here.`,
    (p: string): string => `Our street in ${p} has waited four years for the promised new pavement.`,
    (p: string): string => `Dog owners walking on the ${p} dunes must keep to the marked paths in spring.`
  ]
  all.slice(0, LETTER_LINES.length).forEach((s, i) => {
    const title = `Letters: readers on ${s.place} (${i + 1})`
    const lines = [LETTER_LINES[i]!(s.place), `Signed, ${FIRST[(i + 9) % FIRST.length]} ${LAST[(i + 4) % LAST.length]}, ${s.place}.`]
    write(`undated/${UNDATED_OUTLET}/letters-${i}.txt`, `${title}\n\n${lines.join('\n\n')}\n`)
    undatedTitles.push(title)
    articles++
  })
  // Wire copies: the first dateline piece of a story with a line added (near-duplicates).
  for (let i = 0; i < 6; i++) {
    const s = all[i]!
    const lines = [...datelineBodies[i]!, 'This article was distributed by a news agency.']
    write(`wire/${FOLDER_OUTLET}/wire-${i}.txt`, `${titleOf(s, 0)}\n\nBy Agency Staff | ${englishDate(s.day)}\n\n${lines.join('\n\n')}\n`)
    articles++
  }
  // The German part: its own dateline and outlet folder.
  all.slice(0, 8).forEach((s, i) => {
    for (let v = 0; v < 2; v++) {
      write(`deutsch/${GERMAN_OUTLET}/bericht-${i}-${v}.txt`, `Lage in ${s.place}: ${s.person} kündigt Untersuchung an${v ? ' (Nachtrag)' : ''}\n\nVon Anna Keller | ${germanDate(plusDays(s.day, v))}\n\n${germanBody(s, v).join('\n\n')}\n`)
      articles++
    }
  })
  // An exact copy under another name: reported as a duplicate, stored once.
  const first = all[0]!
  write(`copies/${FOLDER_OUTLET}/copy-of-story-00.txt`, copied)

  return {
    root,
    expected: {
      articles,
      duplicates: 1,
      metadata,
      skipped: 2,
      outlets: [...DATELINE_OUTLETS, SIDECAR_OUTLET, FRONT_MATTER_OUTLET, FOLDER_OUTLET, UNDATED_OUTLET, GERMAN_OUTLET],
      languages: ['de', 'en'],
      story: { person: first.person, place: first.place, titles: firstStoryTitles },
      undatedTitles
    }
  }
}
