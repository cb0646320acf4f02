/**
 * Hostile inputs found by the probe (issue 15), written at run time: the tests and
 * `npm run bench -- hostile` share them. Nothing here is read from a corpus.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateRawSync, gzipSync, constants as zlib } from 'node:zlib'

/** ESC ] 0 ; … BEL retitles a terminal, ESC [ 2 J clears it, U+009B is the C1 form of ESC [. */
export const TERMINAL_ATTACK = '\u001b]0;pwned\u0007\u001b[2J\u009b31m'

const MB = 1024 * 1024

/** Controls in titles, outlets and authors of every record format, an HTML entity and an e-mail encoded word. */
export function controlCharFiles(): { name: string; bytes: Buffer }[] {
  const text = (s: string): string => `The harbour ferry (${s}) will run every twenty minutes from May,${TERMINAL_ATTACK} the operator said.`
  const t = (s: string): string => `Ferry ${s}${TERMINAL_ATTACK} timetable`
  const record = (s: string): Record<string, string> => ({ title: t(s), outlet: `Harbour${TERMINAL_ATTACK} News`, author: `Jane${TERMINAL_ATTACK} Doe`, text: text(s) })
  const row = (s: string, sep: string): string => ['title', 'outlet', 'author', 'text'].join(sep) + '\n' + Object.values(record(s)).join(sep) + '\n'
  // &#155; would become › (HTML maps 128-159 to Windows-1252), so the C1 control comes raw.
  const entity = '&#27;]0;pwned&#7;&#x1b;[2J\u009b31m'
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title>
<meta property="og:title" content="Ferry html${entity} timetable"><meta property="og:site_name" content="Harbour${entity} News">
<meta name="author" content="Jane${entity} Doe"></head><body><article><p>${text('html')} ${text('page')}</p><p>${text('html')}</p></article></body></html>`
  const word = (s: string): string => `=?UTF-8?Q?${Buffer.from(s).toString('hex').replace(/../g, '=$&')}?=`
  const eml = [`From: ${word(`Harbour${TERMINAL_ATTACK} News`)} <news@harbour.example>`, `Subject: ${word(t('mail'))}`,
    'Date: Wed, 06 Nov 2024 06:30:00 +0000', 'Content-Type: text/plain; charset=utf-8', '', text('mail'), '', text('mail'), ''].join('\r\n')
  return [
    { name: 'controls.json', bytes: Buffer.from(JSON.stringify([record('json')])) },
    { name: 'controls.ndjson', bytes: Buffer.from(JSON.stringify(record('ndjson')) + '\n') },
    { name: 'controls.csv', bytes: Buffer.from(row('csv', ',')) },
    { name: 'controls.tsv', bytes: Buffer.from(row('tsv', '\t')) },
    { name: 'controls.html', bytes: Buffer.from(html) },
    { name: 'controls.eml', bytes: Buffer.from(eml) }
  ]
}

interface ZipEntry {
  name: string
  /** Raw deflate data. */
  data: Buffer
  /** What the headers claim the entry inflates to. */
  declaredSize: number
}

/** A zip archive written by hand, so its headers can say whatever the test needs. */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const fields = (h: Buffer, at: number): void => {
      h.writeUInt16LE(20, at) // version needed
      h.writeUInt16LE(0, at + 2) // flags
      h.writeUInt16LE(8, at + 4) // deflate
      h.writeUInt32LE(0x00210000, at + 6) // 1980-01-01 00:00
      h.writeUInt32LE(0, at + 10) // CRC-32 (nobody checks it first)
      h.writeUInt32LE(e.data.length, at + 14)
      h.writeUInt32LE(e.declaredSize, at + 18)
      h.writeUInt16LE(name.length, at + 22)
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    fields(local, 4)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // version made by
    fields(central, 6)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += local.length + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const deflate = (s: string): Buffer => deflateRawSync(Buffer.from(s))

/**
 * A DOCX whose word/document.xml inflates to `inflatedMb` MB of spaces while both its headers say
 * 900 bytes: one byte-aligned deflate segment of 1 MB (a full flush, no back-references across
 * it) repeated, then a final empty block. 1.2 GB takes 1.2 MB.
 */
export function lyingZipBomb(inflatedMb: number): Buffer {
  const segment = deflateRawSync(Buffer.alloc(MB, 0x20), { finishFlush: zlib.Z_FULL_FLUSH })
  const bomb = Buffer.concat([...Array<Buffer>(inflatedMb).fill(segment), Buffer.from([0x03, 0x00])])
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
  return zipArchive([
    { name: '[Content_Types].xml', data: deflate(types), declaredSize: types.length },
    { name: 'word/document.xml', data: bomb, declaredSize: 900 }
  ])
}

/**
 * A .warc.gz whose second record claims `inflatedMb` MB and is written as that many gzip members
 * of 1 MB of line ends (so only the inflate budget, not the line limit, can stop it): ~1 KB a MB.
 */
export function warcGzipBomb(inflatedMb: number): Buffer {
  const info = 'WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n'
  const head = `WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://bomb.example/\r\nContent-Type: image/png\r\nContent-Length: ${inflatedMb * MB}\r\n\r\n`
  const member = gzipSync(Buffer.alloc(MB, 0x0a))
  return Buffer.concat([gzipSync(info), gzipSync(head), ...Array<Buffer>(inflatedMb).fill(member)])
}

