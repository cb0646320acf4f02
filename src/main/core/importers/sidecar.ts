/**
 * Folders as people have them: `story.txt` with `story.json` (or `.yaml`, or `story.txt.json`)
 * beside it holding the article's title, url, outlet, date, author or language; a README or
 * LICENSE describing the folder. The metadata file is read into its article and reported as
 * `metadata`, the folder's documentation is skipped, instead of both failing as articles.
 */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import type { ImportResult } from '../../../shared/contract'
import { cleanAuthor, parseDate } from './metadata'
import { tidyField } from './fields'
import type { PreparedOutput, PreparedRecord } from './prepare'
import { FIELDS, isoFromDate, pick } from './records'
import { decodeText } from './decode'
import { RECORD_FORMATS } from './record-stream'
import { extensionOf, importerFor } from './registry'
import type { ParsedArticle } from './types'

/** The fields of a source the batch runner needs here (see batch.ts ImportSource). */
interface Source {
  name: string
  bytes?: Uint8Array
  path?: string
}

export type Planned<S extends Source> = S & {
  /** The metadata file found beside this article file, and what it holds. */
  sidecar?: S
  sidecarMeta?: SidecarMeta
  /** For a metadata file: the name of the article file it describes. */
  describes?: string
}

const SIDECAR_EXTENSIONS = new Set(['json', 'yaml', 'yml'])
/** Batch formats (JSON, NDJSON, CSV, TSV…) carry their own metadata: no file describes them. */
const holdsOneArticle = (name: string): boolean => {
  const format = importerFor(name.replace(/\\/g, '/').split('/').at(-1)!)?.format
  return format !== undefined && !RECORD_FORMATS.has(format)
}
const MAX_SIDECAR_BYTES = 1024 * 1024
/** Files that describe a folder rather than belong to it as articles. */
const DOCUMENTATION = /^(?:readme|licen[cs]e|copying|changelog|source)(?:\.[^.]*)?$/i

const withoutExtension = (name: string): string => name.replace(/\\/g, '/').replace(/\.[^./]*$/, '')

/** Whether a file found inside a chosen folder is the folder's documentation (README.md, LICENSE). */
export function isFolderDocumentation(displayName: string): boolean {
  return DOCUMENTATION.test(displayName)
}

/**
 * Pairs each metadata file with the article file of the same name in the same folder, and puts
 * it right after that file so its result can name the stored article. A same-named file that
 * holds articles itself (a JSON array, an object with a long text) is no metadata file: it stays
 * where it was, imported on its own, as do unpaired files.
 */
export async function planSidecars<S extends Source>(sources: S[]): Promise<Planned<S>[]> {
  const articles = new Map<string, S>()
  for (const s of sources) {
    if (!holdsOneArticle(s.name)) continue
    const stem = withoutExtension(s.name)
    if (!articles.has(stem)) articles.set(stem, s)
    articles.set(s.name.replace(/\\/g, '/'), s) // `story.txt.json` names the whole file
  }
  const sidecarOf = new Map<S, { sidecar: S; meta: SidecarMeta }>()
  const paired = new Set<S>()
  for (const s of sources) {
    if (!SIDECAR_EXTENSIONS.has(extensionOf(s.name))) continue
    const article = articles.get(withoutExtension(s.name))
    if (!article || sidecarOf.has(article)) continue
    const meta = await readSidecar(s)
    if ('own' in meta) continue
    sidecarOf.set(article, { sidecar: s, meta })
    paired.add(s)
  }
  const planned: Planned<S>[] = []
  for (const s of sources) {
    if (paired.has(s)) continue
    const pair = sidecarOf.get(s)
    planned.push(pair ? { ...s, sidecar: pair.sidecar, sidecarMeta: pair.meta } : s)
    if (pair) planned.push({ ...pair.sidecar, describes: s.name })
  }
  return planned
}

/** Article fields from a metadata file; why it could not be read; or `own`: it holds articles itself. */
export type SidecarMeta = { fields: Partial<ParsedArticle> } | { error: string } | { own: true }

/** An article's text is longer than any metadata field. */
const ARTICLE_TEXT_CHARS = 200

