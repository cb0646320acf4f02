/**
 * Files a reference-library record names as its own (Zotero's BibTeX `file` field, RIS `L1`),
 * and where they may be read from: only inside the export's folder. `../../etc/passwd`, an
 * absolute path elsewhere or a symbolic link out of the folder is refused, so an export cannot
 * make Parallax read a file the user did not hand it.
 */
import { realpath } from 'node:fs/promises'
import { extname, isAbsolute, posix, relative, resolve, sep } from 'node:path'
import { FORMAT_EXTENSIONS, IMPORTABLE_EXTENSIONS } from '../../../shared/formats'

/** What an attached file may be: an article file, not another export. */
const REFERENCE_EXTENSIONS: readonly string[] = [...FORMAT_EXTENSIONS.bibtex, ...FORMAT_EXTENSIONS.ris]
const SCAN_EXTENSIONS: readonly string[] = FORMAT_EXTENSIONS.image
const attachable = (path: string): boolean => {
  const ext = extname(path).slice(1).toLowerCase()
  return IMPORTABLE_EXTENSIONS.includes(ext) && !REFERENCE_EXTENSIONS.includes(ext)
}

/**
 * The first attached file Parallax can import. BibTeX's `file` holds `description:path:mime`
 * entries separated by `;` (Zotero, Mendeley; `\:` and `\\` escape) or a bare path (Better BibTeX).
 */
export function attachmentOf(field: unknown): string | undefined {
  const fields = (Array.isArray(field) ? field : [field]).filter((f): f is string => typeof f === 'string')
  const entries = fields.flatMap((f) => splitUnescaped(f, ';'))
  const paths = entries.map((e) => {
    const parts = splitUnescaped(e, ':').map(unescape)
    // "Full Text:files/1/a.pdf:application/pdf", or a Windows path split at its drive's colon.
    if (parts.length >= 3) return parts.slice(1, -1).join(':')
    return parts.join(':')
  })
  const candidates = paths.map((p) => p.trim().replace(/^file:\/\//i, '')).filter(attachable)
  // A text beats a scan: Zotero lists its page snapshot (an image) beside the full text.
  return candidates.find((p) => !SCAN_EXTENSIONS.includes(extname(p).slice(1).toLowerCase())) ?? candidates[0]
}

function splitUnescaped(text: string, separator: string): string[] {
  const out: string[] = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[++i]
    } else if (c === separator) {
      out.push(current)
      current = ''
    } else current += c
  }
  return [...out, current]
}

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1')

/** Why an attachment cannot be read, or where it is: a real path inside `folder`. */
export async function resolveAttachment(folder: string, named: string): Promise<{ path: string } | { refused: string }> {
  const target = resolve(folder, named.replace(/\\/g, '/'))
  if (!isInside(folder, target)) return { refused: `its attached file ${named} is outside the export's folder (not read)` }
  let real: string
  try {
    real = await realpath(target)
  } catch {
    return { refused: `its attached file ${named} was not found beside the export` }
  }
  // A symbolic link inside the folder may still lead out of it.
  if (!isInside(await realpath(folder), real)) return { refused: `its attached file ${named} leads outside the export's folder (not read)` }
  return { path: real }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/**
 * The same rule for files uploaded together (a dropped folder: names like `Export/files/1/a.pdf`):
 * the attachment's name inside the batch, or why it is refused.
 */
export function attachmentInBatch(exportName: string, named: string): { name: string } | { refused: string } {
  const folder = posix.dirname(exportName.replace(/\\/g, '/'))
  const target = posix.normalize(posix.join(folder, named.replace(/\\/g, '/')))
  const inside = folder === '.' ? !target.startsWith('../') && target !== '..' && !posix.isAbsolute(named) : target.startsWith(`${folder}/`)
  return inside && !posix.isAbsolute(named.replace(/\\/g, '/')) ? { name: target } : { refused: `its attached file ${named} is outside the export's folder (not read)` }
}
