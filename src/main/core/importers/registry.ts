/** Picks the importer for a file by its extension, after checking what its bytes really are. */
import { extname } from 'node:path'
import type { SourceFormat } from '../../../shared/contract'
import { bibtexImporter } from './bibtex'
import { docxImporter } from './docx'
import { emlImporter } from './eml'
import { feedImporter, isJsonFeed } from './feed'
import { htmlImporter } from './html'
import { imageImporter } from './image'
import { markdownImporter } from './markdown'
import { mhtmlImporter } from './mhtml'
import { pdfImporter } from './pdf'
import { csvImporter, jsonImporter, ndjsonImporter } from './records'
import { risImporter } from './ris'
import { textImporter } from './text'
import { ImportFailure, type Importer } from './types'
import { waczImporter, warcImporter } from './web-archive'

export const IMPORTERS: readonly Importer[] = [
  textImporter,
  markdownImporter,
  htmlImporter,
  pdfImporter,
  docxImporter,
  emlImporter,
  jsonImporter,
  ndjsonImporter,
  csvImporter,
  bibtexImporter,
  risImporter,
  mhtmlImporter,
  warcImporter,
  waczImporter,
  feedImporter,
  imageImporter
]

/** Extensions of two parts, named whole (`page.warc.gz` is a WARC, not just gzip). */
const COMPOUND = ['warc.gz']

export function extensionOf(name: string): string {
  const lower = name.toLowerCase()
  return COMPOUND.find((c) => lower.endsWith(`.${c}`)) ?? extname(lower).slice(1)
}

export function importerFor(name: string): Importer | null {
  const ext = extensionOf(name)
  return IMPORTERS.find((i) => i.extensions.includes(ext)) ?? null
}

/**
 * The importer for a file whose extension several formats share, decided by its first bytes:
 * a `.json` that declares JSON Feed's version is a feed, any other stays a batch of records.
 */
export function importerForContent(importer: Importer, bytes: Uint8Array): Importer {
  return importer.format === 'json' && isJsonFeed(bytes) ? feedImporter : importer
}

/**
 * Why a file is left out although its extension is read: `.xml` is read only when it is a feed
 * (a sitemap or a settings file in a chosen folder is skipped, not failed). Null to import it.
 */
export function leftOut(name: string, bytes: Uint8Array): string | null {
  if (extensionOf(name) !== 'xml') return null
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1')
  return /<(?:rss|feed|rdf:RDF)\b/.test(head) ? null : 'not a feed: an .xml file is imported only when it is an RSS or Atom feed'
}

export function importerByFormat(format: SourceFormat): Importer {
  return IMPORTERS.find((i) => i.format === format)!
}

export function supportedExtensions(): string[] {
  return IMPORTERS.flatMap((i) => i.extensions)
}

const MAGIC: { kind: string; formats?: SourceFormat[]; bytes: number[] }[] = [
  { kind: 'a PDF document', formats: ['pdf'], bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'a ZIP archive (or Office document)', formats: ['docx', 'wacz'], bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a PNG image', formats: ['image'], bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'a JPEG image', formats: ['image'], bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'a TIFF image', formats: ['image'], bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'a TIFF image', formats: ['image'], bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'an executable (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'a Windows executable', bytes: [0x4d, 0x5a, 0x90, 0x00] },
  { kind: 'a gzip archive', formats: ['warc'], bytes: [0x1f, 0x8b, 0x08] },
  { kind: 'an old Office document (OLE)', formats: ['docx'], bytes: [0xd0, 0xcf, 0x11, 0xe0] }
]

/**
 * Refuses a file whose content is a known binary type its importer does not read, whatever
 * its name says (a PNG named .txt, an executable named .eml).
 */
export function assertContentMatches(importer: Importer, name: string, bytes: Uint8Array): void {
  for (const m of MAGIC) {
    if (m.bytes.every((b, i) => bytes[i] === b) && !m.formats?.includes(importer.format)) {
      throw new ImportFailure(`binary file: named .${extensionOf(name)} but it is ${m.kind}`)
    }
  }
}