/** Reads a metadata file into article fields; never throws. */
export async function readSidecar(source: Source): Promise<SidecarMeta> {
  try {
    const bytes = source.bytes ?? (await readSmallFile(source.path!))
    if (bytes.length > MAX_SIDECAR_BYTES) return { error: `too large for a metadata file (over ${MAX_SIDECAR_BYTES / 1024 / 1024} MB)` }
    const text = decodeText(bytes).text
    // The YAML parser is loaded only when a YAML file comes (every command would pay for it otherwise).
    const data: unknown = extensionOf(source.name) === 'json' ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: 100 })
    if (Array.isArray(data)) return { own: true }
    if (!data || typeof data !== 'object') return { error: 'not an object of fields' }
    const record = Object.fromEntries(Object.entries(data).map(([k, v]) => [k.toLowerCase().replace(/[\s-]/g, '_'), v]))
    if ((pick(record, FIELDS.text)?.length ?? 0) > ARTICLE_TEXT_CHARS || Array.isArray(record.articles)) return { own: true }
    return { fields: fieldsOf(data as Record<string, unknown>) }
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    if (e.code === 'ENOENT') return { error: 'file vanished before it could be read' }
    if (e.code === 'EACCES' || e.code === 'EPERM') return { error: 'permission denied' }
    return { error: `invalid ${extensionOf(source.name) === 'json' ? 'JSON' : 'YAML'}: ${e.message}` }
  }
}

/** Opens without following links or blocking on a FIFO, and reads only a regular file. */
async function readSmallFile(path: string): Promise<Uint8Array> {
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  try {
    const st = await fh.stat()
    if (!st.isFile()) throw new Error('not a regular file')
    if (st.size > MAX_SIDECAR_BYTES) return new Uint8Array(st.size) // refused by size above, unread
    return await fh.readFile()
  } finally {
    await fh.close()
  }
}

function fieldsOf(raw: Record<string, unknown>): Partial<ParsedArticle> {
  const r = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase().replace(/[\s-]/g, '_'), v instanceof Date ? v.toISOString().slice(0, 10) : v]))
  const field = (names: readonly string[]): string | null => tidyField(pick(r, names))
  const date = field(FIELDS.date)
  const url = field(FIELDS.url)
  const found: Partial<ParsedArticle> = {
    title: field(FIELDS.title)?.slice(0, 500),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    outlet: field(FIELDS.outlet)?.slice(0, 200),
    publishedAt: date ? (parseDate(date) ?? isoFromDate(date)) : null,
    author: cleanAuthor(field(FIELDS.author)),
    language: field(FIELDS.language)?.slice(0, 2).toLowerCase()
  }
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined && v !== null && v !== ''))
}

/** The article with the metadata file's fields over what its text said. */
export function applySidecar(output: PreparedOutput, meta: SidecarMeta | undefined): PreparedOutput {
  if (!meta || !('fields' in meta) || 'records' in output) return output
  return { ...output, ...meta.fields }
}

/** The metadata file's own result, from what became of its article. */
export function sidecarResult(name: string, describes: string, article: ImportResult | undefined, meta: SidecarMeta | undefined): ImportResult {
  const base = { name, nearDuplicates: [] as number[] }
  const of = describes.replace(/\\/g, '/').split('/').at(-1)!
  if (meta && 'error' in meta) return { ...base, status: 'failed', articleId: article?.articleId ?? null, title: article?.title ?? null, reason: `metadata for ${of} could not be read: ${meta.error}` }
  const fields = meta && 'fields' in meta ? Object.keys(meta.fields) : []
  if (!article || (article.status !== 'imported' && article.status !== 'duplicate')) {
    return { ...base, status: 'skipped', articleId: null, title: null, reason: `metadata for ${of}, which was not imported` }
  }
  if (fields.length === 0) return { ...base, status: 'skipped', articleId: article.articleId, title: article.title, reason: `beside ${of} but holds none of title, url, outlet, date, author, language` }
  const named = fields.map((f) => (f === 'publishedAt' ? 'date' : f)).join(', ')
  const reason = article.status === 'imported' ? `metadata for ${of}: ${named}` : `metadata for ${of}, already in the library as #${article.articleId} (not applied again)`
  return { ...base, status: 'metadata', articleId: article.articleId, title: article.title, reason }
}

/**
 * A JSON file holding one object that is no article (a folder's group.json, a config) is skipped
 * with the reason, not failed: returns that one result, or null for anything else.
 */
export function notAnArticle(format: string, name: string, firstRecords: PreparedRecord[], results: ImportResult[]): ImportResult[] | null {
  const only = firstRecords.length === 1 ? firstRecords[0]! : null
  if (format !== 'json' || !only || !('error' in only) || results.length !== 1) return null
  return [{ name, status: 'skipped', articleId: null, title: null, reason: `holds no article text: ${only.error}`, nearDuplicates: [] }]
}