/** A WACZ whose archive/data.warc inflates to `inflatedMb` MB of line ends while its headers say 900 bytes. */
export function lyingWacz(inflatedMb: number): Buffer {
  const segment = deflateRawSync(Buffer.alloc(MB, 0x0a), { finishFlush: zlib.Z_FULL_FLUSH })
  const start = deflateRawSync(Buffer.from('WARC/1.1\r\nWARC-Type: resource\r\n'), { finishFlush: zlib.Z_FULL_FLUSH })
  const bomb = Buffer.concat([start, ...Array<Buffer>(inflatedMb).fill(segment), Buffer.from([0x03, 0x00])])
  return zipArchive([{ name: 'archive/data.warc', data: bomb, declaredSize: 900 }])
}

/** A feed that would expand entities a billion times, and one of `items` items. */
export function hostileFeeds(items: number): { laughs: string; giant: string } {
  const lol = (n: number): string => `<!ENTITY lol${n} "${`&lol${n - 1};`.repeat(10)}">`
  const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${Array.from({ length: 9 }, (_, i) => lol(i + 1)).join('')}]><rss><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`
  const item = (i: number): string => `<item><title>Notice ${i}</title><link>https://notices.example/${i}</link><description>Road works notice ${i}.</description></item>`
  const giant = `<rss version="2.0"><channel><title>Notices</title>${Array.from({ length: items }, (_, i) => item(i)).join('')}</channel></rss>`
  return { laughs, giant }
}

/** An export of `count` small records (NDJSON, or a JSON array), each a distinct article. */
export function manyRecords(count: number, format: 'ndjson' | 'json', tag = 'Note'): Buffer {
  const parts: string[] = []
  for (let i = 0; i < count; i++) parts.push(`{"title":"T${i}","text":"${tag} ${i}."}`)
  return Buffer.from(format === 'ndjson' ? parts.join('\n') + '\n' : `[${parts.join(',\n')}]`)
}

/** A FIFO (named pipe) at `path`: reading it blocks until something writes. */
export function makeFifo(path: string): void {
  execFileSync('mkfifo', [path])
}

/**
 * The probe's batch, roughly: dozens of hostile files and `good` ordinary articles in one folder.
 * Returns the names of the good files, which must all import.
 */
export function writeHostileBatch(dir: string, good = 20): string[] {
  mkdirSync(dir, { recursive: true })
  const w = (name: string, bytes: string | Buffer): void => writeFileSync(join(dir, name), bytes)
  w('bomb-1200mb.docx', lyingZipBomb(1200))
  w('bomb-300mb.docx', lyingZipBomb(300))
  makeFifo(join(dir, 'fifo.txt'))
  symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'))
  symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'))
  symlinkSync('/dev/zero', join(dir, 'zero.txt'))
  w('huge-line.txt', Buffer.alloc(49 * MB, 0x61))
  w('over-limit.txt', Buffer.alloc(50 * MB + 1, 0x61))
  w('records.ndjson', manyRecords(20_000, 'ndjson'))
  w('empty.txt', '')
  w('binary.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]))
  w('png.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  w('nested.html', `<html><body>${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}</body></html>`)
  w('nul.txt', Buffer.alloc(4096, 0))
  w('not-a-pdf.pdf', '%PDF-1.4\nbroken')
  w('not-a-zip.docx', 'plain text named docx')
  w('unclosed.csv', 'title,text\n"Open quote,never closed\nB,second\n')
  w('broken.json', '[{"title": "x", "text": ')
  w('script.html', '<html><body><script>alert(1)</script><img src=x onerror=alert(1)><p>Short</p></body></html>')
  for (const f of controlCharFiles()) w(f.name, f.bytes)
  w('bomb-700mb.warc.gz', warcGzipBomb(700))
  w('bomb-1200mb.wacz', lyingWacz(1200))
  const feeds = hostileFeeds(50_000)
  w('laughs.rss', feeds.laughs)
  w('giant-50000-items.rss', feeds.giant)
  const names: string[] = []
  for (let i = 0; i < good; i++) {
    names.push(`good-${i}.txt`)
    w(`good-${i}.txt`, `Harbour story ${i}\n\nThe harbour ferry number ${i} changed its timetable on Monday, the operator said.\n\nPassengers welcomed the change ${i}.\n`)
  }
  return names
}
