/** What the folder import dialog shows and sends: the folder's name and sub-folder outlets, and the outlet option chosen. */
import type { FolderOutlet } from '../../../../shared/contract'
import { outletFolder } from '../../../../shared/folder-outlet'

/** A chosen or dropped folder, as the dialog describes it. */
export interface FolderSummary {
  /** The top folder's name ("clippings"), or several names joined when more were dropped. */
  name: string
  files: number
  /** The outlets "from sub-folder names" would give, most files first. */
  subfolderOutlets: { name: string; files: number }[]
}

export function summarizeFolder(paths: string[]): FolderSummary {
  const roots = new Set<string>()
  const outlets = new Map<string, number>()
  for (const p of paths) {
    const folders = p.split(/[\\/]/).slice(0, -1)
    if (folders[0]) roots.add(folders[0])
    const outlet = outletFolder(folders)
    if (outlet) outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1)
  }
  const subfolderOutlets = [...outlets].map(([name, files]) => ({ name, files })).sort((a, b) => b.files - a.files || a.name.localeCompare(b.name))
  return { name: [...roots].join(', '), files: paths.length, subfolderOutlets }
}

/** The three answers to "where does the outlet of a file that names none come from". */
export type OutletChoice = { kind: 'files' } | { kind: 'name'; name: string } | { kind: 'subfolders' }

/** The import option for a choice, or the reason it cannot be sent yet. */
export function folderOutletFor(choice: OutletChoice): { ok: true; value: FolderOutlet | undefined } | { ok: false; error: string } {
  if (choice.kind === 'files') return { ok: true, value: undefined }
  if (choice.kind === 'subfolders') return { ok: true, value: { from: 'subfolders' } }
  const name = choice.name.trim()
  if (!name) return { ok: false, error: 'Type the outlet’s name, or choose another option.' }
  if (name.length > 200) return { ok: false, error: 'The outlet’s name is longer than 200 characters.' }
  return { ok: true, value: { from: 'name', name } }
}
